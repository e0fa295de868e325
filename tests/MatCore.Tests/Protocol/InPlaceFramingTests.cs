namespace Kiosk.Mat.Tests.Protocol;

/// <summary>The device frames its packets over the payload's own buffer: the wire bytes must be exactly the ordinary framer's.</summary>
public class InPlaceFramingTests
{
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
    public void APayloadTooLargeForTheBufferIsRefused()
    {
        int payloadAt = PacketFramer.InPlaceHeadroomFor(10);
        var buffer = new byte[payloadAt + 10];
        Assert.Equal(0, PacketFramer.EncodeInPlaceAt(MessageType.Frame, 0, buffer, payloadAt, 10));
    }
}
