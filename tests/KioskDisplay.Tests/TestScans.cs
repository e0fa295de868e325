using Kiosk.Mat.Host.Json;

namespace Kiosk.Display.Tests;

/// <summary>Scans built from the demo's synthetic feet, with a known arch type.</summary>
public static class TestScans
{
    public static ScanResult Result(string id, string arch = "low", DateTimeOffset? at = null, string device = "test-mat")
    {
        var grid = SyntheticFeet.Frame(arch, 1, 0, new Random(1));
        return new ScanResult(id, device, SyntheticFeet.Report(arch, (int)grid.TotalGrams()), grid, at ?? DateTimeOffset.UtcNow);
    }

    public static AnalysisReport WithQuality(this AnalysisReport report, bool ok, params string[] issues) =>
        report with { Quality = new QualityReport(ok, issues) };
}
