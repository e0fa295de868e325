using System.Data.Common;
using System.Text.Json;
using Kiosk.Display.Feed;
using Kiosk.Mat.Host.Json;

namespace Kiosk.Display.Storage;

/// <summary>The shoppers' scans: each result id stored once, listed by day, expired by age.</summary>
public interface IScanStore
{
    /// <summary>True when stored now; false when this result id was already stored (a no-op).</summary>
    Task<bool> SaveResultAsync(ScanResult result, CancellationToken cancellationToken = default);
    Task<StoredScan?> GetScanAsync(string resultId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<StoredScan>> ListScansAsync(ScanFilter filter, CancellationToken cancellationToken = default);
    Task<int> DeleteScansBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}

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

/// <summary><see cref="IScanStore"/> in SQL, the same on SQLite and PostgreSQL.</summary>
public sealed class ScanStore(SqlDatabase db) : IScanStore
{
    public async Task<bool> SaveResultAsync(ScanResult result, CancellationToken cancellationToken = default)
    {
        int inserted = await db.ExecuteAsync("""
            INSERT INTO scans VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            ON CONFLICT(result_id) DO NOTHING
            """, cancellationToken,
            result.ResultId, result.DeviceId, db.Time(result.ScannedAt), db.Time(DateTimeOffset.UtcNow),
            result.Report.Left?.ArchType, result.Report.Right?.ArchType, db.Flag(result.Report.Quality.Ok),
            result.Report.ToJson(), result.Summed.Rows, result.Summed.Cols, result.Summed.PitchMm,
            JsonSerializer.Serialize(result.Summed.LoadGrams));
        return inserted == 1;
    }

    private const string ScanColumns = "result_id, device_id, scanned_utc, received_utc, report_json, rows, cols, pitch_mm, loads_json";

    private StoredScan ReadScan(DbDataReader r)
    {
        var report = AnalysisReport.FromJson(r.GetString(4))!;
        var grid = new MatGrid(r.GetInt32(5), r.GetInt32(6), r.GetDouble(7), JsonSerializer.Deserialize<int[]>(r.GetString(8))!);
        return new StoredScan(new ScanResult(r.GetString(0), r.GetString(1), report, grid, db.ReadTime(r, 2)), db.ReadTime(r, 3));
    }

    public async Task<StoredScan?> GetScanAsync(string resultId, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync($"SELECT {ScanColumns} FROM scans WHERE result_id = $1", ReadScan, cancellationToken, resultId)).FirstOrDefault();

    public async Task<IReadOnlyList<StoredScan>> ListScansAsync(ScanFilter filter, CancellationToken cancellationToken = default)
    {
        DateTimeOffset from = filter.Start(filter.Day), to = filter.Start(filter.Day.AddDays(1));
        // "$3 IS NULL" comes after a comparison with a column: PostgreSQL takes a parameter's type from its first use.
        return await db.QueryAsync($"""
            SELECT {ScanColumns} FROM scans
            WHERE scanned_utc >= $1 AND scanned_utc < $2
              AND (arch_left = $3 OR arch_right = $3 OR ($3 = 'unclassified' AND (arch_left IS NULL OR arch_right IS NULL)) OR $3 IS NULL)
              AND (quality_ok = $4 OR $4 IS NULL)
            ORDER BY scanned_utc DESC
            """, ReadScan, cancellationToken,
            db.Time(from), db.Time(to), filter.ArchType, filter.QualityOk is { } ok ? db.Flag(ok) : null);
    }

    public Task<int> DeleteScansBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("DELETE FROM scans WHERE scanned_utc < $1", cancellationToken, db.Time(cutoff));
}
