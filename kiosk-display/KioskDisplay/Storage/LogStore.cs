namespace Kiosk.Display.Storage;

/// <summary>The display's log for technicians (mats connecting, results stored, staff changes).</summary>
public interface ILogStore
{
    Task AddLogAsync(string level, string? deviceId, string message, CancellationToken cancellationToken = default);
    /// <summary>The newest first.</summary>
    Task<IReadOnlyList<LogEntry>> RecentLogAsync(int limit, CancellationToken cancellationToken = default);
    /// <summary>Deletes log lines older than the cutoff (they name results and staff).</summary>
    Task<int> DeleteLogBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}

public sealed record LogEntry(DateTimeOffset At, string Level, string? DeviceId, string Message);

/// <summary><see cref="ILogStore"/> in SQL, the same on SQLite and PostgreSQL.</summary>
public sealed class LogStore(SqlDatabase db) : ILogStore
{
    public Task AddLogAsync(string level, string? deviceId, string message, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("INSERT INTO log (at_utc, level, device_id, message) VALUES ($1, $2, $3, $4)", cancellationToken,
            db.Time(DateTimeOffset.UtcNow), level, deviceId, message);

    public async Task<IReadOnlyList<LogEntry>> RecentLogAsync(int limit, CancellationToken cancellationToken = default) =>
        await db.QueryAsync("SELECT at_utc, level, device_id, message FROM log ORDER BY id DESC LIMIT $1",
            r => new LogEntry(db.ReadTime(r, 0), r.GetString(1), SqlDatabase.NullableString(r, 2), r.GetString(3)), cancellationToken, limit);

    public Task<int> DeleteLogBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("DELETE FROM log WHERE at_utc < $1", cancellationToken, db.Time(cutoff));
}
