namespace Kiosk.Mat.Tests.Analysis;

/// <summary>Left from right when the feet touch: heels together with the toes turned out is a natural stance.</summary>
public class FootSplitTests
{
    [Theory]
    [InlineData(0.235, 7500, 10)]
    [InlineData(0.235, 10000, 20)]
    [InlineData(0.30, 7500, 20)]
    [InlineData(0.30, 10000, 10)]
    public void HeelsTogetherToesApartIsTwoFeet(double archIndex, int pitchUm, double toeOutDeg)
    {
        var foot = ArchIndexTruth.WithArchIndex(new FootShape(), archIndex);
        int cells = (int)Math.Ceiling(480_000.0 / pitchUm);
        var scene = new StandingScene { LeftFoot = foot, RightFoot = foot, HeelSpacingMm = 72, LeftToeOutDeg = toeOutDeg, RightToeOutDeg = toeOutDeg, NoiseGrams = 2 };
        var result = GeneratedScenes.Analyze(scene.Render(new MatGeometry(cells, cells, pitchUm)));
        Assert.False(result.Has(QualityIssue.OneFootOnly));
        Assert.InRange(result.LoadLeftPctX10, 490, 510);
        Assert.InRange(result.Left.ArchIndexX1000 / 1000.0, archIndex - 0.02, archIndex + 0.02);
        Assert.InRange(result.Right.ArchIndexX1000 / 1000.0, archIndex - 0.02, archIndex + 0.02);
    }

    [Fact]
    public void HighArchedFootWithADetachedHeelStaysOneFoot()
    {
        // The heel island and the forefoot of one foot have an empty valley between them, but one side of that
        // line is only a heel: not a second foot.
        var foot = ArchIndexTruth.WithArchIndex(new FootShape(), 0.02);
        var result = GeneratedScenes.Analyze(new StandingScene { LeftFoot = foot, RightFoot = foot, LeftPresent = false, RightToeOutDeg = 25 }.Render(new MatGeometry(48, 48, 10000)));
        Assert.True(result.Has(QualityIssue.OneFootOnly));
        Assert.True(result.Right.Present);
        Assert.False(result.Left.Present);
    }
}
