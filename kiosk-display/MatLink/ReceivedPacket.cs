using Kiosk.Mat.Protocol;

namespace Kiosk.Display.MatLink;

/// <summary>
/// A packet copied out of the decoder's reused buffer, so it can be handled after the (synchronous) decoder
/// callback returns, with awaits in between.
/// </summary>
internal readonly record struct ReceivedPacket(MessageType Type, uint Sequence, byte[] Payload)
{
    public static ReceivedPacket CopyOf(DecodedPacket packet) =>
        new(packet.Type, packet.Sequence, packet.Buffer.AsSpan(packet.PayloadOffset, packet.PayloadLength).ToArray());
}
