namespace Kiosk.Mat.Protocol
{
    /// <summary>
    /// The numbers of the packet format (docs/protocol.md, "Packet"). A packet before COBS is
    /// version (1) | type (1) | sequence (4) | payload length (2) | payload | CRC-32 (4), little-endian;
    /// on the wire it is COBS-encoded between two 0x00 delimiters.
    /// </summary>
    public static class PacketFormat
    {
        /// <summary>The protocol version this code speaks; a packet with another version is rejected.</summary>
        public const byte Version = 1;

        public const int HeaderBytes = 8;
        public const int CrcBytes = 4;

        /// <summary>The delimiter between COBS-encoded packets; COBS guarantees it never occurs inside one.</summary>
        public const byte Delimiter = 0x00;

        /// <summary>
        /// The largest packet (header, payload and CRC, before COBS) anyone may send. It holds a Frame of a
        /// 64 x 64 mat with every sensel loaded and the full varint width per sensel; a receiver needs no more buffer.
        /// </summary>
        public const int MaxPacketBytes = 32768;

        public const int MaxPayloadBytes = MaxPacketBytes - HeaderBytes - CrcBytes;

        /// <summary>Offset of the payload in a decoded packet.</summary>
        public const int PayloadOffset = HeaderBytes;

        /// <summary>
        /// Wire bytes of a packet of <paramref name="packetBytes"/> bytes, both delimiters included:
        /// COBS adds one code byte per started run of 254 bytes.
        /// </summary>
        public static int MaxWireBytes(int packetBytes)
        {
            return packetBytes + packetBytes / 254 + 3;
        }

        /// <summary>
        /// Undoes COBS one wire byte (not a delimiter) at a time: returns the packet byte it stands for, or -1 for a code
        /// byte that stands for none. A code byte opens a block of <paramref name="blockRemaining"/> literal bytes; the
        /// block before it ended in a zero unless it was a full 254-byte run (<paramref name="zeroPending"/>).
        /// Both start at 0 / false for each packet.
        /// </summary>
        public static int Unstuff(byte value, ref int blockRemaining, ref bool zeroPending)
        {
            if (blockRemaining > 0)
            {
                blockRemaining--;
                return value;
            }
            int decoded = zeroPending ? 0 : -1;
            blockRemaining = value - 1;
            zeroPending = value < 0xFF;
            return decoded;
        }
    }
}
