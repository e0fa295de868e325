using System.Data.Common;
using System.Text.Json;

namespace Kiosk.Display.Storage;

/// <summary>The mats: their last status and self-test map, and which are paired with which key.</summary>
public interface IDeviceStore
{
    Task UpsertDeviceStatusAsync(DeviceStatus status, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<DeviceRecord>> ListDevicesAsync(CancellationToken cancellationToken = default);
    /// <summary>One mat, or null when no mat has this id.</summary>
    Task<DeviceRecord?> GetDeviceAsync(string deviceId, CancellationToken cancellationToken = default);
    /// <summary>Keeps the mat's latest self-test map; status reports (which carry none) leave it as it is.</summary>
    Task SetDeadSenselMapAsync(string deviceId, DeadSenselMap map, CancellationToken cancellationToken = default);
    /// <summary>Pairs the mat with its key (as <see cref="Kiosk.Mat.Pairing.PairingKey.Format"/> writes it), adding its row if it never connected.</summary>
    Task PairDeviceAsync(string deviceId, string pairingKey, CancellationToken cancellationToken = default);
    /// <summary>Forgets the mat's key: it is refused from its next Hello.</summary>
    Task UnpairDeviceAsync(string deviceId, CancellationToken cancellationToken = default);
    /// <summary>The key of a paired mat; null when it is not paired.</summary>
    Task<string?> GetPairingKeyAsync(string deviceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// An unpaired mat said Hello: list it as waiting for pairing (or note when it was last seen). A new one is not
    /// listed when <see cref="DeviceStore.MaxWaitingMats"/> are waiting already; false then.
    /// </summary>
    Task<bool> NoteWaitingAsync(string deviceId, DateTimeOffset seenAt, CancellationToken cancellationToken = default);

    /// <summary>Forgets unpaired mats not seen since the cutoff (a real one says Hello again every few seconds).</summary>
    Task<int> DeleteWaitingBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}

public sealed record DeviceRecord(DeviceStatus Status, bool Paired);

/// <summary><see cref="IDeviceStore"/> in SQL, the same on SQLite and PostgreSQL.</summary>
public sealed class DeviceStore(SqlDatabase db) : IDeviceStore
{
    /// <summary>Unpaired mats listed at most: a store has a few; thousands of ids are someone flooding the display.</summary>
    public const int MaxWaitingMats = 50;

    /// <summary>How long an unpaired mat stays listed after its last Hello.</summary>
    public static readonly TimeSpan WaitingKeptFor = TimeSpan.FromDays(1);

    public async Task<bool> NoteWaitingAsync(string deviceId, DateTimeOffset seenAt, CancellationToken cancellationToken = default)
    {
        if (await db.ExecuteAsync("UPDATE devices SET last_seen_utc = $2 WHERE device_id = $1", cancellationToken, deviceId, db.Time(seenAt)) == 1)
        {
            return true;
        }
        // Counted in the same statement, so displays sharing a database cannot together pass the cap by much.
        return await db.ExecuteAsync("""
            INSERT INTO devices (device_id, firmware, uptime_s, frame_rate_hz, rssi_dbm, dead_count, last_seen_utc, paired)
            SELECT $1, 'unknown', 0, 0, 0, 0, $2, $3
            WHERE (SELECT COUNT(*) FROM devices WHERE paired = $3) < $4
            ON CONFLICT(device_id) DO NOTHING
            """, cancellationToken, deviceId, db.Time(seenAt), db.Flag(false), MaxWaitingMats) == 1;
    }

    public Task<int> DeleteWaitingBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("DELETE FROM devices WHERE paired = $2 AND last_seen_utc < $1", cancellationToken, db.Time(cutoff), db.Flag(false));

    public Task UpsertDeviceStatusAsync(DeviceStatus s, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("""
            INSERT INTO devices (device_id, firmware, uptime_s, frame_rate_hz, rssi_dbm, dead_count, dead_map_json, last_seen_utc)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT(device_id) DO UPDATE SET firmware = $2, uptime_s = $3, frame_rate_hz = $4, rssi_dbm = $5,
                dead_count = $6, dead_map_json = COALESCE($7, devices.dead_map_json), last_seen_utc = $8
            """, cancellationToken,
            s.DeviceId, s.FirmwareVersion, s.UptimeSeconds, s.FrameRateHz, s.RssiDbm, s.DeadSenselCount,
            s.DeadSensels is null ? null : JsonSerializer.Serialize(s.DeadSensels), db.Time(s.LastSeen));

    private const string DeviceColumns = "device_id, firmware, uptime_s, frame_rate_hz, rssi_dbm, dead_count, dead_map_json, last_seen_utc, paired";

    private DeviceRecord ReadDevice(DbDataReader r) =>
        new(new DeviceStatus(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetDouble(3), r.GetInt32(4),
            r.GetInt32(5), SqlDatabase.NullableString(r, 6) is { } map ? JsonSerializer.Deserialize<DeadSenselMap>(map) : null, db.ReadTime(r, 7)),
            db.ReadFlag(r, 8));

    public async Task<IReadOnlyList<DeviceRecord>> ListDevicesAsync(CancellationToken cancellationToken = default) =>
        await db.QueryAsync($"SELECT {DeviceColumns} FROM devices ORDER BY device_id", ReadDevice, cancellationToken);

    public async Task<DeviceRecord?> GetDeviceAsync(string deviceId, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync($"SELECT {DeviceColumns} FROM devices WHERE device_id = $1", ReadDevice, cancellationToken, deviceId)).FirstOrDefault();

    public Task SetDeadSenselMapAsync(string deviceId, DeadSenselMap map, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("UPDATE devices SET dead_map_json = $2, dead_count = $3 WHERE device_id = $1", cancellationToken,
            deviceId, JsonSerializer.Serialize(map), map.Indices.Length);

    public Task PairDeviceAsync(string deviceId, string pairingKey, CancellationToken cancellationToken = default) =>
        // A mat may be paired before it first connects: its row starts with placeholders its Status replaces.
        db.ExecuteAsync("""
            INSERT INTO devices (device_id, firmware, uptime_s, frame_rate_hz, rssi_dbm, dead_count, last_seen_utc, paired, pairing_key)
            VALUES ($1, 'unknown', 0, 0, 0, 0, $2, $3, $4)
            ON CONFLICT(device_id) DO UPDATE SET paired = $3, pairing_key = $4
            """, cancellationToken, deviceId, db.Time(DateTimeOffset.UtcNow), db.Flag(true), pairingKey);

    public Task UnpairDeviceAsync(string deviceId, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("UPDATE devices SET paired = $2, pairing_key = NULL WHERE device_id = $1", cancellationToken, deviceId, db.Flag(false));

    public async Task<string?> GetPairingKeyAsync(string deviceId, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync("SELECT pairing_key FROM devices WHERE device_id = $1 AND paired = $2 AND pairing_key IS NOT NULL",
            r => r.GetString(0), cancellationToken, deviceId, db.Flag(true))).FirstOrDefault();
}
