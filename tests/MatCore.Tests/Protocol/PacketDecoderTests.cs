namespace Kiosk.Mat.Tests.Protocol;

/// <summary>
/// The decoder on any bytes: valid, random, mutated, truncated, split. Iteration counts add up to 1 000 000
/// generated inputs here (see docs/protocol.md, "Tests"); each input is small, so they run in seconds.
/// </summary>
public class PacketDecoderTests
{
    [Fact]
    public void ValidStreamsRoundTripExactly()
    {
        ProtocolGen.Packets.Sample(packets =>
        {
            var decoded = PacketRecorder.Decode(SentPacket.Stream(packets));
            Assert.Empty(decoded.Rejected);
            Assert.Equal(packets.Length, decoded.Packets.Count);
            for (int i = 0; i < packets.Length; i++)
            {
                Assert.True(packets[i].SameAs(decoded.Packets[i]));
            }
        }, iter: 100_000);
    }

    [Fact]
    public void RandomBytesYieldNoPacketAndAreAllRejected()
    {
        var bytes = Gen.Frequency((3, Gen.Byte), (1, Gen.Const((byte)0))).Array[0, 64];
        bytes.Sample(stream =>
        {
            var decoded = PacketRecorder.Decode(stream);
            Assert.Empty(decoded.Packets);
            long rejected = decoded.Rejected.Sum(r => r.Count);
            long idleZeros = stream.Length - rejected;
            Assert.InRange(idleZeros, 0, stream.Count(b => b == 0));
            Assert.True(decoded.Rejected.Count <= 1, "with no valid packet in between, all garbage is one stretch");
            if (stream.Any(b => b != 0))
            {
                Assert.Single(decoded.Rejected);
            }
        }, iter: 300_000);
    }

    [Fact]
    public void DecoderResynchronisesAfterGarbage()
    {
        var garbage = Gen.Frequency((4, Gen.Byte), (1, Gen.Const((byte)0))).Array[0, 30];
        Gen.Select(ProtocolGen.Packets, garbage.Array[7]).Sample((packets, garbages) =>
        {
            var stream = new List<byte>();
            var garbageSpans = new List<(int Start, int End)>();
            for (int i = 0; i < packets.Length; i++)
            {
                byte[] g = garbages[i];
                if (g.Any(b => b != 0))
                {
                    garbageSpans.Add((stream.Count, stream.Count + g.Length));
                }
                stream.AddRange(g);
                stream.AddRange(packets[i].Wire());
            }
            var decoded = PacketRecorder.Decode(stream.ToArray());

            Assert.Equal(packets.Length, decoded.Packets.Count);
            Assert.All(packets.Zip(decoded.Packets), pair => Assert.True(pair.First.SameAs(pair.Second)));
            // One report per stretch of garbage, starting inside it; it may take in the next packet's leading 0x00.
            Assert.Equal(garbageSpans.Count, decoded.Rejected.Count);
            for (int i = 0; i < garbageSpans.Count; i++)
            {
                var (offset, count) = decoded.Rejected[i];
                Assert.InRange(offset, garbageSpans[i].Start, garbageSpans[i].End - 1);
                Assert.InRange(offset + count, offset + 1, garbageSpans[i].End + 1);
            }
        }, iter: 100_000);
    }

    [Fact]
    public void MutatedStreamsNeverYieldACorruptPacket()
    {
        Gen.Select(ProtocolGen.Packets, ProtocolGen.Mutation.Array[1, 4]).Sample((packets, mutations) =>
        {
            var stream = new List<byte>(SentPacket.Stream(packets));
            foreach (var mutation in mutations)
            {
                mutation.ApplyTo(stream);
            }
            var decoded = PacketRecorder.Decode(stream.ToArray());

            // Every packet that comes out is one that went in, in order; each mutation costs at most one packet.
            int next = 0;
            foreach (var packet in decoded.Packets)
            {
                while (next < packets.Length && !packets[next].SameAs(packet))
                {
                    next++;
                }
                Assert.True(next < packets.Length, "a decoded packet matches no packet sent after the previous one");
                next++;
            }
            Assert.True(decoded.Packets.Count >= packets.Length - mutations.Length);
            Assert.True(decoded.WireBytes + decoded.Rejected.Sum(r => r.Count) <= stream.Count);
        }, iter: 300_000);
    }

    [Fact]
    public void SplittingIntoChunksChangesNothing()
    {
        var garbage = Gen.Byte.Array[0, 12];
        Gen.Select(ProtocolGen.Packets, garbage, Gen.Int[1, 40].Array[1, 30]).Sample((packets, noise, chunkSizes) =>
        {
            byte[] stream = [.. noise, .. SentPacket.Stream(packets), .. noise];
            var whole = PacketRecorder.Decode(stream);

            var pieces = new PacketRecorder();
            var decoder = new PacketDecoder(pieces, PacketRecorder.TestMaxPacketBytes);
            int offset = 0;
            for (int i = 0; offset < stream.Length; i++)
            {
                int count = Math.Min(chunkSizes[i % chunkSizes.Length], stream.Length - offset);
                decoder.Feed(stream, offset, count);
                offset += count;
            }
            decoder.Flush();

            Assert.Equal(whole.Rejected, pieces.Rejected);
            Assert.Equal(whole.Packets.Count, pieces.Packets.Count);
            Assert.All(whole.Packets.Zip(pieces.Packets), pair => Assert.True(pair.First.SameAs(pair.Second)));
        }, iter: 100_000);
    }

    [Fact]
    public void TruncatedStreamYieldsEveryCompletePacketAndRejectsTheRest()
    {
        Gen.Select(ProtocolGen.Packets, Gen.Int[0, int.MaxValue]).Sample((packets, cutSeed) =>
        {
            byte[] stream = SentPacket.Stream(packets);
            int cut = cutSeed % (stream.Length + 1);
            var decoded = PacketRecorder.Decode(stream[..cut]);

            int complete = 0;
            int end = 0;
            foreach (var packet in packets)
            {
                end += packet.Wire().Length;
                if (end <= cut)
                {
                    complete++;
                }
            }
            Assert.Equal(complete, decoded.Packets.Count);
            Assert.True(decoded.Rejected.Count <= 1);
            Assert.True(decoded.WireBytes + decoded.Rejected.Sum(r => r.Count) <= cut);
        }, iter: 100_000);
    }

    [Fact]
    public void OversizedPacketIsRejectedAndTheNextOneDecoded()
    {
        var big = new SentPacket(MessageType.Frame, 1, new byte[100]);
        var small = new SentPacket(MessageType.Status, 2, [1, 2, 3]);
        byte[] bigWire = big.Wire();
        var decoded = PacketRecorder.Decode([.. bigWire, .. small.Wire()], maxPacketBytes: 64);

        Assert.Single(decoded.Packets);
        Assert.True(small.SameAs(decoded.Packets[0]));
        // The stretch runs from after the leading 0x00 through the closing one.
        Assert.Equal([(1L, (long)bigWire.Length - 1)], decoded.Rejected);
    }

    private sealed class SinkThatThrowsOnce : IPacketSink
    {
        public PacketRecorder Recorder { get; } = new();

        private bool _thrown;

        public void OnPacket(DecodedPacket packet)
        {
            if (!_thrown)
            {
                _thrown = true;
                throw new InvalidOperationException("the display's handler failed");
            }
            Recorder.OnPacket(packet);
        }

        public void OnRejected(long streamOffset, long byteCount) => Recorder.OnRejected(streamOffset, byteCount);
    }

    [Fact]
    public void SinkThatThrowsLeavesTheDecoderReadyForTheNextPacket()
    {
        var first = new SentPacket(MessageType.Status, 1, [1]);
        var second = new SentPacket(MessageType.Status, 2, [2]);
        byte[] stream = [.. first.Wire(), .. second.Wire()];
        var sink = new SinkThatThrowsOnce();
        var decoder = new PacketDecoder(sink, 64);

        Assert.Throws<InvalidOperationException>(() => decoder.Feed(stream, 0, stream.Length));
        int fed = (int)decoder.Position;
        Assert.Equal(first.Wire().Length, fed);
        decoder.Feed(stream, fed, stream.Length - fed);
        decoder.Flush();

        Assert.True(second.SameAs(Assert.Single(sink.Recorder.Packets)));
        Assert.Empty(sink.Recorder.Rejected);
    }

    [Fact]
    public void FramerRefusesPayloadsOverTheProtocolMaximum()
    {
        var payload = new byte[PacketFormat.MaxPayloadBytes + 1];
        var wire = new byte[PacketFormat.MaxWireBytes(payload.Length + 12)];
        Assert.Equal(0, PacketFramer.Encode(MessageType.Frame, 0, payload, 0, payload.Length, wire, 0));
        Assert.True(PacketFramer.Encode(MessageType.Frame, 0, payload, 0, payload.Length - 1, wire, 0) > 0);
    }

    [Fact]
    public void FramerReportsAnOutputBufferTooSmall()
    {
        var payload = new byte[] { 1, 2, 3 };
        int needed = new SentPacket(MessageType.Status, 5, payload).Wire().Length;
        for (int capacity = 0; capacity < needed; capacity++)
        {
            Assert.Equal(0, PacketFramer.Encode(MessageType.Status, 5, payload, 0, payload.Length, new byte[capacity], 0));
        }
        Assert.Equal(needed, PacketFramer.Encode(MessageType.Status, 5, payload, 0, payload.Length, new byte[needed], 0));
    }

    [Fact]
    public void WireBytesMatchTheExampleInTheProtocolDocument()
    {
        // docs/protocol.md, "Example": an Ack of sequence 7 with status ok, no result id, sent as sequence 258.
        var ack = new AckMessage { AckedSequence = 7, Status = AckStatus.Ok };
        var payload = new byte[32];
        int length = ack.EncodePayload(payload, 0, payload.Length);
        byte[] wire = new SentPacket(MessageType.Ack, 258, payload[..length]).Wire();
        Assert.Equal(ExampleWire, Convert.ToHexString(wire));
    }

    [Fact]
    public void Crc32MatchesTheStandardCheckValue()
    {
        byte[] check = "123456789"u8.ToArray();
        Assert.Equal(0xCBF43926u, Crc32.Compute(check, 0, check.Length));
    }

    /// <summary>Kept equal to the hex line in docs/protocol.md.</summary>
    private const string ExampleWire = "000501050201010212020701010101010101010101010101010101054633A99F00";
}
