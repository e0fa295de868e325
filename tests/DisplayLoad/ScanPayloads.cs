using Kiosk.Display.MatLink.Tests;
using Kiosk.Mat.Geometry;
using Kiosk.Mat.Protocol;

namespace Kiosk.LoadTest;

/// <summary>
/// What a load mat sends: MatLink's tests' sample scan (a shopper standing on a 48 x 48 mat at 10 mm, rendered by the
/// simulator and analysed by the core), so every frame and result has the size and content a real mat's has.
/// </summary>
public sealed class ScanPayloads
{
    public static MatGeometry Mat => SampleScan.Mat;

    private readonly int[] _loads = SampleScan.FrameLoads;

    public byte[] Frame(uint capturedAtMs)
    {
        var message = new FrameMessage(0) { CapturedAtMs = capturedAtMs, Rows = Mat.Rows, Cols = Mat.Cols, LoadGrams = _loads };
        var buffer = new byte[PacketFormat.MaxPayloadBytes];
        return buffer[..message.EncodePayload(buffer, 0, buffer.Length)];
    }

    /// <summary>A Result with its summed frame (20 frames), as a mat's outbox holds it.</summary>
    public byte[] Result(long deviceId, uint counter) => SampleScan.ResultPayload(deviceId, counter);
}
