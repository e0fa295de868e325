using Kiosk.Mat.Host.Frames;
using Kiosk.Tests;
using Xunit.Abstractions;

namespace Kiosk.Mat.Tests.Analysis;

/// <summary>
/// Real footprints (Pataky et al. 2008, walking peak pressure, 5 mm cells; see tests/data). They have no arch
/// label, so they test robustness and consistency: one whole foot found, a plausible length, and the same answer
/// when the same foot is turned, moved and re-sampled onto coarser mats.
/// </summary>
public class RealFootprintTests(ITestOutputHelper output)
{
    [Fact]
    public void EveryRealFootprintIsOneWholeFootOfAdultLengthAndNearlyAllReadAsRightFeet()
    {
        int readAsRight = 0;
        int withMidfoot = 0;
        string[] trials = RepositoryPaths.RealFootprintTrials();
        foreach (string file in trials)
        {
            var frame = FrameFile.Load(file);
            var result = new ScanAnalysis();
            new FootAnalyzer(frame.Geometry, null).Analyze(frame.LoadGrams, null, result);
            Assert.True(result.Has(QualityIssue.OneFootOnly), $"{file}: one foot per recording");
            Assert.False(result.Left.Present && result.Right.Present, file);
            var foot = result.Right.Present ? result.Right : result.Left;
            Assert.InRange(foot.LengthMmX10 / 10.0, 220, 310);
            Assert.InRange(foot.ArchIndexX1000, 0, 450);
            // The recordings are right feet (the data's README). A lone foot's side comes from its midfoot contact,
            // so a print with no midfoot contact, or a sliver of it (arch index under 0.05), keeps the side of the
            // plate it lies on.
            bool hasMidfoot = foot.ArchIndexX1000 >= 50;
            if (hasMidfoot)
            {
                withMidfoot++;
            }
            if (result.Right.Present)
            {
                readAsRight++;
            }
            else
            {
                Assert.False(hasMidfoot, $"{file}: a print with midfoot contact read as a left foot");
            }
        }
        // Prints without a midfoot (one subject's walking prints have none, high arches a sliver) cannot tell their side;
        // more than two thirds have one.
        Assert.True(withMidfoot * 3 >= trials.Length * 2, $"only {withMidfoot} of {trials.Length} prints have a midfoot");
        Assert.True(readAsRight >= withMidfoot, $"{readAsRight} of {trials.Length} read as right feet, {withMidfoot} with a midfoot");
    }

    [Fact]
    public void RealFeetGetTheSameMeasuresOnEveryPitchAndAngle()
    {
        // The figures are printed by: dotnet run -c Release --project tests/MatCore.Benchmarks -- report
        var figures = MeasurementFigures.RealFeet();
        foreach (string line in figures.Lines())
        {
            output.WriteLine(line);
        }
        Assert.Empty(figures.Faults);
        // The issue's goal was 95% within 0.03 (81% before); these hold what the analysis reaches (99.6% and 99.9%,
        // median 0.003 and 0.002), with a small margin, so a regression fails.
        Assert.True(figures.Area.ShareWithin(0.03) >= 0.99, $"area arch index: only {figures.Area.ShareWithin(0.03):P1} within 0.03");
        Assert.True(figures.Modified.ShareWithin(0.03) >= 0.99, $"modified arch index: only {figures.Modified.ShareWithin(0.03):P1} within 0.03");
        Assert.True(figures.Area.Median <= 0.006, $"area arch index: median difference {figures.Area.Median:F3}");
        Assert.True(figures.Modified.Median <= 0.005, $"modified arch index: median difference {figures.Modified.Median:F3}");
        Assert.True(figures.Area.P95 <= 0.022 && figures.Modified.P95 <= 0.01, $"p95 differences {figures.Area.P95:F3} (area), {figures.Modified.P95:F3} (modified)");
        Assert.True(figures.Area.Worst <= 0.13 && figures.Modified.Worst <= 0.08, $"worst differences {figures.Area.Worst:F3} (area), {figures.Modified.Worst:F3} (modified)");
        // Half a shoe size (EU sizes are 6.7 mm apart) for 95% of comparisons.
        Assert.True(figures.LengthMm.P95 <= 5, $"length: p95 difference {figures.LengthMm.P95:F1} mm");
        Assert.True(figures.WidthMm.P95 <= 5, $"width: p95 difference {figures.WidthMm.P95:F1} mm");
    }
}
