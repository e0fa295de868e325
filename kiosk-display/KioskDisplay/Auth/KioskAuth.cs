using System.Threading.RateLimiting;
using Kiosk.Display.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.RateLimiting;

namespace Kiosk.Display.Auth;

/// <summary>
/// Cookie sign-in for staff and technicians (<see cref="Accounts"/>): checked and throttled by <see cref="SignInGuard"/>,
/// each request's cookie checked against the user's <see cref="SessionStamps"/> (signing out ends the session), the
/// cookie HttpOnly, SameSite=Strict, and Secure when the display has a certificate (<see cref="Https"/>).
/// </summary>
public static class KioskAuth
{
    public const string StaffRole = "staff";
    public const string TechnicianRole = "technician";
    public const string StaffPolicy = "staff";
    public const string TechnicianPolicy = "technician";

    public static IServiceCollection AddKioskAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<Accounts>();
        services.AddSingleton<SessionStamps>();
        services.AddSingleton<SignInGuard>();
        services.AddSingleton<FirstRun>();
        services.AddHostedService(provider => provider.GetRequiredService<FirstRun>());
        bool https = Https.Configured(configuration);
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.LoginPath = "/login";
            cookie.Cookie.Name = "kiosk-staff";
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.HttpOnly = true;
            // With a certificate the cookie never travels over plain HTTP (staff pages are redirected to HTTPS).
            cookie.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            cookie.Events.OnValidatePrincipal = SessionStamps.ValidateAsync;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(10);
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, policy => policy.RequireRole(StaffRole))
            .AddPolicy(TechnicianPolicy, policy => policy.RequireRole(TechnicianRole));
        services.AddRateLimiter(limiter =>
        {
            // Sign-in and set-up posts per address; reading the forms is not limited.
            limiter.AddPolicy(SignInGuard.RateLimitPolicy, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(SignInGuard.AddressOf(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = SignInGuard.AttemptsPerAddressPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(""));
            limiter.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await Results.Problem("too many sign-in attempts from this device: wait a minute", statusCode: StatusCodes.Status429TooManyRequests)
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    /// <summary>APIs answer with the status code; pages redirect to login, or say plainly that the role is missing.</summary>
    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync("""
            <!doctype html><meta charset="utf-8"><title>Not allowed</title><link rel="stylesheet" href="/css/staff.css">
            <main><h1>Not allowed</h1><p>Your account cannot open this page. <a href="/login">Sign in with another account</a>.</p></main>
            """);
    }

    public static RouteGroupBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth");
        group.MapPost("/login", async (HttpContext http, SignInGuard guard, LoginRequest login, CancellationToken ct) =>
            await guard.TryAsync(login.Name, login.Password, SignInGuard.AddressOf(http), ct) switch
            {
                SignInGuard.SignedIn signedIn => await SignInAsync(http, signedIn),
                SignInGuard.LockedOut locked => LockedOut(http, locked),
                _ => Results.Problem("wrong name or password", statusCode: StatusCodes.Status401Unauthorized),
            }).RequireRateLimiting(SignInGuard.RateLimitPolicy);
        group.MapPost("/logout", async (HttpContext http, SessionStamps stamps, CancellationToken ct) =>
        {
            await SignOutAsync(http, stamps, ct);
            return Results.Ok();
        });
        return group;
    }

    private static async Task<IResult> SignInAsync(HttpContext http, SignInGuard.SignedIn signedIn)
    {
        await http.SignInAsync(signedIn.Principal);
        return Results.Ok(new { name = signedIn.Principal.Identity!.Name });
    }

    public static IResult LockedOut(HttpContext http, SignInGuard.LockedOut locked)
    {
        http.Response.Headers.RetryAfter = ((int)SignInGuard.LockoutWindow.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(locked.Message, statusCode: StatusCodes.Status429TooManyRequests);
    }

    /// <summary>Signs out and ends every earlier session of the user here (a new session stamp).</summary>
    public static async Task SignOutAsync(HttpContext http, SessionStamps stamps, CancellationToken ct)
    {
        if (http.User.Identity is { IsAuthenticated: true, Name: { } name })
        {
            await stamps.RevokeAsync(name, ct);
        }
        await http.SignOutAsync();
    }

    public sealed record LoginRequest(string? Name, string? Password);
}
