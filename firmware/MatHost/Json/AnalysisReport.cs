using System.Text.Json;
using System.Text.Json.Serialization;
using Kiosk.Mat.Analysis;
using Kiosk.Mat.Protocol;

namespace Kiosk.Mat.Host.Json;

/// <summary>
/// The analysis of one scan in the shape <c>matctl analyze --json</c> prints, the protocol's Result carries
/// and the display stores. Built from the core's fixed-point <see cref="ScanAnalysis"/>; numbers in plain units.
/// </summary>
public sealed record AnalysisReport(
    QualityReport Quality,
    FootReport? Left,
    FootReport? Right,
    double LoadLeftPct,
    double LoadRightPct,
    double RearfootPct,
    double ForefootPct,
    int TotalLoadG,
    PointMm CopMm,
    double SwayPathMm,
    int SwayEllipseMm2,
    int FrameCount,
    int WindowMs,
    double? MidfootPct = null)
{
    /// <summary>The report's JSON: every name is its property's in camelCase (<c>loadLeftPct</c>), as the web's defaults write it too.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = false,
    };

    public static AnalysisReport From(ScanAnalysis scan) => new(
        new QualityReport(scan.QualityOk, IssueNames(scan.QualityIssues)),
        FootReport.From(scan.Left),
        FootReport.From(scan.Right),
        Tenths(scan.LoadLeftPctX10),
        Tenths(scan.LoadRightPctX10),
        Tenths(scan.RearfootPctX10),
        Tenths(scan.ForefootPctX10),
        scan.TotalLoadGrams,
        new PointMm(Tenths(scan.CopXMmX10), Tenths(scan.CopYMmX10)),
        Tenths(scan.SwayPathMmX10),
        scan.SwayEllipseMm2,
        scan.FrameCount,
        scan.WindowMs,
        Measured(scan.MidfootPctX10));

    public string ToJson(bool indented = false) =>
        JsonSerializer.Serialize(this, indented ? new JsonSerializerOptions(JsonOptions) { WriteIndented = true } : JsonOptions);

    public static AnalysisReport? FromJson(string json) => JsonSerializer.Deserialize<AnalysisReport>(json, JsonOptions);

    public static string[] IssueNames(QualityIssue issues)
    {
        var names = new List<string>();
        for (int i = 0; i < QualityIssueNames.Count; i++)
        {
            QualityIssue flag = QualityIssueNames.FlagAt(i);
            if ((issues & flag) != 0)
            {
                names.Add(flag.Name());
            }
        }
        return names.ToArray();
    }

    internal static double Tenths(int valueX10) => valueX10 / 10.0;

    /// <summary>Tenths, or null for a measure the sender did not take (<see cref="ResultMessage.NotMeasured"/>).</summary>
    internal static double? Measured(int valueX10) => valueX10 == ResultMessage.NotMeasured ? null : Tenths(valueX10);
}

public sealed record QualityReport(
    bool Ok,
    string[] Issues);

public sealed record PointMm(
    double X,
    double Y);

public sealed record FootReport(
    double ArchIndex,
    string? ArchType,
    double LoadPct,
    double RearfootPct,
    double ForefootPct,
    double MedialPct,
    double LateralPct,
    double LengthMm,
    double WidthMm,
    double ContactAreaCm2,
    int PeakKpa,
    PointMm CopMm,
    int LoadG,
    double ToeOutDeg,
    double? ModifiedArchIndex = null,
    string? ArchBorderlineWith = null,
    double? MidfootPct = null)
{
    /// <summary>Null when the foot is absent, as the JSON says <c>"left": null</c>.</summary>
    public static FootReport? From(FootMeasures foot) => !foot.Present ? null : new(
        foot.ArchIndexX1000 / 1000.0,
        ArchName(foot.Arch),
        AnalysisReport.Tenths(foot.LoadPctX10),
        AnalysisReport.Tenths(foot.RearfootPctX10),
        AnalysisReport.Tenths(foot.ForefootPctX10),
        AnalysisReport.Tenths(foot.MedialPctX10),
        AnalysisReport.Tenths(foot.LateralPctX10),
        AnalysisReport.Tenths(foot.LengthMmX10),
        AnalysisReport.Tenths(foot.WidthMmX10),
        foot.ContactAreaMm2 / 100.0,
        foot.PeakKpa,
        new PointMm(AnalysisReport.Tenths(foot.CopXMmX10), AnalysisReport.Tenths(foot.CopYMmX10)),
        foot.LoadGrams,
        AnalysisReport.Tenths(foot.ToeOutDegX10),
        foot.ModifiedArchIndexX1000 == ResultMessage.NotMeasured ? null : foot.ModifiedArchIndexX1000 / 1000.0,
        ArchName(foot.ArchBorderlineWith),
        AnalysisReport.Measured(foot.MidfootPctX10));

    /// <summary>
    /// "high", "normal", "low", or null when the analysis refused to classify an unreliable footprint (for
    /// <c>archBorderlineWith</c>: null when the index is clear of the borderline band).
    /// </summary>
    public static string? ArchName(ArchType arch) => arch switch
    {
        Analysis.ArchType.High => "high",
        Analysis.ArchType.Normal => "normal",
        Analysis.ArchType.Low => "low",
        _ => null,
    };
}
