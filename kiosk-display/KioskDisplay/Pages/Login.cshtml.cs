using Kiosk.Display.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;

namespace Kiosk.Display.Pages;

[EnableRateLimiting(SignInGuard.RateLimitPolicy)]
public class LoginModel(SignInGuard guard, Accounts accounts, FirstRun firstRun) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Password { get; set; }
    public string? Error { get; private set; }
    public bool DemoOn => accounts.DemoOn;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        !accounts.DemoOn && await firstRun.NeededAsync(ct) ? Redirect("/setup") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        switch (await guard.TryAsync(Name, Password, SignInGuard.AddressOf(HttpContext), ct))
        {
            case SignInGuard.SignedIn signedIn:
                await HttpContext.SignInAsync(signedIn.Principal);
                if (ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl)) return LocalRedirect(ReturnUrl);
                return LocalRedirect(signedIn.Principal.IsInRole(KioskAuth.StaffRole) ? "/staff" : "/tech");
            case SignInGuard.LockedOut locked:
                Error = char.ToUpperInvariant(locked.Message[0]) + locked.Message[1..] + ".";
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return Page();
            default:
                Error = "Wrong name or password.";
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Page();
        }
    }
}
