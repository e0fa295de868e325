namespace Kiosk.Mat.Protocol
{
    /// <summary>
    /// CRC-32 as in IEEE 802.3, zlib and PNG (reflected polynomial 0xEDB88320, initial value and final XOR 0xFFFFFFFF;
    /// check value of "123456789" is 0xCBF43926). Chosen over CRC-16 because a decoder that scans random garbage
    /// tries many candidate packets: a 16-bit check would let about one in 65536 through, 32 bits one in four billion.
    /// The 1 KiB table is built once; per byte the cost is one lookup, which the ESP32 interpreter can afford.
    /// </summary>
    public static class Crc32
    {
        public const uint Initial = 0xFFFFFFFF;

        /// <summary>The byte-wise table, for loops that inline the update (the framer).</summary>
        internal static readonly uint[] Table = BuildTable();

        private static uint[] BuildTable()
        {
            uint[] table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                }
                table[n] = c;
            }
            return table;
        }

        /// <summary>Feeds one byte into a running CRC that started at <see cref="Initial"/>.</summary>
        public static uint Update(uint crc, byte value)
        {
            return Table[(crc ^ value) & 0xFF] ^ (crc >> 8);
        }

        public static uint Update(uint crc, byte[] buffer, int offset, int count)
        {
            uint[] table = Table;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                crc = table[(crc ^ buffer[i]) & 0xFF] ^ (crc >> 8);
            }
            return crc;
        }

        /// <summary>The final value of a running CRC.</summary>
        public static uint Finish(uint crc)
        {
            return crc ^ 0xFFFFFFFF;
        }

        public static uint Compute(byte[] buffer, int offset, int count)
        {
            return Finish(Update(Initial, buffer, offset, count));
        }
    }
}
