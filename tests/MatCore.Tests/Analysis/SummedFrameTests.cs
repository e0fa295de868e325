using Kiosk.Mat.Calibration;

namespace Kiosk.Mat.Tests.Analysis;

/// <summary>
/// The device's analysis reads the still window's sum (a list of the loaded sensels and their summed grams) in place,
/// not a frame of the whole mat: it must find exactly what the analysis of the window's mean frame finds.
/// </summary>
public class SummedFrameTests
{
    [Fact]
    public void TheWindowsSumGivesTheAnalysisOfItsMeanFrame()
    {
        var random = new Random(7);
        int scenes = 0;
        foreach (var (scene, geometry) in GeneratedScenes.Sample(40, 3))
        {
            var frame = scene.Render(geometry);
            int frames = 1 + random.Next(60);
            // Each loaded sensel's sum over the window, a little off frames x its load as a swaying shopper's is.
            var sum = new LoadedSensels(geometry.SenselCount, geometry.Cols);
            var mean = new int[geometry.SenselCount];
            for (int i = 0; i < mean.Length; i++)
            {
                if (frame.LoadGrams[i] > 0 && frame.DeadMask[i] == 0)
                {
                    int summed = Math.Max(1, frame.LoadGrams[i] * frames + random.Next(-frames, frames + 1));
                    sum.Add(i, summed);
                    mean[i] = (summed + frames / 2) / frames;
                }
            }
            var health = new FrameHealth(frame.DeadMask, 0);
            var fromMean = new ScanAnalysis();
            var meanAnalyzer = new FootAnalyzer(geometry, null);
            meanAnalyzer.Analyze(mean, health, fromMean);
            var fromSum = new ScanAnalysis();
            var sumAnalyzer = new FootAnalyzer(geometry, null);
            sumAnalyzer.Analyze(sum, frames, health, fromSum);

            Assert.Equal(ResultText(fromMean), ResultText(fromSum));
            for (int i = 0; i < mean.Length; i++)
            {
                Assert.Equal(meanAnalyzer.Map.FootOf(i), sumAnalyzer.Map.FootOf(i));
            }
            scenes += fromSum.Left.Present && fromSum.Right.Present ? 1 : 0;
        }
        Assert.True(scenes >= 30, $"only {scenes} of 40 scenes found both feet");
    }

    [Fact]
    public void ASumThatIsNotOfThisMatIsRefused()
    {
        var analyzer = new FootAnalyzer(new MatGeometry(48, 48, 10000), null);
        Assert.Throws<ArgumentException>(() => analyzer.Analyze(new LoadedSensels(10, 32), 5, null, new ScanAnalysis()));
        Assert.Throws<ArgumentException>(() => analyzer.Analyze(new LoadedSensels(10, 48), 0, null, new ScanAnalysis()));
    }

    private static string ResultText(ScanAnalysis result) =>
        string.Join(";", typeof(ScanAnalysis).GetFields().Select(f => f.Name + "=" + (f.GetValue(result) is FootMeasures foot ? FootText(foot) : f.GetValue(result))));

    private static string FootText(FootMeasures foot) =>
        "{" + string.Join(";", typeof(FootMeasures).GetFields().Select(f => f.Name + "=" + f.GetValue(foot))) + "}";
}
