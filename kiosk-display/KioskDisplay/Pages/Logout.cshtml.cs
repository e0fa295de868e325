using Kiosk.Display.Auth;

namespace Kiosk.Display.Pages;

public class LogoutModel(SessionStamps stamps) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/login");

    /// <summary>Ends this session and every other of the user here: a copied cookie stops working too.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await KioskAuth.SignOutAsync(HttpContext, stamps, ct);
        return LocalRedirect("/login");
    }
}
