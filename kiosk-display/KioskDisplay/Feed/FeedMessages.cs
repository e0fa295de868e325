using Kiosk.Mat.Geometry;
using Kiosk.Mat.Host.Json;

namespace Kiosk.Display.Feed;

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
