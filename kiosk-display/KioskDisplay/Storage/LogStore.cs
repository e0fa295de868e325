namespace Kiosk.Display.Storage;

/// <summary>The display's log for technicians (mats connecting, results stored, staff changes).</summary>
public interface ILogStore
{
    Task AddLogAsync(string level, string? deviceId, string message, CancellationToken cancellationToken = default);
    /// <summary>The newest first.</summary>
    Task<IReadOnlyList<LogEntry>> RecentLogAsync(int limit, CancellationToken cancellationToken = default);
    /// <summary>One page of the entries that match, the newest first, with how many match in all.</summary>
    Task<Paged<LogEntry>> ListLogAsync(LogQuery query, PageRequest page, CancellationToken cancellationToken = default);
    /// <summary>The mats the log names, for the technician's filter.</summary>
    Task<IReadOnlyList<string>> LoggedDevicesAsync(CancellationToken cancellationToken = default);
    /// <summary>Deletes log lines older than the cutoff (they name results and staff).</summary>
    Task<int> DeleteLogBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}

public sealed record LogEntry(DateTimeOffset At, string Level, string? DeviceId, string Message);

/// <summary>Which log entries to list: of one level and of one mat; null for any.</summary>
public sealed record LogQuery(string? Level = null, string? DeviceId = null)
{
    /// <summary>The levels the display writes, mildest first.</summary>
    public static readonly string[] Levels = ["info", "warning", "error"];
}

/// <summary><see cref="ILogStore"/> in SQL, the same on SQLite and PostgreSQL.</summary>
public sealed class LogStore(SqlDatabase db) : ILogStore
{
    public Task AddLogAsync(string level, string? deviceId, string message, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("INSERT INTO log (at_utc, level, device_id, message) VALUES ($1, $2, $3, $4)", cancellationToken,
            db.Time(DateTimeOffset.UtcNow), level, deviceId, message);

    public async Task<IReadOnlyList<LogEntry>> RecentLogAsync(int limit, CancellationToken cancellationToken = default) =>
        await db.QueryAsync("SELECT at_utc, level, device_id, message FROM log ORDER BY id DESC LIMIT $1",
            r => new LogEntry(db.ReadTime(r, 0), r.GetString(1), SqlDatabase.NullableString(r, 2), r.GetString(3)), cancellationToken, limit);

    // "$1 IS NULL" after a comparison with a column: PostgreSQL takes a parameter's type from its first use.
    private const string LogWhere = "WHERE (level = $1 OR $1 IS NULL) AND (device_id = $2 OR $2 IS NULL)";

    public async Task<Paged<LogEntry>> ListLogAsync(LogQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        var entries = await db.QueryAsync($"SELECT at_utc, level, device_id, message FROM log {LogWhere} ORDER BY id DESC LIMIT $3 OFFSET $4",
            r => new LogEntry(db.ReadTime(r, 0), r.GetString(1), SqlDatabase.NullableString(r, 2), r.GetString(3)), cancellationToken,
            query.Level, query.DeviceId, page.Size, page.Offset);
        var total = await db.QueryAsync($"SELECT COUNT(*) FROM log {LogWhere}", r => r.GetInt64(0), cancellationToken, query.Level, query.DeviceId);
        return new Paged<LogEntry>(entries, (int)total[0], page);
    }

    public async Task<IReadOnlyList<string>> LoggedDevicesAsync(CancellationToken cancellationToken = default) =>
        await db.QueryAsync("SELECT DISTINCT device_id FROM log WHERE device_id IS NOT NULL ORDER BY device_id", r => r.GetString(0), cancellationToken);

    public Task<int> DeleteLogBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("DELETE FROM log WHERE at_utc < $1", cancellationToken, db.Time(cutoff));
}
