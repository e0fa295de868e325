using Xunit;
using Kiosk.Mat.DeviceTests.Fakes;
using Kiosk.Mat.Protocol;

namespace Kiosk.Firmware.Tests;

/// <summary>
/// The display in memory decodes packets as their bytes arrive, holding no whole packet: what it stores and acks must
/// still be only what arrived whole and intact, whatever the chunks.
/// </summary>
public sealed class AckingDisplayTests
{
    private static byte[] ResultPayload(uint counter, int payloadBytes)
    {
        var payload = new byte[payloadBytes];
        for (int i = 0; i < payload.Length; i++)
        {
            payload[i] = (byte)(i * 7 + 3);
        }
        BitConverter.GetBytes(DeviceRun.DeviceId).CopyTo(payload, 0);
        BitConverter.GetBytes(counter).CopyTo(payload, 8);
        // Zeros and a run longer than a COBS block, so the packet has code bytes of both kinds.
        Array.Clear(payload, 40, 300);
        return payload;
    }

    private static byte[] ResultPacket(uint counter, int payloadBytes)
    {
        byte[] payload = ResultPayload(counter, payloadBytes);
        var wire = new byte[PacketFormat.MaxWireBytes(PacketFormat.HeaderBytes + payloadBytes + PacketFormat.CrcBytes)];
        int length = PacketFramer.Encode(MessageType.Result, 5, payload, 0, payloadBytes, wire, 0);
        return wire[..length];
    }

    [Fact]
    public void AResultArrivingInChunksIsStoredWithItsBytesAndAcked()
    {
        var display = new AckingDisplay(4096, true);
        byte[] wire = ResultPacket(7, 1000);
        for (int at = 0; at < wire.Length; at += 13)
        {
            Assert.True(display.TrySend(wire, at, Math.Min(13, wire.Length - at)));
        }

        Assert.Equal(1, display.ResultPackets);
        Assert.Equal(1, display.StoredResults);
        Assert.Equal(7u, display.StoredId(0));
        byte[] payload = ResultPayload(7, 1000);
        Assert.Equal(payload.Length, display.LastResultLength);
        Assert.Equal(payload, display.LastResult[..payload.Length]);
        Assert.Equal(Crc32.Finish(Crc32.Update(Crc32.Initial, payload, 0, payload.Length)), display.ResultFingerprint);
        Assert.True(display.Receive(new byte[64], 0, 64) > 0, "the ack went out");
    }

    [Fact]
    public void ACorruptResultIsNeitherStoredNorAcked()
    {
        var display = new AckingDisplay(4096, false);
        byte[] wire = ResultPacket(7, 1000);
        wire[wire.Length / 2] ^= 0x10;
        display.TrySend(wire, 0, wire.Length);

        Assert.Equal(0, display.ResultPackets);
        Assert.Equal(0, display.StoredResults);
        Assert.Equal(0, display.Receive(new byte[64], 0, 64));

        display.TrySend(ResultPacket(7, 1000), 0, wire.Length);
        Assert.Equal(1, display.StoredResults);
    }

    [Fact]
    public void AResultLargerThanTheDisplayTakesIsDropped()
    {
        var display = new AckingDisplay(512, false);
        byte[] wire = ResultPacket(7, 1000);
        display.TrySend(wire, 0, wire.Length);

        Assert.Equal(0, display.ResultPackets);
        Assert.Equal(0, display.StoredResults);
    }
}
