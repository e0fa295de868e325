namespace Kiosk.Mat.Tests.Protocol;

/// <summary>The device frames its packets over the payload's own buffer: the wire bytes must be exactly the ordinary framer's.</summary>
public class InPlaceFramingTests
{
    [Fact]
    public void InPlaceFramingGivesTheSameWireBytes()
    {
        ProtocolGen.Packet.Sample(packet =>
        {
            var wire = new byte[PacketFormat.MaxWireBytes(packet.Payload.Length + PacketFormat.HeaderBytes + PacketFormat.CrcBytes)];
            int expected = PacketFramer.Encode(packet.Type, packet.Sequence, packet.Payload, 0, packet.Payload.Length, wire, 0);

            var buffer = new byte[PacketFramer.InPlacePayloadOffset + packet.Payload.Length + PacketFramer.InPlaceTailBytes];
            Array.Copy(packet.Payload, 0, buffer, PacketFramer.InPlacePayloadOffset, packet.Payload.Length);
            int written = PacketFramer.EncodeInPlace(packet.Type, packet.Sequence, buffer, packet.Payload.Length);

            Assert.Equal(expected, written);
            Assert.Equal(wire.AsSpan(0, expected).ToArray(), buffer.AsSpan(0, written).ToArray());
        }, iter: 20_000);
    }

    [Fact]
    public void FramingAPayloadWhereItLiesTouchesOnlyItsRoomAndUnframingPutsItBack()
    {
        ProtocolGen.Packet.Sample(packet =>
        {
            int length = packet.Payload.Length;
            var wire = new byte[PacketFormat.MaxWireBytes(length + PacketFormat.HeaderBytes + PacketFormat.CrcBytes)];
            int expected = PacketFramer.Encode(packet.Type, packet.Sequence, packet.Payload, 0, length, wire, 0);

            // The payload among other bytes (the outbox's other results): only its headroom and the CRC's 4 bytes after it may change.
            int before = PacketFramer.InPlaceHeadroomFor(length);
            int payloadAt = before + 17;
            var buffer = new byte[payloadAt + length + PacketFormat.CrcBytes + 23];
            new Random(length).NextBytes(buffer);
            Array.Copy(packet.Payload, 0, buffer, payloadAt, length);
            byte[] original = buffer.ToArray();
            int written = PacketFramer.EncodeInPlaceAt(packet.Type, packet.Sequence, buffer, payloadAt, length);

            Assert.Equal(expected, written);
            Assert.Equal(wire.AsSpan(0, expected).ToArray(), buffer.AsSpan(payloadAt - before, written).ToArray());
            Assert.Equal(original.AsSpan(0, payloadAt - before).ToArray(), buffer.AsSpan(0, payloadAt - before).ToArray());
            int after = payloadAt + length + PacketFormat.CrcBytes;
            Assert.Equal(original.AsSpan(after).ToArray(), buffer.AsSpan(after).ToArray());

            PacketFramer.UnframeInPlace(buffer, payloadAt, length);
            Assert.Equal(packet.Payload, buffer.AsSpan(payloadAt, length).ToArray());
        }, iter: 20_000);
    }

    [Fact]
    public void AFullSizePayloadOfNonZeroBytesFramesWhereItLiesAndComesBack()
    {
        var payload = Enumerable.Repeat((byte)0x5A, PacketFormat.MaxPayloadBytes).ToArray();
        int payloadAt = PacketFramer.InPlaceHeadroomFor(payload.Length);
        var buffer = new byte[payloadAt + payload.Length + PacketFormat.CrcBytes];
        Array.Copy(payload, 0, buffer, payloadAt, payload.Length);
        int written = PacketFramer.EncodeInPlaceAt(MessageType.Frame, 7, buffer, payloadAt, payload.Length);

        var decoded = PacketRecorder.Decode(buffer.AsSpan(0, written).ToArray(), PacketFormat.MaxPacketBytes);
        Assert.Equal(payload, decoded.Packets.Single().Payload);
        PacketFramer.UnframeInPlace(buffer, payloadAt, payload.Length);
        Assert.Equal(payload, buffer.AsSpan(payloadAt, payload.Length).ToArray());
    }

    [Fact]
    public void AFullSizePayloadOfNonZeroBytesStillFits()
    {
        // The most code bytes COBS can add: no zero anywhere, so a code byte every 254.
        var payload = Enumerable.Repeat((byte)0x5A, PacketFormat.MaxPayloadBytes).ToArray();
        var buffer = new byte[PacketFramer.InPlacePayloadOffset + payload.Length + PacketFramer.InPlaceTailBytes];
        Array.Copy(payload, 0, buffer, PacketFramer.InPlacePayloadOffset, payload.Length);
        int written = PacketFramer.EncodeInPlace(MessageType.Frame, 7, buffer, payload.Length);

        var decoded = PacketRecorder.Decode(buffer.AsSpan(0, written).ToArray(), PacketFormat.MaxPacketBytes);
        Assert.Single(decoded.Packets);
        Assert.Equal(payload, decoded.Packets[0].Payload);
    }

    [Fact]
    public void APayloadTooLargeForTheBufferIsRefused()
    {
        var buffer = new byte[PacketFramer.InPlacePayloadOffset + 10];
        Assert.Equal(0, PacketFramer.EncodeInPlace(MessageType.Frame, 0, buffer, 10));
    }
}
