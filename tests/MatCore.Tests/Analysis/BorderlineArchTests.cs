namespace Kiosk.Mat.Tests.Analysis;

/// <summary>Near a threshold the answer is "between two classes": the nearest class plus the neighbouring one.</summary>
public class BorderlineArchTests
{
    [Theory]
    [InlineData(150, ArchType.High, ArchType.Unknown)]
    [InlineData(195, ArchType.High, ArchType.Unknown)]
    [InlineData(196, ArchType.High, ArchType.Normal)]
    [InlineData(210, ArchType.High, ArchType.Normal)]
    [InlineData(224, ArchType.Normal, ArchType.High)]
    [InlineData(225, ArchType.Normal, ArchType.Unknown)]
    [InlineData(235, ArchType.Normal, ArchType.Unknown)]
    [InlineData(246, ArchType.Normal, ArchType.Low)]
    [InlineData(259, ArchType.Normal, ArchType.Low)]
    [InlineData(260, ArchType.Low, ArchType.Normal)]
    [InlineData(274, ArchType.Low, ArchType.Normal)]
    [InlineData(275, ArchType.Low, ArchType.Unknown)]
    public void TheBandIsHalfAWidthEitherSideOfEachThreshold(int archIndexX1000, ArchType nearest, ArchType borderlineWith)
    {
        var settings = new AnalysisSettings();
        Assert.Equal(15, settings.BorderlineBandX1000);
        Assert.Equal(nearest, settings.Classify(archIndexX1000));
        Assert.Equal(borderlineWith, settings.BorderlineWith(archIndexX1000));
    }

    [Theory]
    [InlineData(0.252, ArchType.Normal, ArchType.Low)]
    [InlineData(0.203, ArchType.High, ArchType.Normal)]
    [InlineData(0.30, ArchType.Low, ArchType.Unknown)]
    [InlineData(0.12, ArchType.High, ArchType.Unknown)]
    public void AGeneratedFootNearAThresholdIsBorderline(double archIndex, ArchType nearest, ArchType borderlineWith)
    {
        var foot = ArchIndexTruth.WithArchIndex(new FootShape { LengthMm = 265 }, archIndex);
        var scene = new StandingScene { LeftFoot = foot, RightFoot = foot, NoiseGrams = 2 };
        var result = GeneratedScenes.Analyze(scene.Render(new MatGeometry(64, 64, 7500)));
        foreach (var measured in new[] { result.Left, result.Right })
        {
            Assert.Equal(nearest, measured.Arch);
            Assert.Equal(borderlineWith, measured.ArchBorderlineWith);
        }
    }
}
