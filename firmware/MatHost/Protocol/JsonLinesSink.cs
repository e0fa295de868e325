using Kiosk.Mat.Protocol;

namespace Kiosk.Mat.Host.Protocol;

/// <summary>
/// Writes what a <see cref="PacketDecoder"/> reports as JSON lines: one per packet (<see cref="PacketJson"/>) and
/// one <c>{"rejected":N,"offset":O}</c> per stretch of rejected bytes.
/// </summary>
public sealed class JsonLinesSink(TextWriter output) : IPacketSink
{
    private readonly PacketJson _json = new();

    public int Packets { get; private set; }

    public int RejectedStretches { get; private set; }

    public void OnPacket(DecodedPacket packet)
    {
        Packets++;
        output.WriteLine(_json.ToJsonLine(packet));
    }

    public void OnRejected(long streamOffset, long byteCount)
    {
        RejectedStretches++;
        output.WriteLine(PacketJson.RejectedLine(streamOffset, byteCount));
    }
}
