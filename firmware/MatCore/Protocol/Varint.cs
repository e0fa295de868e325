namespace Kiosk.Mat.Protocol
{
    /// <summary>
    /// Unsigned LEB128: 7 bits per byte, low bits first, high bit set on every byte but the last.
    /// Capped at 3 bytes (21 bits) so a decoder can never be kept reading by a run of 0x80 bytes,
    /// and so a sensel costs at most 3 bytes of load.
    /// </summary>
    public static class Varint
    {
        public const int MaxBytes = 3;

        /// <summary>2 097 151: the largest value 3 bytes carry, and the saturation point of every varint field.</summary>
        public const int MaxValue = (1 << (7 * MaxBytes)) - 1;

        /// <summary>Writes <paramref name="value"/> (saturated) at <paramref name="at"/>; returns the position after it. The caller leaves room for <see cref="MaxBytes"/>.</summary>
        public static int Write(byte[] buffer, int at, int value)
        {
            if (value > MaxValue)
            {
                value = MaxValue;
            }
            while (value >= 0x80)
            {
                buffer[at++] = (byte)(value | 0x80);
                value >>= 7;
            }
            buffer[at++] = (byte)value;
            return at;
        }

        /// <summary>How many bytes <paramref name="value"/> takes (after saturation).</summary>
        public static int Size(int value)
        {
            if (value < 0x80)
            {
                return 1;
            }
            return value < 0x4000 ? 2 : 3;
        }
    }
}
