namespace Kiosk.Display.Auth;

/// <summary>One account that can sign in, from wherever it is defined.</summary>
public sealed record Account(string Name, string PasswordHash, IReadOnlyList<string> Roles, bool Demo);

/// <summary>
/// Who can sign in: the accounts in configuration (Kiosk:Users), the accounts set up on the display (the first
/// administrator, in the database), and, only on a demo display (Kiosk:Demo, the Development environment the
/// README's first command runs), the demo accounts staff/staff and tech/tech.
/// </summary>
public sealed class Accounts(IOptions<KioskOptions> options, IAccountStore store)
{
    /// <summary>The demo's accounts: name = password. Never on a store's display (Production has Kiosk:Demo off).</summary>
    public static readonly IReadOnlyList<Account> DemoAccounts =
    [
        new("staff", "pbkdf2-sha256$100000$naYVVcLacLtte9CsO7Kcng==$wDGYQLC1AT7pE6x4seCYtgz7ETzySSXJVmFpbiJy6Yc=", [KioskAuth.StaffRole], Demo: true),
        new("tech", "pbkdf2-sha256$100000$tbP0pX15kgvHEJ4jg3loLQ==$PCbc8adZPGJyK0KzQnLMzQ4x234zhWZctFZm5Ks9doQ=", [KioskAuth.TechnicianRole], Demo: true),
    ];

    public bool DemoOn => options.Value.Demo;

    public async Task<Account?> FindAsync(string name, CancellationToken ct)
    {
        name = name.Trim();
        if (options.Value.Users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase)) is { } configured)
        {
            return new Account(configured.Name, configured.PasswordHash, configured.Roles, Demo: false);
        }
        if (name.Length > 0 && await store.GetAccountAsync(name, ct) is { } stored)
        {
            return new Account(stored.Name, stored.PasswordHash, stored.Roles, Demo: false);
        }
        return DemoOn ? DemoAccounts.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase)) : null;
    }

    /// <summary>A store's own account exists (configured or set up); the demo accounts do not count.</summary>
    public async Task<bool> AnyRealAccountAsync(CancellationToken ct) =>
        options.Value.Users.Count > 0 || await store.CountAccountsAsync(ct) > 0;
}
