namespace Kiosk.Mat.DeviceTests.Shoppers
{
    /// <summary>
    /// Standing feet, each alone carrying the whole body (75 kg), as pairs of sensel index (row * cols + col)
    /// and load in grams. The arch indices are those of the virtual mat's shoppers (flat 0.30, normal 0.225,
    /// high 0.15). The left feet are data (StandingFeet.Left.cs, generated); a right foot is its left one mirrored
    /// across the mat's centre line, as the virtual mat's standing scene is (tests/Firmware.Tests/StandingFeetFile.cs
    /// checks it). A method per foot, so only the feet a run plays take heap.
    /// </summary>
    public static partial class StandingFeet
    {
        public const int FlatArch = 0;
        public const int NormalArch = 1;
        public const int HighArch = 2;

        /// <summary>The foot on a 48 x 48 mat at 10 mm, or (normal arches only) on 64 x 64 at 7.5 mm or 32 x 32 at 15 mm.</summary>
        public static ushort[] Foot(int arch, bool left, int rows)
        {
            ushort[] leftFoot;
            if (rows == 64)
            {
                leftFoot = NormalLeft64();
            }
            else if (rows == 32)
            {
                leftFoot = NormalLeft32();
            }
            else
            {
                leftFoot = arch == FlatArch ? FlatLeft48() : arch == HighArch ? HighLeft48() : NormalLeft48();
            }
            return left ? leftFoot : Mirrored(leftFoot, rows);
        }

        /// <summary>
        /// The other foot: each sensel's column mirrored (c to cols - 1 - c), its load kept, the pairs still in index
        /// order (each row's taken from its end).
        /// </summary>
        public static ushort[] Mirrored(ushort[] foot, int cols)
        {
            ushort[] mirrored = new ushort[foot.Length];
            int written = 0;
            int rowStart = 0;
            while (rowStart < foot.Length)
            {
                int rowFirst = foot[rowStart] - foot[rowStart] % cols;
                int rowEnd = rowStart;
                while (rowEnd < foot.Length && foot[rowEnd] - rowFirst < cols)
                {
                    rowEnd += 2;
                }
                for (int k = rowEnd - 2; k >= rowStart; k -= 2)
                {
                    mirrored[written++] = (ushort)(rowFirst + cols - 1 - (foot[k] - rowFirst));
                    mirrored[written++] = foot[k + 1];
                }
                rowStart = rowEnd;
            }
            return mirrored;
        }
    }
}
