namespace Kiosk.Mat.Protocol
{
    /// <summary>What a <see cref="PacketDecoder"/> reports, in stream order.</summary>
    public interface IPacketSink
    {
        /// <summary>A packet that passed every check. Valid only during the call.</summary>
        void OnPacket(DecodedPacket packet);

        /// <summary>
        /// A stretch of bytes that held no valid packet: <paramref name="byteCount"/> bytes starting at
        /// <paramref name="streamOffset"/> (counted from the first byte ever fed). Reported once per stretch,
        /// when the next valid packet arrives or the stream is flushed.
        /// </summary>
        void OnRejected(long streamOffset, long byteCount);
    }
}
