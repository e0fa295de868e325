namespace Kiosk.Mat.Tests.Protocol;

/// <summary>The per-frame paths allocate nothing once set up: the device's garbage collector is small and slow.</summary>
public class AllocationTests
{
    private sealed class CountingSink : IPacketSink
    {
        public int Packets;
        public long Rejected;

        public void OnPacket(DecodedPacket packet) => Packets++;

        public void OnRejected(long streamOffset, long byteCount) => Rejected += byteCount;
    }

    private static FrameMessage FootFrame()
    {
        var frame = new FrameMessage(0) { Rows = 48, Cols = 48, LoadGrams = new int[48 * 48] };
        for (int i = 0; i < frame.LoadGrams.Length; i += 5)
        {
            frame.LoadGrams[i] = 100 + i;
        }
        return frame;
    }

    [Fact]
    public void EncodingAFrameAllocatesNothing()
    {
        var frame = FootFrame();
        var payload = new byte[SparseLoads.MaxBytes(48 * 48) + 4];
        var wire = new byte[PacketFormat.MaxWireBytes(payload.Length + 12)];
        Encode(frame, payload, wire, 0);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (uint sequence = 1; sequence <= 100; sequence++)
        {
            Assert.True(Encode(frame, payload, wire, sequence) > 0);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void DecodingPacketsAndGarbageAllocatesNothing()
    {
        var frame = FootFrame();
        var payload = new byte[SparseLoads.MaxBytes(48 * 48) + 4];
        var wire = new byte[PacketFormat.MaxWireBytes(payload.Length + 12)];
        int length = Encode(frame, payload, wire, 7);
        byte[] garbage = [1, 2, 3, 0, 5, 6];
        var sink = new CountingSink();
        var decoder = new PacketDecoder(sink, PacketFormat.MaxPacketBytes);
        decoder.Feed(wire, 0, length);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            decoder.Feed(garbage, 0, garbage.Length);
            decoder.Feed(wire, 0, length);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(101, sink.Packets);
        Assert.Equal(100 * (garbage.Length + 1), sink.Rejected);
    }

    [Fact]
    public void FeedingOutsideTheBufferIsIgnored()
    {
        var sink = new CountingSink();
        var decoder = new PacketDecoder(sink, 64);
        var data = new byte[] { 1, 2, 0 };
        decoder.Feed(data, 2, 5);
        decoder.Feed(data, -1, 2);
        decoder.Feed(data, int.MaxValue, int.MaxValue);
        decoder.Feed(null!, 0, 1);
        decoder.Flush();
        Assert.Equal(0, decoder.Position);
        Assert.Equal((0, 0L), (sink.Packets, sink.Rejected));
    }

    private static int Encode(FrameMessage frame, byte[] payload, byte[] wire, uint sequence)
    {
        frame.CapturedAtMs = sequence * 50;
        int length = frame.EncodePayload(payload, 0, payload.Length);
        return PacketFramer.Encode(MessageType.Frame, sequence, payload, 0, length, wire, 0);
    }
}
