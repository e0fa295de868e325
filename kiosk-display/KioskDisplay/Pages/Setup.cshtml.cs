using Kiosk.Display.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;

namespace Kiosk.Display.Pages;

[EnableRateLimiting(SignInGuard.RateLimitPolicy)]
public class SetupModel(FirstRun firstRun, SignInGuard guard) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Repeat { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await firstRun.NeededAsync(ct) ? Page() : Redirect("/login");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if ((Error = await firstRun.SetUpAsync(Code, Name, Password, Repeat, ct)) is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (await guard.TryAsync(Name, Password, SignInGuard.AddressOf(HttpContext), ct) is SignInGuard.SignedIn signedIn)
        {
            await HttpContext.SignInAsync(signedIn.Principal);
        }
        return LocalRedirect("/staff");
    }
}
