using Kiosk.Tests;
using Kiosk.Mat.Analysis;
using Kiosk.Mat.Geometry;
using Kiosk.Mat.Protocol;
using Kiosk.Mat.Simulation.Feet;

namespace Kiosk.Display.MatLink.Tests;

/// <summary>
/// A shopper standing on a 48 x 48 mat at 10 mm, rendered by the simulator and analysed by the core, so the
/// frames and results the fake mat sends are the ones a real mat would.
/// </summary>
public static class SampleScan
{
    public static readonly MatGeometry Mat = new(48, 48, 10000);

    /// <summary>The still window the result stands for: its summed frame is the scene this many times.</summary>
    public const int WindowFrames = 20;

    private static readonly Lazy<(int[] Loads, ScanAnalysis Analysis)> Scene = new(() =>
    {
        var frame = new StandingScene { NoiseGrams = 2 }.Render(Mat);
        var analysis = new ScanAnalysis();
        new FootAnalyzer(Mat, null).Analyze(frame.LoadGrams, new FrameHealth(frame.DeadMask, 0), analysis);
        analysis.FrameCount = WindowFrames;
        return (frame.LoadGrams, analysis);
    });

    /// <summary>One live frame's loads, grams per sensel.</summary>
    public static int[] FrameLoads => (int[])Scene.Value.Loads.Clone();

    public static ScanAnalysis Analysis => Scene.Value.Analysis;

    /// <summary>A Result payload with its summed frame (the scene over 20 frames), as the mat's outbox holds it.</summary>
    public static byte[] ResultPayload(long deviceId, uint counter)
    {
        var message = new ResultMessage(Mat.SenselCount)
        {
            DeviceId = deviceId,
            ResultCounter = counter,
            HasSummedFrame = true,
            Rows = Mat.Rows,
            Cols = Mat.Cols,
        };
        PlainFields.Copy(Analysis, message.Analysis);
        int[] loads = Scene.Value.Loads;
        for (int i = 0; i < loads.Length; i++)
        {
            message.SummedLoadGrams[i] = loads[i] * WindowFrames;
        }
        var buffer = new byte[ResultMessage.MaxPayloadBytes(Mat.SenselCount)];
        int length = message.EncodePayload(buffer, 0, buffer.Length);
        if (length <= 0) throw new InvalidOperationException("the result did not fit its buffer");
        return buffer[..length];
    }
}
