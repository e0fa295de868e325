using Kiosk.Mat.Geometry;
using Kiosk.Mat.Host.Json;

namespace Kiosk.Display.Feed;

/// <summary>One grid of loads from the mat, row-major: <c>LoadGrams[row * Cols + col]</c>.</summary>
public sealed record MatGrid(int Rows, int Cols, double PitchMm, int[] LoadGrams)
{
    /// <summary>
    /// Null when the grid is usable, otherwise what is wrong with it in plain words. At most the mats' largest side
    /// (<see cref="MatGeometry.MaxSide"/>); one row or column is allowed for a foot's cut-out or an empty summed frame.
    /// </summary>
    public string? Problem() =>
        Rows is < 1 or > MatGeometry.MaxSide || Cols is < 1 or > MatGeometry.MaxSide ? $"grid size {Rows}x{Cols} is out of range"
        : PitchMm is <= 0 or > 100 || double.IsNaN(PitchMm) ? $"pitch {PitchMm} mm is out of range"
        : LoadGrams is null || LoadGrams.Length != Rows * Cols ? $"expected {Rows * Cols} loads, got {LoadGrams?.Length ?? 0}"
        : null;

    public long TotalGrams()
    {
        long sum = 0;
        foreach (int g in LoadGrams) sum += g;
        return sum;
    }
}

/// <summary>(a) A live frame while someone stands on the mat; <paramref name="CapturedAt"/> is when it left the mat (the virtual mat) or reached the listener (a real one).</summary>
public sealed record LiveFrame(string DeviceId, MatGrid Grid, DateTimeOffset CapturedAt);

/// <summary>
/// (b) The analysis of one scan. <see cref="ResultId"/> is unique (device + counter) and stored once. <see cref="Demo"/>:
/// made by the built-in demo mat, not a shopper (marked, and kept out of a store's day).
/// </summary>
public sealed record ScanResult(string ResultId, string DeviceId, AnalysisReport Report, MatGrid Summed, DateTimeOffset ScannedAt, bool Demo = false);

/// <summary>
/// The mat's self-test findings: faulty sensel indices (row * cols + col) and, for each, its kind
/// (<see cref="Kiosk.Mat.SelfTest.SenselStatus"/> code; null in maps stored before the kinds were sent).
/// </summary>
public sealed record DeadSenselMap(int Rows, int Cols, int[] Indices, int[]? Kinds = null)
{
    public static string KindName(int kind) => (Kiosk.Mat.SelfTest.SenselStatus)kind switch
    {
        Kiosk.Mat.SelfTest.SenselStatus.Stuck => "stuck (reads high when empty)",
        Kiosk.Mat.SelfTest.SenselStatus.Dead => "dead (does not respond)",
        Kiosk.Mat.SelfTest.SenselStatus.OnOpenLine => "on an open line",
        Kiosk.Mat.SelfTest.SenselStatus.OnShortedLine => "on a shorted line",
        _ => "faulty",
    };
}

/// <summary>(c) What a mat says about itself.</summary>
public sealed record DeviceStatus(
    string DeviceId,
    string FirmwareVersion,
    long UptimeSeconds,
    double FrameRateHz,
    int RssiDbm,
    int DeadSenselCount,
    DeadSenselMap? DeadSensels,
    DateTimeOffset LastSeen)
{
    /// <summary>A mat that has not reported for this long counts as offline.</summary>
    public static readonly TimeSpan OfflineAfter = TimeSpan.FromSeconds(30);

    public bool Online => DateTimeOffset.UtcNow - LastSeen < OfflineAfter;
}

/// <summary>What the display answers for a result: acknowledged means the mat may forget it.</summary>
public sealed record ResultAck(string ResultId, bool Acknowledged, bool NewlyStored, string? Error = null);

/// <summary>Everything the feed carries, for subscribers.</summary>
public abstract record FeedEvent;
public sealed record FrameEvent(LiveFrame Frame) : FeedEvent;
public sealed record ResultEvent(ScanResult Result) : FeedEvent;
public sealed record StatusEvent(DeviceStatus Status) : FeedEvent;
