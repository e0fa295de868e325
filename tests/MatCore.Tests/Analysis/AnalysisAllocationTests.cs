namespace Kiosk.Mat.Tests.Analysis;

public class AnalysisAllocationTests
{
    [Fact]
    public void AnalysingAScanAllocatesNothingOnceRunning()
    {
        var mat = new MatGeometry(48, 48, 10000);
        var frame = new StandingScene { NoiseGrams = 2, DeadSensels = 2 }.Render(mat);
        var analyzer = new FootAnalyzer(mat, null);
        var health = new FrameHealth(frame.DeadMask, 0);
        var result = new ScanAnalysis();
        analyzer.Analyze(frame.LoadGrams, health, result);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 50; i++)
        {
            analyzer.Analyze(frame.LoadGrams, health, result);
        }
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(result.Left.Present && result.Right.Present);
    }
}
