using System.Data.Common;
using System.Text.Json;
using Kiosk.Mat.Host.Json;

namespace Kiosk.Display.Storage;

/// <summary>The shoppers' scans: each result id stored once, listed by day, expired by age.</summary>
public interface IScanStore
{
    /// <summary>
    /// Stores the result once (docs/protocol.md, "The receiver's rule"): the same scan again is a no-op, whenever
    /// it comes; another scan under a taken id (a mat whose counter went back) is kept under that id with "~2",
    /// "~3"... rather than dropped. Returns what happened and the id the scan is stored under.
    /// </summary>
    Task<SavedResult> SaveResultAsync(ScanResult result, CancellationToken cancellationToken = default);
    Task<StoredScan?> GetScanAsync(string resultId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<StoredScan>> ListScansAsync(ScanFilter filter, CancellationToken cancellationToken = default);
    /// <summary>
    /// One page of the scans that match, newest first, as a list shows them (without their frames), with how many
    /// match in all: a busy day's hundreds of scans are read a page at a time.
    /// </summary>
    Task<Paged<ListedScan>> ListScansAsync(ScanFilter filter, PageRequest page, CancellationToken cancellationToken = default);
    /// <summary>Every scan that matches, newest first, without frames: what a day's summary counts.</summary>
    Task<IReadOnlyList<ListedScan>> ListScanReportsAsync(ScanFilter filter, CancellationToken cancellationToken = default);
    /// <summary>The id and time of every scan that matches, newest first: cheap, for what is counted per scan once.</summary>
    Task<IReadOnlyList<(string ResultId, DateTimeOffset ScannedAt)>> ListScanTimesAsync(ScanFilter filter, CancellationToken cancellationToken = default);
    Task<int> DeleteScansBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);
    /// <summary>Keeps what the shopper answered at the kiosk with the scan (replacing earlier answers); false when no scan has this id.</summary>
    Task<bool> SaveAnswersAsync(string resultId, ShopperAnswers answers, CancellationToken cancellationToken = default);
}

/// <summary>
/// The scans of one day, from midnight to midnight in <paramref name="Zone"/> (null: UTC), optionally of one arch type
/// or quality; the demo mat's scans only with <paramref name="IncludeDemo"/>.
/// </summary>
/// <param name="IncludeDemo">The demo mat's scans too (a demo display); a store's day leaves them out.</param>
public sealed record ScanFilter(DateOnly Day, string? ArchType = null, bool? QualityOk = null, TimeZoneInfo? Zone = null, bool IncludeDemo = false)
{
    public static readonly DateOnly FirstDay = new(1900, 1, 1), LastDay = new(9998, 12, 30);

    /// <summary>Null for a day the store can list; else what is wrong, for a 400 (the day after 9999-12-31 does not exist).</summary>
    public static string? DayProblem(DateOnly day) =>
        day < FirstDay || day > LastDay ? $"date must be from {FirstDay:yyyy-MM-dd} to {LastDay:yyyy-MM-dd}" : null;

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

/// <summary>A stored scan, with what the shopper answered at the kiosk (null: nothing answered).</summary>
public sealed record StoredScan(ScanResult Result, DateTimeOffset ReceivedAt, ShopperAnswers? Answers = null);

/// <summary>A scan in a list: what it found, without the summed frame that only its own page draws.</summary>
public sealed record ListedScan(string ResultId, string DeviceId, AnalysisReport Report, DateTimeOffset ScannedAt, bool Demo);

public enum SaveOutcome
{
    /// <summary>A new result, stored under its own id.</summary>
    Stored,

    /// <summary>This very scan was stored before (a resend): nothing changed.</summary>
    AlreadyStored,

    /// <summary>Another scan holds this id: the mat reused it, and this scan is stored under the id with "~n".</summary>
    StoredUnderNewId,
}

/// <param name="ResultId">The id the scan is stored under.</param>
public sealed record SavedResult(SaveOutcome Outcome, string ResultId)
{
    /// <summary>A scan the store did not have before: show it, log it.</summary>
    public bool New => Outcome != SaveOutcome.AlreadyStored;
}

/// <summary><see cref="IScanStore"/> in SQL, the same on SQLite and PostgreSQL.</summary>
public sealed class ScanStore(SqlDatabase db) : IScanStore
{
    /// <summary>The mark between a reused id and the number of the scan that reused it.</summary>
    public const char ReusedIdMark = '~';

    public async Task<SavedResult> SaveResultAsync(ScanResult result, CancellationToken cancellationToken = default)
    {
        string report = result.Report.ToJson(), loads = JsonSerializer.Serialize(result.Summed.LoadGrams);
        if (await InsertIfAbsentAsync(result.ResultId, result, report, loads, cancellationToken))
        {
            return new SavedResult(SaveOutcome.Stored, result.ResultId);
        }
        // The id is taken: by this scan (a resend), or by another one because the mat reused the id. A scan is the
        // same when the mat's analysis and frame are; when it arrived is the display's and differs between resends.
        string like = result.ResultId.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + ReusedIdMark + "%";
        var taken = await db.QueryAsync("""
            SELECT result_id, report_json, loads_json FROM scans WHERE result_id = $1 OR result_id LIKE $2 ESCAPE '\'
            """, r => (Id: r.GetString(0), Report: r.GetString(1), Loads: r.GetString(2)), cancellationToken, result.ResultId, like);
        foreach (var (id, storedReport, storedLoads) in taken)
        {
            if (storedReport == report && storedLoads == loads)
            {
                return new SavedResult(SaveOutcome.AlreadyStored, id);
            }
        }
        for (int n = taken.Count + 1; ; n++)
        {
            string id = $"{result.ResultId}{ReusedIdMark}{n}";
            if (await InsertIfAbsentAsync(id, result, report, loads, cancellationToken))
            {
                return new SavedResult(SaveOutcome.StoredUnderNewId, id);
            }
        }
    }

    private async Task<bool> InsertIfAbsentAsync(string resultId, ScanResult result, string report, string loads, CancellationToken ct) =>
        await db.ExecuteAsync("""
            INSERT INTO scans (result_id, device_id, scanned_utc, received_utc, arch_left, arch_right, quality_ok, report_json,
                rows, cols, pitch_mm, loads_json, demo)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            ON CONFLICT(result_id) DO NOTHING
            """, ct,
            resultId, result.DeviceId, db.Time(result.ScannedAt), db.Time(DateTimeOffset.UtcNow),
            result.Report.Left?.ArchType, result.Report.Right?.ArchType, db.Flag(result.Report.Quality.Ok),
            report, result.Summed.Rows, result.Summed.Cols, result.Summed.PitchMm, loads, db.Flag(result.Demo)) == 1;

    private const string ScanColumns = "result_id, device_id, scanned_utc, received_utc, report_json, rows, cols, pitch_mm, loads_json, demo, answers_json";

    private StoredScan ReadScan(DbDataReader r)
    {
        var report = AnalysisReport.FromJson(r.GetString(4))!;
        var grid = new MatGrid(r.GetInt32(5), r.GetInt32(6), r.GetDouble(7), JsonSerializer.Deserialize<int[]>(r.GetString(8))!);
        var answers = SqlDatabase.NullableString(r, 10) is { } json ? ShopperAnswers.FromJson(json) : null;
        return new StoredScan(new ScanResult(r.GetString(0), r.GetString(1), report, grid, db.ReadTime(r, 2), db.ReadFlag(r, 9)), db.ReadTime(r, 3), answers);
    }

    public async Task<bool> SaveAnswersAsync(string resultId, ShopperAnswers answers, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync("UPDATE scans SET answers_json = $2 WHERE result_id = $1", cancellationToken, resultId, answers.ToJson()) == 1;

    public async Task<StoredScan?> GetScanAsync(string resultId, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync($"SELECT {ScanColumns} FROM scans WHERE result_id = $1", ReadScan, cancellationToken, resultId)).FirstOrDefault();

    // "$3 IS NULL" comes after a comparison with a column: PostgreSQL takes a parameter's type from its first use.
    private const string ScanWhere = """
        WHERE scanned_utc >= $1 AND scanned_utc < $2
          AND (arch_left = $3 OR arch_right = $3 OR ($3 = 'unclassified' AND (arch_left IS NULL OR arch_right IS NULL)) OR $3 IS NULL)
          AND (quality_ok = $4 OR $4 IS NULL)
          AND (demo = $5 OR demo = $6)
        """;

    private object?[] ScanWhereValues(ScanFilter filter)
    {
        DateTimeOffset from = filter.Start(filter.Day), to = filter.Start(filter.Day.AddDays(1));
        return [db.Time(from), db.Time(to), filter.ArchType, filter.QualityOk is { } ok ? db.Flag(ok) : null, db.Flag(false), db.Flag(filter.IncludeDemo)];
    }

    public async Task<IReadOnlyList<StoredScan>> ListScansAsync(ScanFilter filter, CancellationToken cancellationToken = default) =>
        await db.QueryAsync($"SELECT {ScanColumns} FROM scans {ScanWhere} ORDER BY scanned_utc DESC", ReadScan, cancellationToken, ScanWhereValues(filter));

    public async Task<Paged<ListedScan>> ListScansAsync(ScanFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var scans = await ListedAsync(filter, page.Size, page.Offset, cancellationToken);
        var total = await db.QueryAsync($"SELECT COUNT(*) FROM scans {ScanWhere}", r => r.GetInt64(0), cancellationToken, ScanWhereValues(filter));
        return new Paged<ListedScan>(scans, (int)total[0], page);
    }

    public async Task<IReadOnlyList<ListedScan>> ListScanReportsAsync(ScanFilter filter, CancellationToken cancellationToken = default) =>
        await ListedAsync(filter, int.MaxValue, 0, cancellationToken);

    public async Task<IReadOnlyList<(string ResultId, DateTimeOffset ScannedAt)>> ListScanTimesAsync(ScanFilter filter, CancellationToken cancellationToken = default) =>
        await db.QueryAsync($"SELECT result_id, scanned_utc FROM scans {ScanWhere} ORDER BY scanned_utc DESC, result_id",
            r => (r.GetString(0), db.ReadTime(r, 1)), cancellationToken, ScanWhereValues(filter));

    private Task<List<ListedScan>> ListedAsync(ScanFilter filter, int limit, int offset, CancellationToken ct) =>
        db.QueryAsync($"""
            SELECT result_id, device_id, report_json, scanned_utc, demo FROM scans {ScanWhere}
            ORDER BY scanned_utc DESC, result_id LIMIT $7 OFFSET $8
            """,
            r => new ListedScan(r.GetString(0), r.GetString(1), AnalysisReport.FromJson(r.GetString(2))!, db.ReadTime(r, 3), db.ReadFlag(r, 4)),
            ct, [.. ScanWhereValues(filter), limit, offset]);

    public Task<int> DeleteScansBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("DELETE FROM scans WHERE scanned_utc < $1", cancellationToken, db.Time(cutoff));
}
