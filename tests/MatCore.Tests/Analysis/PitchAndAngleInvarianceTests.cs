using Kiosk.Mat.Geometry;
using Kiosk.Mat.Simulation.Feet;

namespace Kiosk.Mat.Tests.Analysis;

/// <summary>DESIGN.md: the same foot gets the same arch index (within 0.03) on a 7.5 mm and a 10 mm mat, close to a 5 mm plate's.</summary>
public class PitchAndAngleInvarianceTests
{
    [Theory]
    [InlineData(0.06)]
    [InlineData(0.15)]
    [InlineData(0.235)]
    [InlineData(0.30)]
    public void SameFootGetsTheSameArchIndexOnEveryPitchAndAngle(double archIndex)
    {
        var foot = ArchIndexTruth.WithArchIndex(new FootShape { LengthMm = 265 }, archIndex);
        double truth = ArchIndexTruth.Of(foot);
        var measured = new List<double>();
        foreach (int pitchUm in new[] { 5000, 7500, 10000 })
        {
            foreach (double toeOut in new[] { 0.0, 10.0, 20.0 })
            {
                int cells = (int)Math.Ceiling(480_000.0 / pitchUm);
                var scene = new StandingScene { LeftFoot = foot, RightFoot = foot, LeftToeOutDeg = toeOut, RightToeOutDeg = toeOut, NoiseGrams = 2 };
                var result = GeneratedScenes.Analyze(scene.Render(new MatGeometry(cells, cells, pitchUm)));
                measured.Add(result.Left.ArchIndexX1000 / 1000.0);
                measured.Add(result.Right.ArchIndexX1000 / 1000.0);
            }
        }
        Assert.True(measured.Max() - measured.Min() <= 0.03, $"arch index spread {measured.Min():F3}..{measured.Max():F3}");
        Assert.All(measured, m => Assert.InRange(m, truth - 0.03, truth + 0.03));
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
