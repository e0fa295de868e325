using Kiosk.Mat.Analysis;
using Kiosk.Mat.Geometry;
using Kiosk.Mat.Protocol;
using Kiosk.Mat.Simulation.Feet;

namespace Kiosk.LoadTest;

/// <summary>
/// What a load mat sends: a shopper standing on a 48 x 48 mat at 10 mm, rendered by the simulator and analysed by the
/// core once, so every frame and result has the size and content a real mat's has.
/// </summary>
public sealed class ScanPayloads
{
    public static readonly MatGeometry Mat = new(48, 48, 10000);

    private readonly int[] _loads;
    private readonly ScanAnalysis _analysis = new();

    public ScanPayloads()
    {
        var frame = new StandingScene { NoiseGrams = 2 }.Render(Mat);
        _loads = frame.LoadGrams;
        new FootAnalyzer(Mat, null).Analyze(_loads, new FrameHealth(frame.DeadMask, 0), _analysis);
    }

    public byte[] Frame(uint capturedAtMs)
    {
        var message = new FrameMessage(0) { CapturedAtMs = capturedAtMs, Rows = Mat.Rows, Cols = Mat.Cols, LoadGrams = _loads };
        var buffer = new byte[PacketFormat.MaxPayloadBytes];
        return buffer[..message.EncodePayload(buffer, 0, buffer.Length)];
    }

    /// <summary>A Result with its summed frame (20 frames), as a mat's outbox holds it.</summary>
    public byte[] Result(long deviceId, uint counter)
    {
        var message = new ResultMessage(Mat.SenselCount)
        {
            DeviceId = deviceId,
            ResultCounter = counter,
            HasSummedFrame = true,
            Rows = Mat.Rows,
            Cols = Mat.Cols,
        };
        CopyFields(_analysis, message.Analysis);
        for (int i = 0; i < _loads.Length; i++)
        {
            message.SummedLoadGrams[i] = _loads[i] * 20;
        }
        var buffer = new byte[ResultMessage.MaxPayloadBytes(Mat.SenselCount)];
        int length = message.EncodePayload(buffer, 0, buffer.Length);
        if (length <= 0) throw new InvalidOperationException("the result did not fit its buffer");
        return buffer[..length];
    }

    /// <summary>ScanAnalysis and its foot measures are plain fields: copied all, none forgotten when one is added.</summary>
    private static void CopyFields(object from, object to)
    {
        foreach (var field in from.GetType().GetFields())
        {
            if (field.IsInitOnly)
            {
                CopyFields(field.GetValue(from)!, field.GetValue(to)!);
            }
            else
            {
                field.SetValue(to, field.GetValue(from));
            }
        }
    }
}
