namespace Kiosk.Display.Storage;

/// <summary>The technicians' commands to mats and what became of each.</summary>
public interface ICommandStore
{
    /// <summary>Records a command; returns its number, to set its state when the mat answers.</summary>
    Task<long> AddCommandAsync(DeviceCommandRecord command, CancellationToken cancellationToken = default);
    Task SetCommandStateAsync(long id, string state, CancellationToken cancellationToken = default);
    /// <summary>
    /// Gives the oldest command of this mat and kind still in state <paramref name="awaiting"/> its answer (a mat acks
    /// its commands in the order they came); false when none awaits one.
    /// </summary>
    Task<bool> AnswerOldestAsync(string deviceId, string command, string awaiting, string state, CancellationToken cancellationToken = default);
    /// <summary>Every command of this mat still in state <paramref name="awaiting"/> gets <paramref name="state"/> (its link closed).</summary>
    Task<int> EndAwaitingAsync(string deviceId, string awaiting, string state, CancellationToken cancellationToken = default);
    /// <summary>The newest first; of one mat, or of all when <paramref name="deviceId"/> is null.</summary>
    Task<IReadOnlyList<DeviceCommandRecord>> ListCommandsAsync(int limit, CancellationToken cancellationToken = default, string? deviceId = null);
    /// <summary>One page of the commands, the newest first, with how many there are; of one mat, or of all when null.</summary>
    Task<Paged<DeviceCommandRecord>> ListCommandsAsync(PageRequest page, string? deviceId, CancellationToken cancellationToken = default);
    /// <summary>Deletes the records of commands requested before the cutoff (they name staff).</summary>
    Task<int> DeleteCommandsBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}

public sealed record DeviceCommandRecord(string DeviceId, string Command, string? Argument, string RequestedBy, DateTimeOffset RequestedAt, string State);

/// <summary><see cref="ICommandStore"/> in SQL, the same on SQLite and PostgreSQL.</summary>
public sealed class CommandStore(SqlDatabase db) : ICommandStore
{
    public async Task<long> AddCommandAsync(DeviceCommandRecord c, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync("""
            INSERT INTO device_commands (device_id, command, argument, requested_by, requested_utc, state) VALUES ($1, $2, $3, $4, $5, $6)
            RETURNING id
            """, r => r.GetInt64(0), cancellationToken, c.DeviceId, c.Command, c.Argument, c.RequestedBy, db.Time(c.RequestedAt), c.State))[0];

    public Task SetCommandStateAsync(long id, string state, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("UPDATE device_commands SET state = $2 WHERE id = $1", cancellationToken, id, state);

    public async Task<bool> AnswerOldestAsync(string deviceId, string command, string awaiting, string state, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync("""
            UPDATE device_commands SET state = $4 WHERE id =
                (SELECT MIN(id) FROM device_commands WHERE device_id = $1 AND command = $2 AND state = $3)
            """, cancellationToken, deviceId, command, awaiting, state) == 1;

    public Task<int> EndAwaitingAsync(string deviceId, string awaiting, string state, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("UPDATE device_commands SET state = $3 WHERE device_id = $1 AND state = $2", cancellationToken, deviceId, awaiting, state);

    public async Task<IReadOnlyList<DeviceCommandRecord>> ListCommandsAsync(int limit, CancellationToken cancellationToken = default, string? deviceId = null) =>
        await db.QueryAsync("""
            SELECT device_id, command, argument, requested_by, requested_utc, state FROM device_commands
            WHERE device_id = $2 OR $2 IS NULL ORDER BY id DESC LIMIT $1
            """,
            r => new DeviceCommandRecord(r.GetString(0), r.GetString(1), SqlDatabase.NullableString(r, 2), r.GetString(3), db.ReadTime(r, 4), r.GetString(5)),
            cancellationToken, limit, deviceId);

    public async Task<Paged<DeviceCommandRecord>> ListCommandsAsync(PageRequest page, string? deviceId, CancellationToken cancellationToken = default)
    {
        var commands = await db.QueryAsync("""
            SELECT device_id, command, argument, requested_by, requested_utc, state FROM device_commands
            WHERE device_id = $1 OR $1 IS NULL ORDER BY id DESC LIMIT $2 OFFSET $3
            """,
            r => new DeviceCommandRecord(r.GetString(0), r.GetString(1), SqlDatabase.NullableString(r, 2), r.GetString(3), db.ReadTime(r, 4), r.GetString(5)),
            cancellationToken, deviceId, page.Size, page.Offset);
        var total = await db.QueryAsync("SELECT COUNT(*) FROM device_commands WHERE device_id = $1 OR $1 IS NULL", r => r.GetInt64(0), cancellationToken, deviceId);
        return new Paged<DeviceCommandRecord>(commands, (int)total[0], page);
    }

    public Task<int> DeleteCommandsBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("DELETE FROM device_commands WHERE requested_utc < $1", cancellationToken, db.Time(cutoff));
}
