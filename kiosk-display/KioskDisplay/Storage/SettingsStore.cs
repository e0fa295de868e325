namespace Kiosk.Display.Storage;

/// <summary>Settings the staff change at run time (retention), by key.</summary>
public interface ISettingsStore
{
    Task<string?> GetSettingAsync(string key, CancellationToken cancellationToken = default);
    Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default);
}

/// <summary><see cref="ISettingsStore"/> in SQL, the same on SQLite and PostgreSQL.</summary>
public sealed class SettingsStore(SqlDatabase db) : ISettingsStore
{
    public async Task<string?> GetSettingAsync(string key, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync("SELECT value FROM settings WHERE key = $1", r => r.GetString(0), cancellationToken, key)).FirstOrDefault();

    public Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("INSERT INTO settings VALUES ($1, $2) ON CONFLICT(key) DO UPDATE SET value = $2", cancellationToken, key, value);
}
