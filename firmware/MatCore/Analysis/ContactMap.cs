using Kiosk.Mat.Arithmetic;
using Kiosk.Mat.Geometry;

namespace Kiosk.Mat.Analysis
{
    /// <summary>
    /// The working picture of one analysed frame: which sensels are in contact (a list of their indices), the marks
    /// of each sensel (in contact, its foot, toe, core), and how much of
    /// each sensel the foot covers. The loads are the caller's frame, read in place (only a dead sensel's reading is
    /// filled in): the map keeps no copy. Every buffer is allocated once, sized from the mat, in bytes and 16-bit
    /// words: at 48 x 48 about 16 KB.
    /// </summary>
    public sealed class ContactMap
    {
        public const int NoFoot = 0;
        public const int LeftFoot = 1;
        public const int RightFoot = 2;

        /// <summary>Coverage is Q8: 256 = the whole sensel is under the foot.</summary>
        public const int FullCoverageQ8 = 256;

        /// <summary>Before islands are found: a sensel in contact whose island is not known yet.</summary>
        public const byte Unlabelled = 255;

        /// <summary>Once islands are found, a mark is these flags: the foot (<see cref="FootMask"/>) and the rest.</summary>
        public const int FootMask = 3;
        public const byte InContact = 4;

        /// <summary>Part of the toes (left out of the arch index).</summary>
        public const byte Toe = 8;

        /// <summary>At least half covered (<see cref="CoreCoverageQ8"/>): the contact's core, where toes part from the ball.</summary>
        public const byte Core = 16;

        /// <summary>At least three quarters covered (<see cref="StrictCoreCoverageQ8"/>): a stricter core.</summary>
        public const byte StrictCore = 32;

        public const int CoreCoverageQ8 = 128;
        public const int StrictCoreCoverageQ8 = 192;

        public readonly MatGeometry Geometry;

        /// <summary>The frame being analysed, grams per sensel: the caller's array (<see cref="FootAnalyzer.Analyze"/>).</summary>
        public int[] LoadGrams;

        /// <summary>
        /// Indices of the sensels in contact, ActiveCount of them, in the order of the mat; once the feet are told
        /// apart, the left foot's first (up to LeftEnd), then the right foot's, each still in the order of the mat.
        /// </summary>
        public readonly ushort[] Active;
        public int ActiveCount;
        public int LeftEnd;

        /// <summary>Work space of one step at a time (a flood fill's stack, a queue, a partition, a distance map).</summary>
        public readonly ushort[] Scratch;

        /// <summary>Per sensel: 0 when not in contact, else the flags above (<see cref="Unlabelled"/> before islands are found).</summary>
        public readonly byte[] Marks;

        /// <summary>
        /// How much of each sensel in contact the foot covers, Q8 less one (0-255 for 1-256), so it fits a byte: read
        /// it as <c>Coverage[index] + 1</c>.
        /// </summary>
        public readonly byte[] Coverage;

        /// <summary>
        /// Work space of the stages that never run at once, shared so the analysis holds one set: the foot splitter's
        /// load profiles (whole, front, rear; and D its runs of empty bins), then the foot measurer's core islands (A, B,
        /// C: along-axis extents and area) and its width profile (A). Each at least as long as its longest use.
        /// </summary>
        public readonly int[] StageA;
        public readonly int[] StageB;
        public readonly int[] StageC;
        public readonly int[] StageD;

        /// <summary>Sensel centres in mm x 10 from the mat's left and front edges, per column and per row.</summary>
        public readonly int[] ColXMmX10;
        public readonly int[] RowYMmX10;

        public readonly int PitchMmX10;
        public readonly int SenselAreaMm2X100;

        public ContactMap(MatGeometry geometry)
        {
            Geometry = geometry;
            int n = geometry.SenselCount;
            // Sensel indices fit 16 bits: a mat has at most MatGeometry.MaxSide squared sensels.
            Active = new ushort[n];
            Scratch = new ushort[n];
            Marks = new byte[n];
            Coverage = new byte[n];
            ColXMmX10 = new int[geometry.Cols];
            RowYMmX10 = new int[geometry.Rows];
            for (int c = 0; c < geometry.Cols; c++)
            {
                ColXMmX10[c] = (geometry.ColCentreUm(c) + 50) / 100;
            }
            for (int r = 0; r < geometry.Rows; r++)
            {
                RowYMmX10[r] = (geometry.RowCentreUm(r) + 50) / 100;
            }
            PitchMmX10 = (geometry.PitchUm + 50) / 100;
            SenselAreaMm2X100 = geometry.SenselAreaMm2X100;
            int loadBins = BinsAcross(FootSplitter.BinMmX10);
            int islands = FootMeasurer.MaxCoreIslands + 1;
            int shared = IntMath.Max(loadBins, islands);
            StageA = new int[IntMath.Max(shared, BinsAcross(FootMeasurer.ProfileBinMmX10))];
            StageB = new int[shared];
            StageC = new int[shared];
            StageD = new int[loadBins + 1];
        }

        /// <summary>
        /// How many bins of this width (mm x 10) a profile across the contact needs at most: the mat's diagonal, a
        /// sensel's width either end, and a margin.
        /// </summary>
        public int BinsAcross(int binMmX10)
        {
            long widthMmX10 = (long)Geometry.WidthUm / 100;
            long depthMmX10 = (long)Geometry.DepthUm / 100;
            return (int)(IntMath.Isqrt(widthMmX10 * widthMmX10 + depthMmX10 * depthMmX10) / binMmX10) + 2 * PitchMmX10 / binMmX10 + 8;
        }

        /// <summary><see cref="LeftFoot"/>, <see cref="RightFoot"/> or <see cref="NoFoot"/>: the foot a sensel belongs to.</summary>
        public int FootOf(int index)
        {
            return Marks[index] & FootMask;
        }

        /// <summary>How much of a sensel in contact the foot covers, Q8 (1-256).</summary>
        public int CoverageQ8(int index)
        {
            return Coverage[index] + 1;
        }

        /// <summary>Where a foot's sensels start in <see cref="Active"/>.</summary>
        public int FootStart(int foot)
        {
            return foot == LeftFoot ? 0 : LeftEnd;
        }

        /// <summary>Where a foot's sensels end in <see cref="Active"/> (exclusive).</summary>
        public int FootEnd(int foot)
        {
            return foot == LeftFoot ? LeftEnd : ActiveCount;
        }

        /// <summary>
        /// Puts the left foot's sensels before the right foot's in <see cref="Active"/>, each in the order of the mat,
        /// so a foot's passes run over its own sensels only.
        /// </summary>
        public void GroupByFoot()
        {
            ushort[] active = Active;
            ushort[] right = Scratch;
            byte[] marks = Marks;
            int count = ActiveCount;
            int left = 0;
            int rights = 0;
            for (int k = 0; k < count; k++)
            {
                ushort index = active[k];
                if ((marks[index] & FootMask) == LeftFoot)
                {
                    active[left++] = index;
                }
                else
                {
                    right[rights++] = index;
                }
            }
            for (int k = 0; k < rights; k++)
            {
                active[left + k] = right[k];
            }
            LeftEnd = left;
        }

        public int XMmX10(int index)
        {
            return ColXMmX10[index % Geometry.Cols];
        }

        public int YMmX10(int index)
        {
            return RowYMmX10[index / Geometry.Cols];
        }

        /// <summary>Load in grams that a pressure in Pa puts on one sensel.</summary>
        public int GramsAtPressurePa(int pascals)
        {
            // grams = Pa x area(m2) / g; area(m2) = areaMm2X100 / 1e8; g = 9.80665 m/s2.
            return (int)((long)pascals * SenselAreaMm2X100 * 1000 / 980665 / 1000);
        }

        /// <summary>Pressure on a sensel carrying this load, kPa.</summary>
        public int KpaOfLoad(int grams)
        {
            // kPa = grams x 9.80665e-3 N / (area mm2 x 1e-6 m2) / 1000.
            return (int)((long)grams * 980665 / ((long)SenselAreaMm2X100 * 1000));
        }
    }
}
