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

    [Fact]
    public void TheAnalysisHoldsBuffersForItsContactNotForTheWholeMat()
    {
        var mat = new MatGeometry(48, 48, 10000);
        var frame = new StandingScene { NoiseGrams = 2, DeadSensels = 2 }.Render(mat);
        var analyzer = new FootAnalyzer(mat, null);
        var result = new ScanAnalysis();
        analyzer.Analyze(frame.LoadGrams, new FrameHealth(frame.DeadMask, 0), result);
        Assert.True(result.Left.Present && result.Right.Present);
        // Two standing feet cover about a sixth of a 48 x 48 mat at 10 mm: the contact's list is sized to them.
        Assert.InRange(analyzer.Map.Active.Length, analyzer.Map.ActiveCount, mat.SenselCount / 4);
        // Its slots cover the contact's box, the feet's rows and columns and one more each side.
        Assert.InRange(analyzer.Map.Slot.Length, analyzer.Map.BoxRows * analyzer.Map.BoxCols, mat.SenselCount / 2);

        // A frame with more contact grows them, and all of it is analysed.
        var whole = Enumerable.Repeat(800, mat.SenselCount).ToArray();
        analyzer.Analyze(whole, null, result);
        Assert.Equal(mat.SenselCount, analyzer.Map.ActiveCount);
        Assert.Equal(800 * mat.SenselCount, result.TotalLoadGrams);
        Assert.Equal(mat.SenselCount, analyzer.Map.Slot.Length);
    }
}
