using Kiosk.Display;
using Kiosk.Display.Auth;
using Kiosk.Display.Endpoints;
using Kiosk.Display.Pages;
using Kiosk.Display.Security;

if (PasswordHashing.TryRunCommand(args)) return;

var builder = WebApplication.CreateBuilder(args);

// Options: appsettings.json, appsettings.{Environment}.json (Development: the demo), then the command line
// (--Kiosk:DataFolder=/var/kiosk --VirtualMat:Enabled=false --urls=...)
builder.Services.AddKioskOptions(builder.Configuration);
builder.AddKioskHttps();                // with Kiosk:CertificatePath: HTTPS, and the sign-in cookie Secure

// Services
builder.Services.AddKioskStorage();
builder.Services.AddScanFeed(builder.Configuration);
builder.Services.AddRecommendations();
builder.Services.AddKioskAuth(builder.Configuration);
builder.Services.AddProblemDetails();   // every error answers in words, never a bare status or a stack trace
BadRequestAnswer.AddBadRequestAnswers(builder.Services); // an unreadable body: a 400 that says where, not a logged exception
builder.Services.AddRazorPages(pages =>
{
    pages.Conventions.AuthorizeFolder("/Staff", KioskAuth.StaffPolicy);
    pages.Conventions.AuthorizeFolder("/Tech", KioskAuth.TechnicianPolicy);
});

var app = builder.Build();
if (!app.Environment.IsDevelopment() && app.Configuration.GetValue<bool>("Kiosk:Demo"))
{
    app.Logger.LogWarning("Kiosk:Demo is on in {Environment}: the demo accounts staff/staff and tech/tech can sign in. Turn it off for a store.", app.Environment.EnvironmentName);
}

app.UseSecurityHeaders();      // CSP without inline script, no framing, no sniffing: on every response, errors too
app.UseInvariantCulture();     // numbers and dates read and written alike on any machine (Pages/StaffCulture)

app.UseExceptionHandler(new ExceptionHandlerOptions
{
    StatusCodeSelector = error => error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
});
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseKioskHttps();           // with a certificate: staff pages and APIs over HTTPS only
app.UseSameOriginChanges();    // a POST from another site's page is refused before it reaches an endpoint
app.UseRateLimiter();          // sign-in attempts per address
app.UseAuthentication();
app.UseAuthorization();

// Endpoints, by feature
app.MapShopperEndpoints();      // /api/shopper: live events and advice for the shopper on the mat
app.MapAuthEndpoints();         // /api/auth: login for staff and technicians
app.MapStaffEndpoints();        // /api/staff: scans and catalog
app.MapTechnicianEndpoints();   // /api/tech: devices, commands, log
app.MapRazorPages();            // /login, /staff/..., /tech/...

app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
