using Kiosk.Mat.Session;

namespace Kiosk.Mat.Tests.Session;

public class SessionTrackerTests
{
    private const int FrameMs = 50;
    private static readonly MatGeometry Mat = new(48, 48, 10000);
    private static readonly Lazy<ShopperFrames> FlatLeftHighRight = new(() => new ShopperFrames(Mat, 0.30, 0.12));

    private sealed class Run(ShopperFrames shopper)
    {
        public readonly SessionTracker Tracker = new(Mat, null, null);
        public readonly int[] Frame = new int[Mat.SenselCount];
        public int ElapsedMs;
        public int Results;

        public void Frames(int count, double leftShare, double onMat = 1)
        {
            for (int i = 0; i < count; i++)
            {
                shopper.Fill(Frame, leftShare, onMat);
                Step();
            }
        }

        public void Empty(int count)
        {
            for (int i = 0; i < count; i++)
            {
                Array.Clear(Frame);
                Step();
            }
        }

        public void Step()
        {
            if (Tracker.Step(Frame, ElapsedMs, null))
            {
                Results++;
            }
            ElapsedMs += FrameMs;
        }
    }

    [Fact]
    public void StillShopperGetsExactlyOneScanThenTheMatEmpties()
    {
        var run = new Run(FlatLeftHighRight.Value);
        run.Empty(10);
        Assert.Equal(SessionState.Empty, run.Tracker.State);
        run.Frames(1, 0.9, 0.4);
        Assert.Equal(SessionState.Stepping, run.Tracker.State);
        run.Frames(4, 0.7, 0.8);
        run.Frames(100, 0.5);
        Assert.Equal(1, run.Results);
        Assert.Equal(SessionState.Done, run.Tracker.State);
        var scan = run.Tracker.Result;
        Assert.Equal(ArchType.Low, scan.Left.Arch);
        Assert.Equal(ArchType.High, scan.Right.Arch);
        Assert.InRange(scan.LoadLeftPctX10, 490, 510);
        Assert.InRange(scan.FrameCount, 3000 / FrameMs, 3000 / FrameMs + 2);
        Assert.True(scan.QualityOk);

        run.Frames(3, 0.5, 0.3);
        Assert.Equal(SessionState.Leaving, run.Tracker.State);
        run.Empty(20);
        Assert.Equal(SessionState.Empty, run.Tracker.State);
        Assert.Equal(1, run.Results);
    }

    [Fact]
    public void RestlessShopperIsScannedOnlyOnceStill()
    {
        var run = new Run(FlatLeftHighRight.Value);
        run.Empty(2);
        for (int shift = 0; shift < 12; shift++)
        {
            // Weight shifts from foot to foot every second: the centre of pressure moves far more than the tolerance.
            run.Frames(20, shift % 2 == 0 ? 0.3 : 0.7);
        }
        Assert.Equal(0, run.Results);
        Assert.NotEqual(SessionState.Done, run.Tracker.State);
        run.Frames(70, 0.5);
        Assert.Equal(1, run.Results);
    }

    [Fact]
    public void SteppingOffBeforeTheWindowEndsGivesNoScan()
    {
        var run = new Run(FlatLeftHighRight.Value);
        run.Frames(30, 0.5);
        run.Empty(20);
        Assert.Equal(SessionState.Empty, run.Tracker.State);
        Assert.Equal(0, run.Results);
    }

    [Fact]
    public void SwayIsThePathAndEllipseOfTheCentreOfPressure()
    {
        // Sway of a known path: the load moves sinusoidally between the feet, so the centre of pressure runs to and
        // fro along x; measure the expected path and ellipse from the tracker's own per-frame centre of pressure.
        var run = new Run(FlatLeftHighRight.Value);
        run.Frames(15, 0.5);
        var xs = new List<double>();
        var ys = new List<double>();
        for (int i = 0; i < 200 && run.Results == 0; i++)
        {
            double share = 0.5 + 0.02 * Math.Sin(i * 0.3);
            run.Frames(1, share);
            if (run.Tracker.State == SessionState.Capturing || run.Tracker.State == SessionState.Done)
            {
                xs.Add(run.Tracker.CopXMmX10 / 10.0);
                ys.Add(run.Tracker.CopYMmX10 / 10.0);
            }
        }
        Assert.Equal(1, run.Results);
        var scan = run.Tracker.Result;
        double path = 0;
        for (int i = 1; i < xs.Count; i++)
        {
            path += Math.Sqrt(Math.Pow(xs[i] - xs[i - 1], 2) + Math.Pow(ys[i] - ys[i - 1], 2));
        }
        Assert.InRange(scan.SwayPathMmX10 / 10.0, path * 0.9, path * 1.1 + 1);
        Assert.True(path > 20, $"the test's own path {path:F1} mm should be visible");
        // Motion along one line has (nearly) no ellipse area.
        Assert.InRange(scan.SwayEllipseMm2, 0, 20);
    }

    [Fact]
    public void PerFrameTrackingAllocatesNothingOverAThousandFrames()
    {
        var shopper = FlatLeftHighRight.Value;
        var tracker = new SessionTracker(Mat, new SessionSettings { StillWindowMs = 1000 }, null);
        var frames = new int[4][];
        for (int k = 0; k < frames.Length; k++)
        {
            frames[k] = new int[Mat.SenselCount];
        }
        shopper.Fill(frames[1], 0.5, 0.5);
        shopper.Fill(frames[2], 0.5);
        shopper.Fill(frames[3], 0.52);
        // A cycle of 100 frames: empty, stepping on, standing (a scan), stepping off.
        int[] Pick(int i) => (i % 100) switch
        {
            < 10 => frames[0],
            < 15 => frames[1],
            < 90 => frames[2 + (i & 1)],
            _ => frames[0],
        };
        int elapsed = 0;
        for (int i = 0; i < 200; i++, elapsed += FrameMs)
        {
            tracker.Step(Pick(i), elapsed, null);
        }
        int scansBefore = tracker.ScanCount;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++, elapsed += FrameMs)
        {
            tracker.Step(Pick(i), elapsed, null);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(scansBefore + 10, tracker.ScanCount);
    }
}
