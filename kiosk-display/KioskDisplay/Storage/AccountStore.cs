namespace Kiosk.Display.Storage;

/// <summary>
/// Sign-in accounts kept in the database (the first administrator sets one up at the first start), and each
/// user's session stamp: a sign-in carries the stamp of its time, and signing out renews it, so every cookie issued
/// before (a copied one too) stops working. Accounts from configuration (Kiosk:Users) have stamps here too.
/// </summary>
public interface IAccountStore
{
    Task<StoredAccount?> GetAccountAsync(string name, CancellationToken cancellationToken = default);
    Task<int> CountAccountsAsync(CancellationToken cancellationToken = default);
    /// <summary>False when an account of that name exists already.</summary>
    Task<bool> AddAccountAsync(StoredAccount account, CancellationToken cancellationToken = default);

    /// <summary>The user's stamp, created on first use.</summary>
    Task<string> GetStampAsync(string name, CancellationToken cancellationToken = default);
    /// <summary>A new stamp for the user: sessions signed in before are over. Returns it.</summary>
    Task<string> RenewStampAsync(string name, CancellationToken cancellationToken = default);
}

/// <param name="PasswordHash">From <see cref="Auth.PasswordHashing.Hash"/>.</param>
public sealed record StoredAccount(string Name, string PasswordHash, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt);

/// <summary><see cref="IAccountStore"/> in SQL, the same on SQLite and PostgreSQL. Names are kept lower-case.</summary>
public sealed class AccountStore(SqlDatabase db) : IAccountStore
{
    public async Task<StoredAccount?> GetAccountAsync(string name, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync("SELECT name, password_hash, roles, created_utc FROM accounts WHERE name = $1",
            r => new StoredAccount(r.GetString(0), r.GetString(1), r.GetString(2).Split(',', StringSplitOptions.RemoveEmptyEntries), db.ReadTime(r, 3)),
            cancellationToken, Key(name))).FirstOrDefault();

    public async Task<int> CountAccountsAsync(CancellationToken cancellationToken = default) =>
        (await db.QueryAsync("SELECT COUNT(*) FROM accounts", r => Convert.ToInt32(r.GetValue(0)), cancellationToken))[0];

    public async Task<bool> AddAccountAsync(StoredAccount account, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync("INSERT INTO accounts VALUES ($1, $2, $3, $4) ON CONFLICT(name) DO NOTHING", cancellationToken,
            Key(account.Name), account.PasswordHash, string.Join(",", account.Roles), db.Time(account.CreatedAt)) == 1;

    public async Task<string> GetStampAsync(string name, CancellationToken cancellationToken = default)
    {
        // Created if missing; a concurrent creation keeps whichever came first, and both read that one.
        await db.ExecuteAsync("INSERT INTO session_stamps VALUES ($1, $2) ON CONFLICT(name) DO NOTHING", cancellationToken, Key(name), NewStamp());
        return (await db.QueryAsync("SELECT stamp FROM session_stamps WHERE name = $1", r => r.GetString(0), cancellationToken, Key(name)))[0];
    }

    public async Task<string> RenewStampAsync(string name, CancellationToken cancellationToken = default)
    {
        string stamp = NewStamp();
        await db.ExecuteAsync("INSERT INTO session_stamps VALUES ($1, $2) ON CONFLICT(name) DO UPDATE SET stamp = $2", cancellationToken, Key(name), stamp);
        return stamp;
    }

    private static string Key(string name) => name.Trim().ToLowerInvariant();

    private static string NewStamp() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}
