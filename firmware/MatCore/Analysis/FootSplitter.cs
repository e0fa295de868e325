using Kiosk.Mat.Arithmetic;

namespace Kiosk.Mat.Analysis
{
    /// <summary>
    /// Tells the left foot from the right. The contact is projected across a family of lines turned -30..+30
    /// degrees from straight ahead; the line through the emptiest valley of that profile, with enough load on both
    /// sides, separates the feet. Working on the projection rather than on islands keeps each foot's toe islands
    /// with their foot (they lie on its side of the line even when the foot turns out 20 degrees), and still splits
    /// feet that touch. When no valley is empty enough, only one foot is on the mat.
    /// </summary>
    public sealed class FootSplitter
    {
        // Lines every 5 degrees from -30 to +30; cos and sin in Q14.
        private static readonly int[] CosQ14 = { 14189, 14849, 15396, 15826, 16135, 16322, 16384, 16322, 16135, 15826, 15396, 14849, 14189 };
        private static readonly int[] SinQ14 = { -8192, -6924, -5604, -4240, -2845, -1428, 0, 1428, 2845, 4240, 5604, 6924, 8192 };
        private const int StraightAngle = 6;

        private const int BinMmX10 = 50;
        private const int WindowBins = 2;

        /// <summary>Each side of the line must carry at least this share of the load, per thousand.</summary>
        public const int MinSidePermille = 80;

        /// <summary>The valley between two feet carries at most this share of the load, per thousand.</summary>
        public const int MaxValleyPermille = 15;

        /// <summary>Each foot runs at least this share of the contact's length along the line, per thousand.</summary>
        public const int MinFootLengthPermille = 500;

        private readonly ContactMap _map;
        private readonly long[] _profile;
        private readonly long[] _valley = new long[13];
        private readonly int[] _gap = new int[13];
        private readonly int[] _boundary = new int[13];

        public FootSplitter(ContactMap map)
        {
            _map = map;
            long widthMmX10 = (long)map.Geometry.WidthUm / 100;
            long depthMmX10 = (long)map.Geometry.DepthUm / 100;
            long diagonal = IntMath.Isqrt(widthMmX10 * widthMmX10 + depthMmX10 * depthMmX10);
            _profile = new long[(int)(diagonal / BinMmX10) + 2 * map.PitchMmX10 / BinMmX10 + 8];
        }

        /// <summary>Marks every sensel in contact as left or right foot; returns how many feet are on the mat (0-2).</summary>
        public int Split(long totalLoadGrams)
        {
            ContactMap map = _map;
            if (map.ActiveCount == 0 || totalLoadGrams <= 0)
            {
                return 0;
            }
            // The best line at each angle: the emptiest valley, then the widest empty gap.
            for (int angle = 0; angle < CosQ14.Length; angle++)
            {
                _valley[angle] = long.MaxValue;
                _gap[angle] = -1;
                int origin = Profile(angle, out int bins);
                long left = 0;
                for (int b = 1; b < bins; b++)
                {
                    left += _profile[b - 1];
                    if (left * 1000 < totalLoadGrams * MinSidePermille || (totalLoadGrams - left) * 1000 < totalLoadGrams * MinSidePermille)
                    {
                        continue;
                    }
                    long valley = 0;
                    for (int w = b - WindowBins; w < b + WindowBins; w++)
                    {
                        if (w >= 0 && w < bins)
                        {
                            valley += _profile[w];
                        }
                    }
                    int zerosLeft = 0;
                    while (b - 1 - zerosLeft >= 0 && _profile[b - 1 - zerosLeft] == 0)
                    {
                        zerosLeft++;
                    }
                    int zerosRight = 0;
                    while (b + zerosRight < bins && _profile[b + zerosRight] == 0)
                    {
                        zerosRight++;
                    }
                    int gap = zerosLeft + zerosRight;
                    if (valley < _valley[angle] || (valley == _valley[angle] && gap > _gap[angle]))
                    {
                        _valley[angle] = valley;
                        _gap[angle] = gap;
                        // Put the line in the middle of an empty gap.
                        _boundary[angle] = origin + (b - zerosLeft) * BinMmX10 + gap * BinMmX10 / 2;
                    }
                }
            }

            // Try the lines from the best; the first whose two sides both look like a foot splits the feet.
            for (int tries = 0; tries < CosQ14.Length; tries++)
            {
                int best = -1;
                for (int angle = 0; angle < CosQ14.Length; angle++)
                {
                    if (_valley[angle] == long.MaxValue)
                    {
                        continue;
                    }
                    bool better = best < 0
                        || _valley[angle] < _valley[best]
                        || (_valley[angle] == _valley[best] && _gap[angle] > _gap[best])
                        || (_valley[angle] == _valley[best] && _gap[angle] == _gap[best] && IntMath.Abs(angle - StraightAngle) < IntMath.Abs(best - StraightAngle));
                    if (better)
                    {
                        best = angle;
                    }
                }
                if (best < 0 || _valley[best] * 1000 > totalLoadGrams * MaxValleyPermille)
                {
                    break;
                }
                if (BothSidesFootLong(best, _boundary[best]))
                {
                    for (int k = 0; k < map.ActiveCount; k++)
                    {
                        int index = map.Active[k];
                        map.Foot[index] = Project(index, best) < _boundary[best] ? (byte)ContactMap.LeftFoot : (byte)ContactMap.RightFoot;
                    }
                    return 2;
                }
                _valley[best] = long.MaxValue;
            }

            // One foot: it is the left or right one by which half of the mat it stands on.
            long momentX = 0;
            for (int k = 0; k < map.ActiveCount; k++)
            {
                int index = map.Active[k];
                momentX += (long)map.LoadGrams[index] * map.XMmX10(index);
            }
            long centreX = (long)map.Geometry.WidthUm / 200;
            byte foot = momentX < centreX * totalLoadGrams ? (byte)ContactMap.LeftFoot : (byte)ContactMap.RightFoot;
            for (int k = 0; k < map.ActiveCount; k++)
            {
                map.Foot[map.Active[k]] = foot;
            }
            return 1;
        }

        /// <summary>
        /// Whether both sides of the line run at least half the contact's length along it. A single foot whose
        /// midfoot is broken (a high arch, or a walking print) has an empty valley too, between heel and forefoot,
        /// but one side of that line is only a heel.
        /// </summary>
        private bool BothSidesFootLong(int angle, int boundary)
        {
            ContactMap map = _map;
            int leftMin = int.MaxValue;
            int leftMax = int.MinValue;
            int rightMin = int.MaxValue;
            int rightMax = int.MinValue;
            for (int k = 0; k < map.ActiveCount; k++)
            {
                int index = map.Active[k];
                // Position along the line: the projection on its direction (-sin, cos).
                int along = (int)((-(long)map.XMmX10(index) * SinQ14[angle] + (long)map.YMmX10(index) * CosQ14[angle]) >> 14);
                if (Project(index, angle) < boundary)
                {
                    leftMin = IntMath.Min(leftMin, along);
                    leftMax = IntMath.Max(leftMax, along);
                }
                else
                {
                    rightMin = IntMath.Min(rightMin, along);
                    rightMax = IntMath.Max(rightMax, along);
                }
            }
            if (leftMin > leftMax || rightMin > rightMax)
            {
                return false;
            }
            long overall = IntMath.Max(leftMax, rightMax) - IntMath.Min(leftMin, rightMin);
            return (leftMax - leftMin) * 1000L >= overall * MinFootLengthPermille && (rightMax - rightMin) * 1000L >= overall * MinFootLengthPermille;
        }

        private int Project(int index, int angle)
        {
            return (int)(((long)_map.XMmX10(index) * CosQ14[angle] + (long)_map.YMmX10(index) * SinQ14[angle]) >> 14);
        }

        /// <summary>Fills the load profile across lines at this angle; returns the position of bin 0 (mm x 10).</summary>
        private int Profile(int angle, out int bins)
        {
            ContactMap map = _map;
            int min = int.MaxValue;
            int max = int.MinValue;
            for (int k = 0; k < map.ActiveCount; k++)
            {
                int s = Project(map.Active[k], angle);
                if (s < min)
                {
                    min = s;
                }
                if (s > max)
                {
                    max = s;
                }
            }
            int half = map.PitchMmX10 / 2;
            int origin = min - half - BinMmX10;
            bins = (max + half - origin) / BinMmX10 + 2;
            if (bins > _profile.Length)
            {
                bins = _profile.Length;
            }
            for (int b = 0; b < bins; b++)
            {
                _profile[b] = 0;
            }
            // Spread each sensel's load over the width it spans across the line.
            for (int k = 0; k < map.ActiveCount; k++)
            {
                int index = map.Active[k];
                int s = Project(index, angle);
                int low = s - half;
                int high = s + half;
                int load = map.LoadGrams[index];
                for (int b = (low - origin) / BinMmX10; b <= (high - origin) / BinMmX10 && b < bins; b++)
                {
                    int binLow = origin + b * BinMmX10;
                    int overlap = IntMath.Overlap(low, high, binLow, binLow + BinMmX10);
                    if (overlap > 0)
                    {
                        _profile[b] += (long)load * overlap / (high - low);
                    }
                }
            }
            return origin;
        }
    }
}
