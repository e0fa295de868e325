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
        public const int MinFootLengthPermille = 650;

        private readonly ContactMap _map;
        private readonly long[] _profile;
        private readonly long[] _wholeProfile;
        private readonly long[] _valley = new long[13];
        private readonly long[] _wholeValley = new long[13];
        private readonly long[] _bandLoad = new long[13];
        private readonly int[] _gap = new int[13];
        private readonly int[] _boundary = new int[13];

        public FootSplitter(ContactMap map)
        {
            _map = map;
            long widthMmX10 = (long)map.Geometry.WidthUm / 100;
            long depthMmX10 = (long)map.Geometry.DepthUm / 100;
            long diagonal = IntMath.Isqrt(widthMmX10 * widthMmX10 + depthMmX10 * depthMmX10);
            _profile = new long[(int)(diagonal / BinMmX10) + 2 * map.PitchMmX10 / BinMmX10 + 8];
            _wholeProfile = new long[_profile.Length];
        }

        /// <summary>Marks every sensel in contact as left or right foot; returns how many feet are on the mat (0-2).</summary>
        public int Split(long totalLoadGrams)
        {
            ContactMap map = _map;
            if (map.ActiveCount == 0 || totalLoadGrams <= 0)
            {
                return 0;
            }
            // Feet that touch (heels together, toes apart; or toes together) leave no empty valley across the whole
            // contact, but one across its front or its rear half: try the whole, then each half.
            int yMin = int.MaxValue;
            int yMax = int.MinValue;
            for (int k = 0; k < map.ActiveCount; k++)
            {
                int y = map.YMmX10(map.Active[k]);
                yMin = IntMath.Min(yMin, y);
                yMax = IntMath.Max(yMax, y);
            }
            int yMid = (yMin + yMax) / 2;
            // Of the lines the three bands find, the straightest wins: feet stand side by side, and a slanted line
            // with an empty valley can run between one high-arched foot's heel and its forefoot.
            int bestAngle = -1;
            int bestBoundary = 0;
            for (int band = 0; band < 3; band++)
            {
                int yLow = band == 2 ? yMid : int.MinValue;
                int yHigh = band == 1 ? yMid : int.MaxValue;
                if (FindLine(totalLoadGrams, yLow, yHigh, out int angle, out int boundary)
                    && (bestAngle < 0 || IntMath.Abs(angle - StraightAngle) < IntMath.Abs(bestAngle - StraightAngle)))
                {
                    bestAngle = angle;
                    bestBoundary = boundary;
                }
            }
            if (bestAngle >= 0)
            {
                for (int k = 0; k < map.ActiveCount; k++)
                {
                    int index = map.Active[k];
                    map.Foot[index] = Project(index, bestAngle) < bestBoundary ? (byte)ContactMap.LeftFoot : (byte)ContactMap.RightFoot;
                }
                return 2;
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
        /// Looks for the line parting the feet using the contact within a band of rows (y from yLow to yHigh): the
        /// emptiest valley of the band's profile; among equally empty ones, the one carrying least of the whole
        /// contact's load, then the widest gap. The first line whose two sides both look like a foot is the band's.
        /// </summary>
        private bool FindLine(long totalLoadGrams, int yLow, int yHigh, out int lineAngle, out int lineBoundary)
        {
            lineAngle = -1;
            lineBoundary = 0;
            for (int angle = 0; angle < CosQ14.Length; angle++)
            {
                _valley[angle] = long.MaxValue;
                _wholeValley[angle] = long.MaxValue;
                _gap[angle] = -1;
                int origin = Profile(angle, yLow, yHigh, out int bins);
                long bandLoad = 0;
                for (int b = 0; b < bins; b++)
                {
                    bandLoad += _profile[b];
                }
                _bandLoad[angle] = bandLoad;
                long left = 0;
                for (int b = 1; b < bins; b++)
                {
                    left += _profile[b - 1];
                    if (left * 1000 < bandLoad * MinSidePermille || (bandLoad - left) * 1000 < bandLoad * MinSidePermille)
                    {
                        continue;
                    }
                    long valley = 0;
                    long wholeValley = 0;
                    for (int w = b - WindowBins; w < b + WindowBins; w++)
                    {
                        if (w >= 0 && w < bins)
                        {
                            valley += _profile[w];
                            wholeValley += _wholeProfile[w];
                        }
                    }
                    int zerosLeft = 0;
                    while (b - 1 - zerosLeft >= 0 && _wholeProfile[b - 1 - zerosLeft] == 0)
                    {
                        zerosLeft++;
                    }
                    int zerosRight = 0;
                    while (b + zerosRight < bins && _wholeProfile[b + zerosRight] == 0)
                    {
                        zerosRight++;
                    }
                    int gap = zerosLeft + zerosRight;
                    bool better = valley < _valley[angle]
                        || (valley == _valley[angle] && wholeValley < _wholeValley[angle])
                        || (valley == _valley[angle] && wholeValley == _wholeValley[angle] && gap > _gap[angle]);
                    if (better)
                    {
                        _valley[angle] = valley;
                        _wholeValley[angle] = wholeValley;
                        _gap[angle] = gap;
                        // Put the line in the middle of an empty gap.
                        _boundary[angle] = gap > 0 ? origin + (b - zerosLeft) * BinMmX10 + gap * BinMmX10 / 2 : origin + b * BinMmX10;
                    }
                }
            }

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
                        || (_valley[angle] == _valley[best] && _wholeValley[angle] < _wholeValley[best])
                        || (_valley[angle] == _valley[best] && _wholeValley[angle] == _wholeValley[best] && _gap[angle] > _gap[best])
                        || (_valley[angle] == _valley[best] && _wholeValley[angle] == _wholeValley[best] && _gap[angle] == _gap[best]
                            && IntMath.Abs(angle - StraightAngle) < IntMath.Abs(best - StraightAngle));
                    if (better)
                    {
                        best = angle;
                    }
                }
                if (best < 0 || _valley[best] * 1000 > _bandLoad[best] * MaxValleyPermille)
                {
                    return false;
                }
                if (BothSidesFootLong(best, _boundary[best], totalLoadGrams))
                {
                    lineAngle = best;
                    lineBoundary = _boundary[best];
                    return true;
                }
                _valley[best] = long.MaxValue;
            }
            return false;
        }

        /// <summary>
        /// Whether both sides of the line run at least 65% of the contact's length along it, and carry enough load. A single foot whose
        /// midfoot is broken (a high arch, or a walking print) has an empty valley too, between heel and forefoot,
        /// but one side of that line is only a heel.
        /// </summary>
        private bool BothSidesFootLong(int angle, int boundary, long totalLoadGrams)
        {
            ContactMap map = _map;
            int leftMin = int.MaxValue;
            int leftMax = int.MinValue;
            int rightMin = int.MaxValue;
            int rightMax = int.MinValue;
            long leftLoad = 0;
            for (int k = 0; k < map.ActiveCount; k++)
            {
                int index = map.Active[k];
                // Position along the line: the projection on its direction (-sin, cos).
                int along = (int)((-(long)map.XMmX10(index) * SinQ14[angle] + (long)map.YMmX10(index) * CosQ14[angle]) >> 14);
                if (Project(index, angle) < boundary)
                {
                    leftLoad += map.LoadGrams[index];
                    leftMin = IntMath.Min(leftMin, along);
                    leftMax = IntMath.Max(leftMax, along);
                }
                else
                {
                    rightMin = IntMath.Min(rightMin, along);
                    rightMax = IntMath.Max(rightMax, along);
                }
            }
            if (leftMin > leftMax || rightMin > rightMax
                || leftLoad * 1000 < totalLoadGrams * MinSidePermille || (totalLoadGrams - leftLoad) * 1000 < totalLoadGrams * MinSidePermille)
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

        /// <summary>
        /// Fills the load profile across lines at this angle, of the whole contact and of the band of rows from yLow
        /// to yHigh, on the same bins; returns the position of bin 0 (mm x 10).
        /// </summary>
        private int Profile(int angle, int yLow, int yHigh, out int bins)
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
                _wholeProfile[b] = 0;
            }
            // Spread each sensel's load over the width it spans across the line.
            for (int k = 0; k < map.ActiveCount; k++)
            {
                int index = map.Active[k];
                int s = Project(index, angle);
                int y = map.YMmX10(index);
                bool inBand = y >= yLow && y <= yHigh;
                int low = s - half;
                int high = s + half;
                int load = map.LoadGrams[index];
                for (int b = (low - origin) / BinMmX10; b <= (high - origin) / BinMmX10 && b < bins; b++)
                {
                    int binLow = origin + b * BinMmX10;
                    int overlap = IntMath.Overlap(low, high, binLow, binLow + BinMmX10);
                    if (overlap > 0)
                    {
                        long share = (long)load * overlap / (high - low);
                        _wholeProfile[b] += share;
                        if (inBand)
                        {
                            _profile[b] += share;
                        }
                    }
                }
            }
            return origin;
        }
    }
}
