using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Kiosk.Display.Auth;

/// <summary>
/// A sign-in's cookie carries the user's session stamp of its time; every request checks it against the current one,
/// and signing out renews the stamp, so the cookie (and any copy of it, and the user's other sessions on this
/// display) stops working at once, not when it would have expired. Stamps are kept in the store and cached here.
/// </summary>
public sealed class SessionStamps(IAccountStore store)
{
    public const string ClaimType = "kiosk:session-stamp";

    private readonly ConcurrentDictionary<string, string> _current = new(StringComparer.OrdinalIgnoreCase);

    public async Task<string> CurrentAsync(string name, CancellationToken ct)
    {
        if (_current.TryGetValue(name, out string? stamp))
        {
            return stamp;
        }
        stamp = await store.GetStampAsync(name, ct);
        _current[name] = stamp;
        return stamp;
    }

    /// <summary>Ends every session of the user signed in before now.</summary>
    public async Task RevokeAsync(string name, CancellationToken ct) => _current[name] = await store.RenewStampAsync(name, ct);

    /// <summary>The cookie handler's check (<see cref="CookieAuthenticationEvents.OnValidatePrincipal"/>).</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var stamps = context.HttpContext.RequestServices.GetRequiredService<SessionStamps>();
        string? name = context.Principal?.Identity?.Name;
        string? stamp = context.Principal?.FindFirstValue(ClaimType);
        if (name is null || stamp is null || stamp != await stamps.CurrentAsync(name, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
