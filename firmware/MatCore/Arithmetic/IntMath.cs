namespace Kiosk.Mat.Arithmetic
{
    /// <summary>
    /// The integer arithmetic the core needs: nanoFramework's mscorlib has no System.Math, and the ESP32 has
    /// no double-precision FPU, so square roots and angles are computed on integers.
    /// </summary>
    public static class IntMath
    {
        /// <summary>Q14 fixed point: 1.0 = 16384.</summary>
        public const int OneQ14 = 16384;

        /// <summary>Floor of the square root of a non-negative number (0 for negatives).</summary>
        public static long Isqrt(long value)
        {
            if (value <= 0)
            {
                return 0;
            }
            // Digit-by-digit method: exact, no division, 32 iterations at most.
            ulong remainder = (ulong)value;
            ulong root = 0;
            ulong bit = 1UL << 62;
            while (bit > remainder)
            {
                bit >>= 2;
            }
            while (bit != 0)
            {
                if (remainder >= root + bit)
                {
                    remainder -= root + bit;
                    root = (root >> 1) + bit;
                }
                else
                {
                    root >>= 1;
                }
                bit >>= 2;
            }
            return (long)root;
        }

        public static int Abs(int value)
        {
            return value < 0 ? -value : value;
        }

        public static long Abs(long value)
        {
            return value < 0 ? -value : value;
        }

        public static int Min(int a, int b)
        {
            return a < b ? a : b;
        }

        public static int Max(int a, int b)
        {
            return a > b ? a : b;
        }

        public static long Min(long a, long b)
        {
            return a < b ? a : b;
        }

        public static long Max(long a, long b)
        {
            return a > b ? a : b;
        }

        public static int Clamp(int value, int min, int max)
        {
            return value < min ? min : (value > max ? max : value);
        }

        /// <summary>Rounded division of non-negative or mixed-sign numbers (half away from zero).</summary>
        public static long DivRound(long numerator, long denominator)
        {
            if (denominator == 0)
            {
                return 0;
            }
            if (denominator < 0)
            {
                numerator = -numerator;
                denominator = -denominator;
            }
            return numerator >= 0 ? (numerator + denominator / 2) / denominator : -((-numerator + denominator / 2) / denominator);
        }

        /// <summary>Length of the overlap of the intervals [aLow, aHigh] and [bLow, bHigh] (0 if they miss).</summary>
        public static int Overlap(int aLow, int aHigh, int bLow, int bHigh)
        {
            int low = aLow > bLow ? aLow : bLow;
            int high = aHigh < bHigh ? aHigh : bHigh;
            return high > low ? high - low : 0;
        }

        // atan(2^-i) in degrees x 1000, for the CORDIC below.
        private static readonly int[] AtanTableDegX1000 =
        {
            45000, 26565, 14036, 7125, 3576, 1790, 895, 448, 224, 112, 56, 28, 14, 7, 3, 2,
        };

        /// <summary>
        /// Angle of the vector (x, y) from the +x axis, in degrees x 10, from -1800 to 1800 (CORDIC in vectoring mode).
        /// </summary>
        public static int Atan2DegX10(long y, long x)
        {
            if (x == 0 && y == 0)
            {
                return 0;
            }
            // Scale into a range where the CORDIC's additions cannot overflow.
            while (Abs(x) > (1L << 40) || Abs(y) > (1L << 40))
            {
                x >>= 1;
                y >>= 1;
            }
            int baseDegX1000 = 0;
            if (x < 0)
            {
                // Rotate by 180 degrees into the right half-plane.
                x = -x;
                y = -y;
                baseDegX1000 = 180000;
            }
            x <<= 16;
            y <<= 16;
            int angle = 0;
            for (int i = 0; i < AtanTableDegX1000.Length; i++)
            {
                long dx = x >> i;
                long dy = y >> i;
                if (y > 0)
                {
                    x += dy;
                    y -= dx;
                    angle += AtanTableDegX1000[i];
                }
                else
                {
                    x -= dy;
                    y += dx;
                    angle -= AtanTableDegX1000[i];
                }
            }
            int result = baseDegX1000 + angle;
            if (result > 180000)
            {
                result -= 360000;
            }
            return (int)DivRound(result, 100);
        }
    }
}
