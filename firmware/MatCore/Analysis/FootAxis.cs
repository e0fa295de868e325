using Kiosk.Mat.Arithmetic;

namespace Kiosk.Mat.Analysis
{
    /// <summary>
    /// The long axis of a footprint from its second moments of area (each sensel weighted by how much of it the
    /// foot covers): the centroid and a unit vector in Q14 pointing toward the toes (the mat's front, -y).
    /// Integer arithmetic only: the major eigenvector of the 2x2 covariance needs one integer square root.
    /// </summary>
    public sealed class FootAxis
    {
        public int CentreXMmX10;
        public int CentreYMmX10;

        /// <summary>Unit vector toward the toes, Q14.</summary>
        public int ForwardXQ14;
        public int ForwardYQ14 = -IntMath.OneQ14;

        public long AreaQ8;

        /// <summary>
        /// Fits the axis to one foot's sensels (places from..to of map's list, grouped by foot), with or without its toes. Returns false when
        /// the foot has no contact.
        /// </summary>
        public bool Fit(ContactMap map, int from, int to, bool withToes)
        {
            ushort[] active = map.Active;
            byte[] coverage = map.Coverage;
            byte[] marks = map.Marks;
            int[] colX = map.ColXMmX10;
            int[] rowY = map.RowYMmX10;
            int cols = map.Geometry.Cols;
            // One pass: the weighted sums of x, y and their products; the second moments about the centroid follow
            // exactly in integers, sum w (x - cx)^2 = sum w x^2 - 2 cx sum w x + cx^2 sum w.
            long weight = 0;
            long sumX = 0;
            long sumY = 0;
            long sumXX = 0;
            long sumYY = 0;
            long sumXY = 0;
            for (int k = from; k < to; k++)
            {
                if (!withToes && (marks[k] & ContactMap.Toe) != 0)
                {
                    continue;
                }
                int index = active[k];
                long w = coverage[k] + 1;
                int row = index / cols;
                long x = colX[index - row * cols];
                long y = rowY[row];
                long wx = w * x;
                long wy = w * y;
                weight += w;
                sumX += wx;
                sumY += wy;
                sumXX += wx * x;
                sumYY += wy * y;
                sumXY += wx * y;
            }
            AreaQ8 = weight;
            if (weight == 0)
            {
                return false;
            }
            int centreX = (int)IntMath.DivRound(sumX, weight);
            int centreY = (int)IntMath.DivRound(sumY, weight);
            CentreXMmX10 = centreX;
            CentreYMmX10 = centreY;
            long sxx = sumXX - 2 * centreX * sumX + (long)centreX * centreX * weight;
            long syy = sumYY - 2 * centreY * sumY + (long)centreY * centreY * weight;
            long sxy = sumXY - centreX * sumY - centreY * sumX + (long)centreX * centreY * weight;
            // Covariances in (mm x 10)^2: small enough to square without overflow.
            long a = sxx / weight;
            long c = syy / weight;
            long b = sxy / weight;
            long half = (a - c) / 2;
            long root = IntMath.Isqrt(half * half + b * b);
            long lambda = (a + c) / 2 + root;
            // Two forms of the major eigenvector; take the better conditioned one.
            long vx1 = b;
            long vy1 = lambda - a;
            long vx2 = lambda - c;
            long vy2 = b;
            long vx;
            long vy;
            if (vx1 * vx1 + vy1 * vy1 >= vx2 * vx2 + vy2 * vy2)
            {
                vx = vx1;
                vy = vy1;
            }
            else
            {
                vx = vx2;
                vy = vy2;
            }
            long norm = IntMath.Isqrt(vx * vx + vy * vy);
            if (norm == 0)
            {
                // A round blob has no axis: take straight ahead.
                ForwardXQ14 = 0;
                ForwardYQ14 = -IntMath.OneQ14;
                return true;
            }
            ForwardXQ14 = (int)(vx * IntMath.OneQ14 / norm);
            ForwardYQ14 = (int)(vy * IntMath.OneQ14 / norm);
            if (ForwardYQ14 > 0)
            {
                ForwardXQ14 = -ForwardXQ14;
                ForwardYQ14 = -ForwardYQ14;
            }
            return true;
        }

        /// <summary>Distance of a sensel along the axis from the centroid, toward the toes positive, mm x 10.</summary>
        public int Along(ContactMap map, int index)
        {
            long dx = map.XMmX10(index) - CentreXMmX10;
            long dy = map.YMmX10(index) - CentreYMmX10;
            return (int)((dx * ForwardXQ14 + dy * ForwardYQ14) >> 14);
        }
    }
}
