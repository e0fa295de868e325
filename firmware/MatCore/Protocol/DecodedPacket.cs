namespace Kiosk.Mat.Protocol
{
    /// <summary>
    /// One packet that passed every check (COBS, length, version, CRC), as the decoder hands it out.
    /// The decoder owns and reuses this object and its buffer: read or copy it inside the callback.
    /// </summary>
    public sealed class DecodedPacket
    {
        public readonly byte[] Buffer;

        public MessageType Type;
        public uint Sequence;
        public int PayloadLength;

        /// <summary>Offset in the stream of the packet's first wire byte, and its wire length with the delimiter.</summary>
        public long StreamOffset;
        public int WireBytes;

        public DecodedPacket(int maxPacketBytes)
        {
            Buffer = new byte[maxPacketBytes];
        }

        public int PayloadOffset { get { return PacketFormat.PayloadOffset; } }
    }
}
