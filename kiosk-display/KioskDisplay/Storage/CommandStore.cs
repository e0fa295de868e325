namespace Kiosk.Display.Storage;

/// <summary>The technicians' commands to mats and what became of each.</summary>
public interface ICommandStore
{
    Task AddCommandAsync(DeviceCommandRecord command, CancellationToken cancellationToken = default);
    /// <summary>The newest first.</summary>
    Task<IReadOnlyList<DeviceCommandRecord>> ListCommandsAsync(int limit, CancellationToken cancellationToken = default);
    /// <summary>Deletes the records of commands requested before the cutoff (they name staff).</summary>
    Task<int> DeleteCommandsBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}

public sealed record DeviceCommandRecord(string DeviceId, string Command, string? Argument, string RequestedBy, DateTimeOffset RequestedAt, string State);

/// <summary><see cref="ICommandStore"/> in SQL, the same on SQLite and PostgreSQL.</summary>
public sealed class CommandStore(SqlDatabase db) : ICommandStore
{
    public Task AddCommandAsync(DeviceCommandRecord c, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("INSERT INTO device_commands (device_id, command, argument, requested_by, requested_utc, state) VALUES ($1, $2, $3, $4, $5, $6)",
            cancellationToken, c.DeviceId, c.Command, c.Argument, c.RequestedBy, db.Time(c.RequestedAt), c.State);

    public async Task<IReadOnlyList<DeviceCommandRecord>> ListCommandsAsync(int limit, CancellationToken cancellationToken = default) =>
        await db.QueryAsync("SELECT device_id, command, argument, requested_by, requested_utc, state FROM device_commands ORDER BY id DESC LIMIT $1",
            r => new DeviceCommandRecord(r.GetString(0), r.GetString(1), SqlDatabase.NullableString(r, 2), r.GetString(3), db.ReadTime(r, 4), r.GetString(5)),
            cancellationToken, limit);

    public Task<int> DeleteCommandsBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("DELETE FROM device_commands WHERE requested_utc < $1", cancellationToken, db.Time(cutoff));
}
