using Kiosk.Mat.Arithmetic;

namespace Kiosk.Mat.Analysis
{
    /// <summary>
    /// Steadiness during the scan, not posturography: the area of the 95% prediction ellipse of the centre of
    /// pressure over the still window (Schubert and Kirchner 2014, who recommend the prediction ellipse and, for few
    /// samples, the F distribution instead of the chi-square one): the region a further centre of pressure falls in
    /// with 95% probability, area = pi x sqrt(det S) x 2(n+1)(n-1)/(n(n-2)) x F(0.95; 2, n-2), S the covariance
    /// (n - 1 denominators) of the n frames. A 3 s window holds 30 frames at 10 Hz, where the F factor is still 20%
    /// above the chi-square's 5.991.
    /// </summary>
    public static class SwayEllipse
    {
        /// <summary>
        /// 2(n+1)(n-1)/(n(n-2)) x F(0.95; 2, n-2) x 1000 for n = 3..63 (F(0.95; 2, m) = m/2 x (20^(2/m) - 1), exactly).
        /// From 64 frames on, 5991.5 + 31000 / n is within 0.25% of it.
        /// </summary>
        private static readonly int[] FactorX1000 =
        {
            1064000, 71250, 30567, 20254, 15871, 13501, 12032, 11036, 10319, 9778, 9357, 9019, 8743, 8513, 8318, 8151,
            8006, 7879, 7768, 7668, 7580, 7500, 7428, 7362, 7302, 7247, 7197, 7150, 7107, 7067, 7030, 6995,
            6962, 6932, 6903, 6876, 6851, 6827, 6804, 6783, 6762, 6743, 6725, 6707, 6690, 6674, 6659, 6645,
            6631, 6617, 6605, 6592, 6580, 6569, 6558, 6548, 6537, 6528, 6518, 6509, 6500,
        };

        /// <summary>Fewer frames than this have no prediction ellipse (area 0).</summary>
        public const int MinFrames = 3;

        /// <summary>The factor for <paramref name="frames"/> frames, x 1000.</summary>
        public static int FactorForX1000(int frames)
        {
            if (frames < MinFrames)
            {
                return 0;
            }
            return frames - MinFrames < FactorX1000.Length ? FactorX1000[frames - MinFrames] : 5992 + 31000 / frames;
        }

        /// <summary>
        /// The area in mm2 from the sums over the window of the centre of pressure (mm x 10): n, sum x, sum y,
        /// sum x^2, sum y^2, sum xy. 0 with fewer than three frames or a centre that moved along a line.
        /// </summary>
        public static int PredictionAreaMm2(int frames, long sumX, long sumY, long sumXX, long sumYY, long sumXY)
        {
            int factor = FactorForX1000(frames);
            if (factor == 0)
            {
                return 0;
            }
            // Covariances with n - 1, (mm x 10)^2.
            long sxx = (sumXX - sumX * sumX / frames) / (frames - 1);
            long syy = (sumYY - sumY * sumY / frames) / (frames - 1);
            long sxy = (sumXY - sumX * sumY / frames) / (frames - 1);
            long determinant = sxx * syy - sxy * sxy;
            if (determinant <= 0)
            {
                return 0;
            }
            // sqrt(det) is in (mm x 10)^2 = mm2 x 100; pi = 31416 / 10000.
            return (int)(IntMath.Isqrt(determinant) * factor / 1000 * 31416 / 1000000);
        }
    }
}
