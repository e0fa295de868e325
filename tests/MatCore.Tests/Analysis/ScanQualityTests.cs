namespace Kiosk.Mat.Tests.Analysis;

/// <summary>Bad scans are named, not silently answered.</summary>
public class ScanQualityTests
{
    private static readonly MatGeometry Mat = new(64, 64, 7500);
    private static readonly StandingScene Normal = new() { LeftFoot = ArchIndexTruth.WithArchIndex(new FootShape(), 0.235), RightFoot = ArchIndexTruth.WithArchIndex(new FootShape(), 0.235) };

    private static ScanAnalysis Analyze(StandingScene scene, MatGeometry? mat = null, int saturated = 0)
    {
        var frame = scene.Render(mat ?? Mat);
        var result = new ScanAnalysis();
        new FootAnalyzer(frame.Geometry, null).Analyze(frame.LoadGrams, new FrameHealth(frame.DeadMask, saturated), result);
        return result;
    }

    [Fact]
    public void GoodStanceHasNoIssues()
    {
        var result = Analyze(Normal);
        Assert.True(result.QualityOk, string.Join(",", Kiosk.Mat.Host.Json.AnalysisReport.IssueNames(result.QualityIssues)));
        Assert.Equal(ArchType.Normal, result.Left.Arch);
        Assert.Equal(ArchType.Normal, result.Right.Arch);
    }

    [Fact]
    public void EmptyMatIsNoFoot()
    {
        var result = new ScanAnalysis();
        new FootAnalyzer(Mat, null).Analyze(new int[Mat.SenselCount], null, result);
        Assert.True(result.Has(QualityIssue.NoFoot));
        Assert.False(result.Left.Present || result.Right.Present);
    }

    [Fact]
    public void NoiseAloneIsNoFoot()
    {
        var result = Analyze(Normal with { LeftPresent = false, RightPresent = false, NoiseGrams = 3 });
        Assert.True(result.Has(QualityIssue.NoFoot));
    }

    [Fact]
    public void OneFootIsOneFootOnlyButStillMeasured()
    {
        var result = Analyze(Normal with { LeftPresent = false });
        Assert.True(result.Has(QualityIssue.OneFootOnly));
        Assert.True(result.Right.Present);
        Assert.False(result.Left.Present);
        Assert.Equal(ArchType.Normal, result.Right.Arch);
        // No left/right split is measured from one foot: 0 and 0, never a 100/0 "imbalance".
        Assert.Equal(0, result.LoadRightPctX10);
        Assert.Equal(0, result.LoadLeftPctX10);
        Assert.Equal(0, result.Right.LoadPctX10);
        Assert.InRange(result.RearfootPctX10 + result.MidfootPctX10, 1, 999);
    }

    [Fact]
    public void FootOverTheMatsEdgeIsFlaggedAndNotClassified()
    {
        var result = Analyze(Normal with { OffsetYMm = -120 });
        Assert.True(result.Has(QualityIssue.FootAtEdge));
        Assert.Equal(ArchType.Unknown, result.Left.Arch);
    }

    [Fact]
    public void ChildIsTooLightForAnAdultScan()
    {
        var child = new FootShape { LengthMm = 190 };
        var result = Analyze(Normal with { LeftFoot = child, RightFoot = child, BodyMassKg = 22, HeelSpacingMm = 110 });
        Assert.True(result.Has(QualityIssue.TooLight));
        Assert.True(result.Has(QualityIssue.NotAdultSized));
        Assert.True(result.Left.Present && result.Right.Present);
        Assert.Equal(ArchType.Unknown, result.Left.Arch);
        Assert.Equal(ArchType.Unknown, result.Right.Arch);
    }

    [Fact]
    public void ChildsFeetUnderAnAdultsLoadAreNotAdultSized()
    {
        // A heavy child (or an adult holding a child): adult load, but 185 mm feet.
        var child = ArchIndexTruth.WithArchIndex(new FootShape { LengthMm = 185 }, 0.235);
        var result = Analyze(Normal with { LeftFoot = child, RightFoot = child, BodyMassKg = 40, HeelSpacingMm = 120 });
        Assert.False(result.Has(QualityIssue.TooLight));
        Assert.True(result.Has(QualityIssue.NotAdultSized));
        Assert.Equal(ArchType.Unknown, result.Left.Arch);
        Assert.Equal(ArchType.Unknown, result.Right.Arch);
        Assert.Equal(ArchType.Unknown, result.Left.ArchBorderlineWith);
        Assert.InRange(result.Left.LengthMmX10, 1700, 1999);
    }

    [Fact]
    public void SmallAdultFeetAreAdultSized()
    {
        var small = ArchIndexTruth.WithArchIndex(new FootShape { LengthMm = 215 }, 0.235);
        var result = Analyze(Normal with { LeftFoot = small, RightFoot = small, BodyMassKg = 45, HeelSpacingMm = 140 });
        Assert.False(result.Has(QualityIssue.NotAdultSized));
        Assert.Equal(ArchType.Normal, result.Left.Arch);
    }

    [Fact]
    public void SaturatedSenselsAreReported()
    {
        Assert.True(Analyze(Normal, saturated: 3).Has(QualityIssue.Saturated));
    }

    [Fact]
    public void AFewDeadSenselsAreFilledInAndTheScanStaysGood()
    {
        var result = Analyze(Normal with { DeadSensels = 2, Seed = 11 });
        Assert.False(result.Has(QualityIssue.TooManyDeadSensels));
        Assert.Equal(ArchType.Normal, result.Left.Arch);
    }

    [Fact]
    public void DeadRowsUnderTheFeetMakeTheScanUnreliable()
    {
        var result = Analyze(Normal with { DeadRows = [30, 31, 40] });
        Assert.True(result.Has(QualityIssue.TooManyDeadSensels));
        Assert.Equal(ArchType.Unknown, result.Left.Arch);
        Assert.Equal(ArchType.Unknown, result.Right.Arch);
    }

    [Fact]
    public void FrameOfTheWrongSizeIsRefusedClearly()
    {
        var error = Assert.Throws<ArgumentException>(() => new FootAnalyzer(Mat, null).Analyze(new int[10], null, new ScanAnalysis()));
        Assert.Contains("geometry", error.Message);
    }
}
