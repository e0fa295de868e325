namespace Kiosk.Mat.Tests.Analysis;

/// <summary>DESIGN.md: the same foot gets the same arch index (within 0.03) on a 7.5 mm and a 10 mm mat, close to a 5 mm plate's.</summary>
public class PitchAndAngleInvarianceTests
{
    public static readonly int[] Pitches = [5000, 7500, 10000];
    public static readonly double[] ToeOuts = [0.0, 10.0, 20.0];

    private static List<(int PitchUm, double ToeOut, Kiosk.Mat.Analysis.ScanAnalysis Result)> OnEveryMat(FootShape foot)
    {
        var results = new List<(int, double, Kiosk.Mat.Analysis.ScanAnalysis)>();
        foreach (int pitchUm in Pitches)
        {
            foreach (double toeOut in ToeOuts)
            {
                int cells = (int)Math.Ceiling(480_000.0 / pitchUm);
                var scene = new StandingScene { LeftFoot = foot, RightFoot = foot, LeftToeOutDeg = toeOut, RightToeOutDeg = toeOut, NoiseGrams = 2 };
                results.Add((pitchUm, toeOut, GeneratedScenes.Analyze(scene.Render(new MatGeometry(cells, cells, pitchUm)))));
            }
        }
        return results;
    }

    [Theory]
    [InlineData(0.06, 0.35, 0.0)]
    [InlineData(0.15, 0.35, 0.0)]
    [InlineData(0.235, 0.35, 0.0)]
    [InlineData(0.30, 0.35, 0.0)]
    // A thin midfoot strip carrying little pressure: its area is read from its own profile, not against the heel.
    [InlineData(0.10, 0.13, 0.0)]
    [InlineData(0.24, 0.13, 0.0)]
    // Toes pressed down against the ball: no island, no width dip, still toes.
    [InlineData(0.15, 0.35, 18.0)]
    [InlineData(0.24, 0.35, 18.0)]
    [InlineData(0.30, 0.25, 12.0)]
    public void SameFootGetsTheSameArchIndexOnEveryPitchAndAngle(double archIndex, double midfootPressure, double toeShiftMm)
    {
        var foot = ArchIndexTruth.WithArchIndex(new FootShape { LengthMm = 265, MidfootPressure = midfootPressure, ToeShiftMm = toeShiftMm }, archIndex);
        double truth = ArchIndexTruth.Of(foot);
        var measured = OnEveryMat(foot).SelectMany(m => new[] { m.Result.Left.ArchIndexX1000 / 1000.0, m.Result.Right.ArchIndexX1000 / 1000.0 }).ToList();
        Assert.True(measured.Max() - measured.Min() <= 0.03, $"arch index spread {measured.Min():F3}..{measured.Max():F3}");
        Assert.All(measured, m => Assert.InRange(m, truth - 0.03, truth + 0.03));
    }

    [Theory]
    [InlineData(240, 0.92, 0.0)]
    [InlineData(265, 1.0, 0.0)]
    [InlineData(285, 1.08, 18.0)]
    public void FootLengthAndWidthAreTheFootsOnEveryPitchAndAngle(double lengthMm, double widthFactor, double toeShiftMm)
    {
        // Length heel to the longest toe, width across the forefoot (the ball, 0.38 of the width scale): what a
        // shoe size and fit are read from. Within 5 mm (under a shoe size) on every mat and angle.
        var foot = ArchIndexTruth.WithArchIndex(new FootShape { LengthMm = lengthMm, WidthFactor = widthFactor, ToeShiftMm = toeShiftMm }, 0.23);
        double width = lengthMm * widthFactor * 0.38;
        foreach (var (pitchUm, toeOut, result) in OnEveryMat(foot))
        {
            foreach (var measured in new[] { result.Left, result.Right })
            {
                string where = $"{pitchUm / 1000.0} mm, {toeOut} deg";
                Assert.True(Math.Abs(measured.LengthMmX10 / 10.0 - lengthMm) <= 5, $"{where}: length {measured.LengthMmX10 / 10.0} mm for {lengthMm}");
                Assert.True(Math.Abs(measured.WidthMmX10 / 10.0 - width) <= 5, $"{where}: width {measured.WidthMmX10 / 10.0} mm for {width:F1}");
            }
        }
    }

    [Fact]
    public void CountingEdgeSenselsWholeWouldInflateAHighArchOnACoarseMat()
    {
        // The reason for coverage weighting: without it, a high arch's thin midfoot strip fills whole 10 mm sensels.
        var foot = ArchIndexTruth.WithArchIndex(new FootShape(), 0.08);
        var geometry = new MatGeometry(48, 48, 10000);
        var frame = new StandingScene { LeftFoot = foot, RightFoot = foot }.Render(geometry);
        var result = GeneratedScenes.Analyze(frame);
        int contactGrams = new Kiosk.Mat.Analysis.FootAnalyzer(geometry, null).ContactGrams;
        int wholeSensels = frame.LoadGrams.Count(g => g >= contactGrams);
        double wholeAreaCm2 = wholeSensels * 1.0 / 2;
        double weightedAreaCm2 = result.Left.ContactAreaMm2 / 100.0;
        Assert.True(wholeAreaCm2 > weightedAreaCm2 * 1.1, $"whole-sensel area {wholeAreaCm2:F0} cm2 vs weighted {weightedAreaCm2:F0} cm2");
        Assert.InRange(result.Left.ArchIndexX1000 / 1000.0, 0.05, 0.11);
    }
}
