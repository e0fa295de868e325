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

        public const int BinMmX10 = 50;

        /// <summary>Each side of the line must carry at least this share of the load, per thousand.</summary>
        public const int MinSidePermille = 80;

        /// <summary>The valley between two feet carries at most this share of the load, per thousand.</summary>
        public const int MaxValleyPermille = 15;

        /// <summary>Each foot runs at least this share of the contact's length along the line, per thousand.</summary>
        public const int MinFootLengthPermille = 650;

        private const int Angles = 13;
        private const int Bands = 3;

        private readonly ContactMap _map;
        // Per angle, the load profiles of the whole contact and of its front and rear halves, on the same bins: the
        // map's stage buffers, of which the first bins entries are used.
        private readonly int[] _wholeProfile;
        private readonly int[] _frontProfile;
        private readonly int[] _rearProfile;
        private readonly int _maxBins;
        private readonly int[] _rowFirstCol;
        private readonly int[] _rowLastCol;
        // Per band and angle (index band x 13 + angle): the best valley found, as FindLine ranks them. Loads in grams
        // fit an int (the whole contact's does); NoValley marks an angle without one.
        private const int NoValley = int.MaxValue;
        private readonly int[] _valley = new int[Bands * Angles];
        private readonly int[] _wholeValley = new int[Bands * Angles];
        private readonly int[] _bandLoad = new int[Bands * Angles];
        private readonly int[] _gap = new int[Bands * Angles];
        private readonly int[] _boundary = new int[Bands * Angles];

        public FootSplitter(ContactMap map)
        {
            _map = map;
            _maxBins = map.BinsAcross(BinMmX10);
            _wholeProfile = map.StageA;
            _frontProfile = map.StageB;
            _rearProfile = map.StageC;
            _rowFirstCol = new int[map.Geometry.Rows];
            _rowLastCol = new int[map.Geometry.Rows];
        }

        /// <summary>Marks every sensel in contact as left or right foot; returns how many feet are on the mat (0-2).</summary>
        public int Split(long totalLoadGrams)
        {
            ContactMap map = _map;
            int count = map.ActiveCount;
            if (count == 0 || totalLoadGrams <= 0)
            {
                return 0;
            }
            ushort[] active = map.Active;
            int[] colX = map.ColXMmX10;
            int[] rowY = map.RowYMmX10;
            int cols = map.Geometry.Cols;
            byte[] marks = map.Marks;
            // Each row's leftmost and rightmost sensel in contact: a line's projection grows with x along a row, so the
            // contact's extent across every line comes from these ends alone.
            int rows = map.Geometry.Rows;
            int[] rowFirst = _rowFirstCol;
            int[] rowLast = _rowLastCol;
            for (int r = 0; r < rows; r++)
            {
                rowFirst[r] = int.MaxValue;
                rowLast[r] = -1;
            }
            int rowMin = int.MaxValue;
            int rowMax = -1;
            for (int k = 0; k < count; k++)
            {
                int index = active[k];
                int row = index / cols;
                int col = index - row * cols;
                if (col < rowFirst[row])
                {
                    rowFirst[row] = col;
                }
                if (col > rowLast[row])
                {
                    rowLast[row] = col;
                }
                if (row < rowMin)
                {
                    rowMin = row;
                }
                if (row > rowMax)
                {
                    rowMax = row;
                }
            }
            int yMid = (rowY[rowMin] + rowY[rowMax]) / 2;
            // Feet that touch (heels together, toes apart; or toes together) leave no empty valley across the whole
            // contact, but one across its front or its rear half: the whole (band 0), the front half (band 1, y up
            // to the middle) and the rear half (band 2, y from the middle) are tried. Of the lines the bands find, the
            // straightest wins: feet stand side by side, and a slanted line with an empty valley can run between one
            // high-arched foot's heel and its forefoot. So when the whole contact gives a straight line, the halves
            // cannot give a better one and are not profiled.
            int bestAngle = -1;
            int bestBoundary = 0;
            for (int round = 0; round < 2 && bestAngle != StraightAngle; round++)
            {
                bool halves = round == 1;
                for (int angle = 0; angle < Angles; angle++)
                {
                    int bins;
                    int origin = Profile(angle, rowMin, rowMax, yMid, halves, out bins);
                    if (halves)
                    {
                        FindValley(1, angle, _frontProfile, bins, origin);
                        FindValley(2, angle, _rearProfile, bins, origin);
                    }
                    else
                    {
                        FindValley(0, angle, _wholeProfile, bins, origin);
                    }
                }
                for (int band = halves ? 1 : 0; band < (halves ? Bands : 1); band++)
                {
                    int angle;
                    int boundary;
                    if (ChooseLine(band, totalLoadGrams, out angle, out boundary)
                        && (bestAngle < 0 || IntMath.Abs(angle - StraightAngle) < IntMath.Abs(bestAngle - StraightAngle)))
                    {
                        bestAngle = angle;
                        bestBoundary = boundary;
                    }
                }
            }
            if (bestAngle >= 0)
            {
                long cos = CosQ14[bestAngle];
                long sin = SinQ14[bestAngle];
                for (int k = 0; k < count; k++)
                {
                    int index = active[k];
                    int row = index / cols;
                    int s = (int)((colX[index - row * cols] * cos + rowY[row] * sin) >> 14);
                    marks[k] |= s < bestBoundary ? (byte)ContactMap.LeftFoot : (byte)ContactMap.RightFoot;
                }
                return 2;
            }

            // One foot: it is the left or right one by which half of the mat it stands on.
            int[] load = map.LoadGrams;
            long momentX = 0;
            for (int k = 0; k < count; k++)
            {
                int index = active[k];
                momentX += (long)load[k] * colX[index % cols];
            }
            long centreX = (long)map.Geometry.WidthUm / 200;
            byte foot = momentX < centreX * totalLoadGrams ? (byte)ContactMap.LeftFoot : (byte)ContactMap.RightFoot;
            for (int k = 0; k < count; k++)
            {
                marks[k] |= foot;
            }
            return 1;
        }

        /// <summary>
        /// The emptiest valley of one band's profile at one angle, with enough load on both sides; among equally empty
        /// ones, the one carrying least of the whole contact's load, then the widest gap. A valley is the load within
        /// two bins either side of a candidate line.
        /// </summary>
        private void FindValley(int band, int angle, int[] profile, int bins, int origin)
        {
            int[] whole = _wholeProfile;
            int slot = band * Angles + angle;
            long bestValley = long.MaxValue;
            long bestWholeValley = long.MaxValue;
            int bestGap = -1;
            int boundary = 0;
            long bandLoad = 0;
            for (int b = 0; b < bins; b++)
            {
                bandLoad += profile[b];
            }
            long minSide = bandLoad * MinSidePermille;
            long left = 0;
            // The window of bins b-2..b+1, slid along with b; the run of empty bins of the whole profile ending at b-1,
            // and the end (exclusive) of the last run of empty bins looked up ahead.
            long valley = (long)profile[0] + (bins > 1 ? profile[1] : 0);
            long wholeValley = (long)whole[0] + (bins > 1 ? whole[1] : 0);
            int emptyBefore = 0;
            int emptyEnd = 0;
            for (int b = 1; b < bins; b++)
            {
                if (b + 1 < bins)
                {
                    valley += profile[b + 1];
                    wholeValley += whole[b + 1];
                }
                if (b - 3 >= 0)
                {
                    valley -= profile[b - 3];
                    wholeValley -= whole[b - 3];
                }
                emptyBefore = whole[b - 1] == 0 ? emptyBefore + 1 : 0;
                left += profile[b - 1];
                if (valley > bestValley || left * 1000 < minSide || (bandLoad - left) * 1000 < minSide)
                {
                    continue;
                }
                // The run of empty bins from b, found once for all the bins of that run: b only moves ahead.
                if (whole[b] == 0 && emptyEnd <= b)
                {
                    emptyEnd = b + 1;
                    while (emptyEnd < bins && whole[emptyEnd] == 0)
                    {
                        emptyEnd++;
                    }
                }
                int gap = emptyBefore + (whole[b] == 0 ? emptyEnd - b : 0);
                if (valley < bestValley
                    || wholeValley < bestWholeValley
                    || (wholeValley == bestWholeValley && gap > bestGap))
                {
                    bestValley = valley;
                    bestWholeValley = wholeValley;
                    bestGap = gap;
                    // Put the line in the middle of an empty gap.
                    boundary = gap > 0 ? origin + (b - emptyBefore) * BinMmX10 + gap * BinMmX10 / 2 : origin + b * BinMmX10;
                }
            }
            _valley[slot] = bestValley == long.MaxValue ? NoValley : (int)bestValley;
            _wholeValley[slot] = bestWholeValley == long.MaxValue ? NoValley : (int)bestWholeValley;
            _gap[slot] = bestGap;
            _boundary[slot] = boundary;
            _bandLoad[slot] = (int)bandLoad;
        }

        /// <summary>
        /// The line parting the feet in one band: of the angles' valleys the emptiest (then least of the whole
        /// contact's load, the widest gap, the straightest), unless it holds too much load; the first whose two sides
        /// both look like a foot.
        /// </summary>
        private bool ChooseLine(int band, long totalLoadGrams, out int lineAngle, out int lineBoundary)
        {
            lineAngle = -1;
            lineBoundary = 0;
            int first = band * Angles;
            for (int tries = 0; tries < Angles; tries++)
            {
                int best = -1;
                for (int angle = 0; angle < Angles; angle++)
                {
                    int slot = first + angle;
                    if (_valley[slot] == NoValley)
                    {
                        continue;
                    }
                    int bestSlot = first + best;
                    bool better = best < 0
                        || _valley[slot] < _valley[bestSlot]
                        || (_valley[slot] == _valley[bestSlot] && _wholeValley[slot] < _wholeValley[bestSlot])
                        || (_valley[slot] == _valley[bestSlot] && _wholeValley[slot] == _wholeValley[bestSlot] && _gap[slot] > _gap[bestSlot])
                        || (_valley[slot] == _valley[bestSlot] && _wholeValley[slot] == _wholeValley[bestSlot] && _gap[slot] == _gap[bestSlot]
                            && IntMath.Abs(angle - StraightAngle) < IntMath.Abs(best - StraightAngle));
                    if (better)
                    {
                        best = angle;
                    }
                }
                if (best < 0 || _valley[first + best] * 1000L > _bandLoad[first + best] * (long)MaxValleyPermille)
                {
                    return false;
                }
                if (BothSidesFootLong(best, _boundary[first + best], totalLoadGrams))
                {
                    lineAngle = best;
                    lineBoundary = _boundary[first + best];
                    return true;
                }
                _valley[first + best] = NoValley;
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
            ushort[] active = map.Active;
            int[] colX = map.ColXMmX10;
            int[] rowY = map.RowYMmX10;
            int[] load = map.LoadGrams;
            int cols = map.Geometry.Cols;
            long cos = CosQ14[angle];
            long sin = SinQ14[angle];
            int count = map.ActiveCount;
            int leftMin = int.MaxValue;
            int leftMax = int.MinValue;
            int rightMin = int.MaxValue;
            int rightMax = int.MinValue;
            long leftLoad = 0;
            for (int k = 0; k < count; k++)
            {
                int index = active[k];
                int row = index / cols;
                long x = colX[index - row * cols];
                long y = rowY[row];
                // Position along the line: the projection on its direction (-sin, cos).
                int along = (int)((-x * sin + y * cos) >> 14);
                if ((int)((x * cos + y * sin) >> 14) < boundary)
                {
                    leftLoad += load[k];
                    if (along < leftMin)
                    {
                        leftMin = along;
                    }
                    if (along > leftMax)
                    {
                        leftMax = along;
                    }
                }
                else
                {
                    if (along < rightMin)
                    {
                        rightMin = along;
                    }
                    if (along > rightMax)
                    {
                        rightMax = along;
                    }
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

        /// <summary>
        /// Fills the load profile across lines at this angle of the whole contact, and with halves those of its front
        /// (y up to yMid) and rear (y from yMid) halves, on the same bins; returns the position of bin 0 (mm x 10). Each sensel's load is spread over the width it spans across the line.
        /// </summary>
        private int Profile(int angle, int rowMin, int rowMax, int yMid, bool halves, out int bins)
        {
            ContactMap map = _map;
            ushort[] active = map.Active;
            int[] colX = map.ColXMmX10;
            int[] rowY = map.RowYMmX10;
            int[] load = map.LoadGrams;
            int cols = map.Geometry.Cols;
            int count = map.ActiveCount;
            long cos = CosQ14[angle];
            long sin = SinQ14[angle];
            int[] rowFirst = _rowFirstCol;
            int[] rowLast = _rowLastCol;
            int min = int.MaxValue;
            int max = int.MinValue;
            for (int row = rowMin; row <= rowMax; row++)
            {
                if (rowLast[row] < 0)
                {
                    continue;
                }
                long rowSin = rowY[row] * sin;
                int first = (int)((colX[rowFirst[row]] * cos + rowSin) >> 14);
                int last = (int)((colX[rowLast[row]] * cos + rowSin) >> 14);
                if (first < min)
                {
                    min = first;
                }
                if (last > max)
                {
                    max = last;
                }
            }
            int half = map.PitchMmX10 / 2;
            int span = 2 * half;
            int origin = min - half - BinMmX10;
            bins = (max + half - origin) / BinMmX10 + 2;
            int[] whole = _wholeProfile;
            int[] front = _frontProfile;
            int[] rear = _rearProfile;
            if (bins > _maxBins)
            {
                bins = _maxBins;
            }
            for (int b = 0; b < bins; b++)
            {
                whole[b] = 0;
            }
            if (halves)
            {
                for (int b = 0; b < bins; b++)
                {
                    front[b] = 0;
                    rear[b] = 0;
                }
            }
            // With halves, a sensel ahead of the middle goes to the front profile, one behind it to the rear, and one on
            // the middle row to both and (for now) to the whole, which is then front + rear - middle row: one addition
            // per bin for nearly every sensel. Active is in the order of the mat here, so rows come one after another.
            int rowEnd = 0;
            int rowStart = 0;
            long ySin = 0;
            int[] target = whole;
            bool middleRow = false;
            for (int k = 0; k < count; k++)
            {
                int index = active[k];
                if (index >= rowEnd)
                {
                    int row = index / cols;
                    rowStart = row * cols;
                    rowEnd = rowStart + cols;
                    int y = rowY[row];
                    ySin = y * sin;
                    middleRow = halves && y == yMid;
                    target = !halves || middleRow ? whole : (y < yMid ? front : rear);
                }
                int s = (int)((colX[index - rowStart] * cos + ySin) >> 14);
                long grams = load[k];
                // The sensel spans [s - half, s + half]: the part of it in its first bin, then whole bins, then the rest.
                int offset = s - half - origin;
                int b = offset / BinMmX10;
                int overlap = BinMmX10 - (offset - b * BinMmX10);
                int remaining = span;
                while (remaining > 0 && b < bins)
                {
                    if (overlap > remaining)
                    {
                        overlap = remaining;
                    }
                    int share = (int)(grams * overlap / span);
                    target[b] += share;
                    if (middleRow)
                    {
                        front[b] += share;
                        rear[b] += share;
                    }
                    remaining -= overlap;
                    overlap = BinMmX10;
                    b++;
                }
            }
            if (halves)
            {
                for (int b = 0; b < bins; b++)
                {
                    whole[b] = front[b] + rear[b] - whole[b];
                }
            }
            return origin;
        }
    }
}
