using Kiosk.Display.Feed;

namespace Kiosk.Display.Storage;

/// <summary>
/// Where scans, devices, the log and settings live. <see cref="SqliteScanStore"/> is the embedded default;
/// <see cref="PostgresScanStore"/> is a chain's shared database. Both are <see cref="SqlScanStore"/>.
/// </summary>
public interface IScanStore
{
    /// <summary>Creates or upgrades the schema; run once at start-up.</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>True when stored now; false when this result id was already stored (a no-op).</summary>
    Task<bool> SaveResultAsync(ScanResult result, CancellationToken cancellationToken = default);
    Task<StoredScan?> GetScanAsync(string resultId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<StoredScan>> ListScansAsync(ScanFilter filter, CancellationToken cancellationToken = default);
    Task<int> DeleteScansBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);

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

    Task AddCommandAsync(DeviceCommandRecord command, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<DeviceCommandRecord>> ListCommandsAsync(int limit, CancellationToken cancellationToken = default);

    Task AddLogAsync(string level, string? deviceId, string message, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<LogEntry>> RecentLogAsync(int limit, CancellationToken cancellationToken = default);
    /// <summary>Deletes log lines and device command records older than the cutoff.</summary>
    Task<int> DeleteLogBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);

    Task<string?> GetSettingAsync(string key, CancellationToken cancellationToken = default);
    Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default);
}

/// <summary>The store's product catalog. Implemented by the same class as <see cref="IScanStore"/>.</summary>
public interface ICatalogStore
{
    Task<IReadOnlyList<Product>> ListProductsAsync(bool includeRetired, CancellationToken cancellationToken = default);
    Task<Product?> GetProductAsync(long id, CancellationToken cancellationToken = default);
    /// <summary>Adds a product; returns its id. Throws <see cref="CatalogConflictException"/> for a taken SKU.</summary>
    Task<long> AddProductAsync(Product product, CancellationToken cancellationToken = default);
    Task UpdateProductAsync(Product product, CancellationToken cancellationToken = default);
    Task SetRetiredAsync(long id, bool retired, CancellationToken cancellationToken = default);
    /// <summary>Adds or updates (by SKU) every product in one transaction: all or nothing.</summary>
    Task<int> ImportProductsAsync(IReadOnlyList<Product> products, CancellationToken cancellationToken = default);
}

public sealed class CatalogConflictException(string message) : Exception(message);

/// <summary>The scans of one day, from midnight to midnight in <paramref name="Zone"/> (null: UTC), optionally of one arch type or quality.</summary>
public sealed record ScanFilter(DateOnly Day, string? ArchType = null, bool? QualityOk = null, TimeZoneInfo? Zone = null)
{
    /// <summary>When the day starts, as an instant; a midnight that a clock change skips starts an hour later.</summary>
    public DateTimeOffset Start(DateOnly day)
    {
        TimeZoneInfo zone = Zone ?? TimeZoneInfo.Utc;
        DateTime midnight = day.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(30);
        }
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }
}

public sealed record StoredScan(ScanResult Result, DateTimeOffset ReceivedAt);

public sealed record DeviceRecord(DeviceStatus Status, bool Paired);

public sealed record DeviceCommandRecord(string DeviceId, string Command, string? Argument, string RequestedBy, DateTimeOffset RequestedAt, string State);

public sealed record LogEntry(DateTimeOffset At, string Level, string? DeviceId, string Message);
