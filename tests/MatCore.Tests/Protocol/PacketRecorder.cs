namespace Kiosk.Mat.Tests.Protocol;

/// <summary>A packet as the tests compare them: type, sequence and a copy of the payload.</summary>
public sealed record SentPacket(MessageType Type, uint Sequence, byte[] Payload)
{
    public bool SameAs(SentPacket other) =>
        Type == other.Type && Sequence == other.Sequence && Payload.AsSpan().SequenceEqual(other.Payload);

    /// <summary>The packet's wire bytes, as <see cref="PacketFramer"/> writes them.</summary>
    public byte[] Wire()
    {
        var wire = new byte[PacketFormat.MaxWireBytes(Payload.Length + PacketFormat.HeaderBytes + PacketFormat.CrcBytes)];
        int length = PacketFramer.Encode(Type, Sequence, Payload, 0, Payload.Length, wire, 0);
        Assert.True(length > 0);
        return wire[..length];
    }

    public static byte[] Stream(IEnumerable<SentPacket> packets) => packets.SelectMany(p => p.Wire()).ToArray();
}

/// <summary>Records what a decoder reports, copying each packet out of the decoder's reused buffer.</summary>
public sealed class PacketRecorder : IPacketSink
{
    public List<SentPacket> Packets { get; } = [];

    public List<(long Offset, long Count)> Rejected { get; } = [];

    public long WireBytes { get; private set; }

    public void OnPacket(DecodedPacket packet)
    {
        Packets.Add(new SentPacket(packet.Type, packet.Sequence,
            packet.Buffer.AsSpan(packet.PayloadOffset, packet.PayloadLength).ToArray()));
        WireBytes += packet.WireBytes;
    }

    public void OnRejected(long streamOffset, long byteCount) => Rejected.Add((streamOffset, byteCount));

    /// <summary>Room for the largest generated packet; a small buffer keeps a million decoders cheap.</summary>
    public const int TestMaxPacketBytes = 1024;

    /// <summary>Decodes a whole stream in one feed, then flushes.</summary>
    public static PacketRecorder Decode(byte[] stream, int maxPacketBytes = TestMaxPacketBytes)
    {
        var recorder = new PacketRecorder();
        var decoder = new PacketDecoder(recorder, maxPacketBytes);
        decoder.Feed(stream, 0, stream.Length);
        decoder.Flush();
        return recorder;
    }
}
