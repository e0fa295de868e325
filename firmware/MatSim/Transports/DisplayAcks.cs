using Kiosk.Mat.Protocol;

namespace Kiosk.Mat.Simulation.Transports;

/// <summary>
/// The display's side of the acks, for stand-in displays (the capture, the tests' displays): reads a Result's id
/// and writes the Ack a display sends back, with its own sequence numbers from 0 per connection.
/// </summary>
public sealed class DisplayAcks
{
    private readonly AckMessage _ack = new();
    private readonly byte[] _payload = new byte[32];
    private uint _sequence;

    /// <summary>The wire bytes of the last <see cref="Encode"/>.</summary>
    public byte[] Wire { get; } = new byte[64];

    /// <summary>The result id at the start of every Result payload (docs/protocol.md): device id and counter.</summary>
    public static bool TryReadResultId(DecodedPacket packet, out long deviceId, out uint counter)
    {
        bool ok = packet.Type == MessageType.Result && packet.PayloadLength >= 12;
        deviceId = ok ? BitConverter.ToInt64(packet.Buffer, packet.PayloadOffset) : 0;
        counter = ok ? BitConverter.ToUInt32(packet.Buffer, packet.PayloadOffset + 8) : 0;
        return ok;
    }

    /// <summary>The id as the display stores it (the same text as <c>PacketJson.ResultId</c>).</summary>
    public static string ResultId(long deviceId, uint counter) => $"{deviceId:x12}-{counter}";

    /// <summary>Writes an ok Ack of <paramref name="ackedSequence"/> into <see cref="Wire"/>, naming a result when given one; returns its length.</summary>
    public int Encode(uint ackedSequence, long? resultDeviceId = null, uint resultCounter = 0, AckStatus status = AckStatus.Ok)
    {
        _ack.AckedSequence = ackedSequence;
        _ack.Status = status;
        _ack.HasResultId = resultDeviceId.HasValue;
        _ack.DeviceId = resultDeviceId ?? 0;
        _ack.ResultCounter = resultCounter;
        int length = _ack.EncodePayload(_payload, 0, _payload.Length);
        return PacketFramer.Encode(MessageType.Ack, _sequence++, _payload, 0, length, Wire, 0);
    }
}
