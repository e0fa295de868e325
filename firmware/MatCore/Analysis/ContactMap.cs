using Kiosk.Mat.Geometry;

namespace Kiosk.Mat.Analysis
{
    /// <summary>
    /// The working picture of one analysed frame: the loads (dead sensels filled in), which sensels are in
    /// contact, their islands (8-connected groups), how much of each sensel the foot covers, and which foot
    /// each belongs to. Every buffer is allocated once, sized from the mat.
    /// </summary>
    public sealed class ContactMap
    {
        public const int NoFoot = 0;
        public const int LeftFoot = 1;
        public const int RightFoot = 2;

        /// <summary>Coverage is Q8: 256 = the whole sensel is under the foot.</summary>
        public const int FullCoverageQ8 = 256;

        public readonly MatGeometry Geometry;
        public readonly int[] LoadGrams;

        /// <summary>
        /// Indices of the sensels in contact, ActiveCount of them, in the order of the mat; once the feet are told
        /// apart, the left foot's first (up to LeftEnd), then the right foot's, each still in the order of the mat.
        /// </summary>
        public readonly ushort[] Active;
        public int ActiveCount;
        public int LeftEnd;

        /// <summary>Work space of one step at a time (a flood fill's stack, a queue, a partition).</summary>
        public readonly int[] Scratch;

        /// <summary>
        /// Island number per sensel (0 = not in contact), islands numbered from 1; <see cref="Unlabelled"/> marks a
        /// sensel in contact before the islands are found.
        /// </summary>
        public readonly byte[] Island;
        public const byte Unlabelled = 255;

        /// <summary>How much of each sensel in contact the foot covers, Q8 (1-256).</summary>
        public readonly ushort[] CoverageQ8;

        /// <summary><see cref="LeftFoot"/>, <see cref="RightFoot"/> or <see cref="NoFoot"/> per sensel.</summary>
        public readonly byte[] Foot;

        /// <summary>1 where the sensel is part of the toes (left out of the arch index).</summary>
        public readonly byte[] Toe;

        /// <summary>Sensel centres in mm x 10 from the mat's left and front edges, per column and per row.</summary>
        public readonly int[] ColXMmX10;
        public readonly int[] RowYMmX10;

        public readonly int PitchMmX10;
        public readonly int SenselAreaMm2X100;

        public ContactMap(MatGeometry geometry)
        {
            Geometry = geometry;
            int n = geometry.SenselCount;
            LoadGrams = new int[n];
            // Sensel indices fit 16 bits: a mat has at most MatGeometry.MaxSide squared sensels.
            Active = new ushort[n];
            Scratch = new int[n];
            Island = new byte[n];
            CoverageQ8 = new ushort[n];
            Foot = new byte[n];
            Toe = new byte[n];
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
            int[] right = Scratch;
            byte[] foot = Foot;
            int count = ActiveCount;
            int left = 0;
            int rights = 0;
            for (int k = 0; k < count; k++)
            {
                int index = active[k];
                if (foot[index] == LeftFoot)
                {
                    active[left++] = (ushort)index;
                }
                else
                {
                    right[rights++] = index;
                }
            }
            for (int k = 0; k < rights; k++)
            {
                active[left + k] = (ushort)right[k];
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
