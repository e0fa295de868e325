using Kiosk.Mat.Analysis;
using Kiosk.Mat.Geometry;
using Kiosk.Mat.Host.Frames;
using Kiosk.Mat.Simulation.Feet;
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

    /// <summary>The mats and angles every real footprint is re-sampled onto, and where the two feet stand (mm).</summary>
    public static readonly int[] PitchesUm = [5000, 7500, 10000];
    public static readonly double[] TurnsDeg = [0, 10, 20];

    [Fact]
    public void RealFeetGetTheSameMeasuresOnEveryPitchAndAngle()
    {
        // Every real trial as the right foot and mirrored as the left, each turned outward 0, 10 and 20 degrees, on
        // 5, 7.5 and 10 mm mats, against the right foot on the 5 mm mat standing straight. The figures go to the
        // issue's closing note: dotnet test tests/MatCore.Tests --filter RealFeetGetTheSameMeasures
        //   --logger "console;verbosity=detailed"
        var comparisons = new System.Collections.Concurrent.ConcurrentBag<(double Area, double Modified, double LengthMm, double WidthMm)>();
        Parallel.ForEach(RepositoryPaths.RealFootprintTrials(), new ParallelOptions { MaxDegreeOfParallelism = 2 }, file =>
        {
            var recording = FrameFile.Load(file);
            var source = new PlacedFootprint(recording.LoadGrams, recording.Geometry.Rows, recording.Geometry.Cols, recording.PitchMm);
            FootMeasures? reference = null;
            foreach (int pitchUm in PitchesUm)
            {
                var analyzer = new FootAnalyzer(RealPair.Mat(pitchUm), null);
                foreach (double turn in TurnsDeg)
                {
                    var result = new ScanAnalysis();
                    analyzer.Analyze(RealPair.Render(source, pitchUm, turn), null, result);
                    Assert.True(result.Left.Present && result.Right.Present, $"{file} at {pitchUm / 1000.0} mm, {turn} deg: both feet");
                    Assert.InRange(result.LoadLeftPctX10, 490, 510);
                    if (reference == null)
                    {
                        reference = new FootMeasures();
                        reference.CopyFrom(result.Right);
                    }
                    foreach (var foot in new[] { result.Right, result.Left })
                    {
                        comparisons.Add((
                            Math.Abs(foot.ArchIndexX1000 - reference.ArchIndexX1000) / 1000.0,
                            Math.Abs(foot.ModifiedArchIndexX1000 - reference.ModifiedArchIndexX1000) / 1000.0,
                            Math.Abs(foot.LengthMmX10 - reference.LengthMmX10) / 10.0,
                            Math.Abs(foot.WidthMmX10 - reference.WidthMmX10) / 10.0));
                    }
                }
            }
        });
        var area = Figures.Of(comparisons.Select(c => c.Area));
        var modified = Figures.Of(comparisons.Select(c => c.Modified));
        var length = Figures.Of(comparisons.Select(c => c.LengthMm));
        var width = Figures.Of(comparisons.Select(c => c.WidthMm));
        output.WriteLine($"{comparisons.Count} comparisons of {RepositoryPaths.RealFootprintTrials().Length} real feet at 5/7.5/10 mm, 0/10/20 deg, against 5 mm straight:");
        output.WriteLine($"  area arch index:     {area.ShareWithin(0.03):P1} within 0.03, median {area.Median:F3}, p95 {area.P95:F3}, worst {area.Worst:F3}");
        output.WriteLine($"  modified arch index: {modified.ShareWithin(0.03):P1} within 0.03, median {modified.Median:F3}, p95 {modified.P95:F3}, worst {modified.Worst:F3}");
        output.WriteLine($"  length: median {length.Median:F1} mm, p95 {length.P95:F1} mm, worst {length.Worst:F1} mm; width: median {width.Median:F1} mm, p95 {width.P95:F1} mm, worst {width.Worst:F1} mm");
        // The issue's goal: 95% of comparisons within 0.03 (it was 81% on every tenth trial at 0 and 12 degrees).
        Assert.True(area.ShareWithin(0.03) >= 0.95, $"area arch index: only {area.ShareWithin(0.03):P1} within 0.03");
        Assert.True(modified.ShareWithin(0.03) >= 0.95, $"modified arch index: only {modified.ShareWithin(0.03):P1} within 0.03");
        Assert.True(area.Median <= 0.01, $"area arch index: median difference {area.Median:F3}");
        // Half a shoe size (EU sizes are 6.7 mm apart) for 95% of comparisons.
        Assert.True(length.P95 <= 5, $"length: p95 difference {length.P95:F1} mm");
        Assert.True(width.P95 <= 5, $"width: p95 difference {width.P95:F1} mm");
    }
}

/// <summary>A real footprint as a standing pair on a square mat: the trial as the right foot, mirrored as the left.</summary>
public static class RealPair
{
    public static MatGeometry Mat(int pitchUm)
    {
        int cells = (int)Math.Ceiling(520_000.0 / pitchUm);
        return new MatGeometry(cells, cells, pitchUm);
    }

    /// <summary>Each foot turned outward by <paramref name="turnDeg"/>, 240 mm apart (turned heels do not meet), 36 kg each.</summary>
    public static int[] Render(PlacedFootprint source, int pitchUm, double turnDeg)
    {
        var geometry = Mat(pitchUm);
        var loads = new double[geometry.SenselCount];
        (source with { TurnDeg = turnDeg, CentreXMm = 380, CentreYMm = 260, LoadGrams = 36000 }).AddTo(geometry, loads);
        (source with { Mirrored = true, TurnDeg = -turnDeg, CentreXMm = 140, CentreYMm = 260, LoadGrams = 36000 }).AddTo(geometry, loads);
        return PlacedFootprint.Round(loads);
    }
}

/// <summary>Median, 95th percentile, worst and share within a bound of a set of differences.</summary>
public sealed class Figures
{
    private readonly double[] _sorted;

    private Figures(double[] sorted) => _sorted = sorted;

    public static Figures Of(IEnumerable<double> values) => new(values.OrderBy(v => v).ToArray());

    public double Median => _sorted[_sorted.Length / 2];

    public double P95 => _sorted[(int)(_sorted.Length * 0.95)];

    public double Worst => _sorted[^1];

    public double ShareWithin(double bound) => _sorted.Count(v => v <= bound) / (double)_sorted.Length;
}
