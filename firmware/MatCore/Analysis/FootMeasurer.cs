using Kiosk.Mat.Arithmetic;

namespace Kiosk.Mat.Analysis
{
    /// <summary>
    /// Measures one foot: finds its toes, fits its axis to the toeless footprint, and from that the arch index
    /// (Cavanagh and Rodgers 1987: the toeless footprint in equal thirds along the foot axis, midfoot third's area
    /// over the whole), the modified arch index (Chu et al. 1995: the same with load), the rearfoot/midfoot/forefoot
    /// load shares by those thirds, the medial/lateral split at the axis, length, width, contact area, peak
    /// pressure and centre of pressure.
    /// Edge sensels count by the share of them the foot covers, and each sensel's area goes to the thirds by how
    /// much of its projection falls in each, so a coarse mat measures the same foot as a fine one.
    /// </summary>
    public sealed class FootMeasurer
    {
        // A toe island lies in the front 40% of the foot, is at most a quarter of its length long, and holds at
        // most a fifth of its area (a high arch's ball island is larger and starts further back).
        private const int ToeZoneStartPermille = 600;
        private const int ToeMaxLengthPermille = 250;
        private const int ToeMaxAreaPermille = 200;

        private readonly ContactMap _map;
        private readonly AnalysisSettings _settings;
        private readonly FootAxis _wholeAxis = new FootAxis();
        private readonly FootAxis _axis = new FootAxis();
        // Per core island (1..MaxCoreIslands), in the map's stage buffers.
        private readonly int[] _islandAlongMin;
        private readonly int[] _islandAlongMax;
        private readonly int[] _islandAreaQ8;

        // Core islands: sensels at least half covered (ContactMap.Core), 4-connected; a label per place, which fits a
        // byte (the map's Labels; its Scratch is the work queue). A foot's core is its body and a few toes, with specks
        // where a coarse mat parts them: 126 is far beyond any print, and keeps the islands' tables within the length
        // the splitter's profiles need anyway (147 bins at 48 x 48 and 64 x 64), so they cost no stage buffer more.
        // Core sensels beyond the last island go with their nearest island, as the edge sensels do.
        public const int MaxCoreIslands = 126;

        // Width of the footprint along its axis, for finding the toe crease; bins of 2.5 mm (the map's stage buffer A,
        // as the islands' extents are: the crease is looked for after the islands).
        public const int ProfileBinMmX10 = 25;
        private readonly int[] _widthProfile;
        private readonly int _maxWidthBins;

        public FootMeasurer(ContactMap map, AnalysisSettings settings)
        {
            _map = map;
            _settings = settings;
            _islandAlongMin = map.StageA;
            _islandAlongMax = map.StageB;
            _islandAreaQ8 = map.StageC;
            _widthProfile = map.StageA;
            _maxWidthBins = map.BinsAcross(ProfileBinMmX10);
        }

        /// <summary>True when the last measured foot touched the mat's border.</summary>
        public bool AtEdge;

        /// <summary>True when the last measured foot's footprint was too small or short to classify.</summary>
        public bool Unreliable;

        /// <summary>
        /// Where the last foot's midfoot contact lies across its axis, toward +x positive, area-weighted mm x 10.
        /// The arch lifts the medial midfoot, so the contact there is lateral: +x for a right foot, -x for a left.
        /// </summary>
        public long MidfootOffsetPlusX;

        public void Measure(int foot, FootMeasures result)
        {
            result.Clear();
            AtEdge = false;
            Unreliable = false;
            MidfootOffsetPlusX = 0;
            // The foot's own places are a range of the map's list (ContactMap.GroupByFoot). The measuring is in steps
            // called one after another, not one within the other: on nanoCLR each call's locals take heap while it runs.
            ContactMap map = _map;
            int from = map.FootStart(foot);
            int to = map.FootEnd(foot);
            long areaQ8;
            long load = MeasureWhole(from, to, result, out areaQ8);
            if (load == 0)
            {
                return;
            }
            // A bridge to a toe can be more than half covered (the hallux's neck, a coarse mat's gap); a stricter
            // core then still parts it, so the toes of both passes count.
            MarkToeIslands(foot, from, to, areaQ8, ContactMap.Core);
            MarkToeIslands(foot, from, to, areaQ8, ContactMap.StrictCore);
            if (MarkProtrudingToes(foot, from, to))
            {
                map.SetSlots();
            }
            CutAtToeCrease(from, to);
            if (!_axis.Fit(map, from, to, false))
            {
                _axis.Fit(map, from, to, true);
            }
            MeasureAlongAxis(foot, from, to, load, result);
        }

        /// <summary>
        /// The whole foot's load, centre of pressure, peak, contact area and axis (with its toes), and whether it touches
        /// the mat's border; returns its load, 0 when it is not on the mat. Every pass runs over the foot's range with
        /// the map's arrays in locals: on an interpreter each field read and call is paid.
        /// </summary>
        private long MeasureWhole(int from, int to, FootMeasures result, out long areaQ8)
        {
            ContactMap map = _map;
            areaQ8 = 0;
            ushort[] active = map.Active;
            int[] loads = map.LoadGrams;
            byte[] coverage = map.Coverage;
            byte[] marks = map.Marks;
            int[] colX = map.ColXMmX10;
            int[] rowY = map.RowYMmX10;
            int cols = map.Geometry.Cols;
            int lastRow = map.Geometry.Rows - 1;
            int lastCol = cols - 1;
            long load = 0;
            long momentX = 0;
            long momentY = 0;
            int peak = 0;
            for (int k = from; k < to; k++)
            {
                int index = active[k];
                marks[k] &= NotToe;
                int grams = loads[k];
                int row = index / cols;
                int col = index - row * cols;
                load += grams;
                momentX += (long)grams * colX[col];
                momentY += (long)grams * rowY[row];
                areaQ8 += coverage[k] + 1;
                if (grams > peak)
                {
                    peak = grams;
                }
                if (row == 0 || col == 0 || row == lastRow || col == lastCol)
                {
                    AtEdge = true;
                }
            }
            if (load == 0 || !_wholeAxis.Fit(map, from, to, true))
            {
                return 0;
            }
            result.Present = true;
            result.LoadGrams = (int)load;
            result.CopXMmX10 = (int)IntMath.DivRound(momentX, load);
            result.CopYMmX10 = (int)IntMath.DivRound(momentY, load);
            result.PeakKpa = map.KpaOfLoad(peak);
            result.ContactAreaMm2 = (int)(areaQ8 * map.SenselAreaMm2X100 / (100L * ContactMap.FullCoverageQ8));
            return load;
        }

        /// <summary>
        /// Along the toeless axis: length, width, the arch index and the regions' loads (by thirds of the toeless
        /// footprint), the medial/lateral split and the toe-out; then the arch's class when the foot can be classified.
        /// </summary>
        private void MeasureAlongAxis(int foot, int from, int to, long load, FootMeasures result)
        {
            // The toeless axis, and the map's arrays in locals for the passes below.
            ContactMap map = _map;
            long centreX = _axis.CentreXMmX10;
            long centreY = _axis.CentreYMmX10;
            ushort[] active = map.Active;
            long forwardX = _axis.ForwardXQ14;
            long forwardY = _axis.ForwardYQ14;
            int[] colX = map.ColXMmX10;
            int[] rowY = map.RowYMmX10;
            int cols = map.Geometry.Cols;
            int[] loads = map.LoadGrams;
            byte[] coverage = map.Coverage;
            byte[] marks = map.Marks;

            int half = map.PitchMmX10 / 2;
            int span = 2 * half;
            // Extents along the axis, of the whole foot and of the toeless footprint, and across it.
            int footBack = int.MaxValue;
            int footFront = int.MinValue;
            int toelessBack = int.MaxValue;
            int toelessFront = int.MinValue;
            for (int k = from; k < to; k++)
            {
                int index = active[k];
                int row = index / cols;
                long dx = colX[index - row * cols] - centreX;
                long dy = rowY[row] - centreY;
                int t = (int)((dx * forwardX + dy * forwardY) >> 14);
                // A partly covered end sensel has its covered part toward the inside of the footprint. The toeless
                // print ends in a broad edge (the heel's back, the ball's front), where the covered depth is the
                // covered share of the sensel; the foot's tip is a toe narrower than a coarse sensel, where it is
                // nearer the square root of it.
                int share = coverage[k] + 1;
                int covered = share * span / ContactMap.FullCoverageQ8;
                int tipCovered = share == ContactMap.FullCoverageQ8 ? span : CoveredDepthAtTip(share, half);
                if (t + half - tipCovered < footBack)
                {
                    footBack = t + half - tipCovered;
                }
                if (t - half + tipCovered > footFront)
                {
                    footFront = t - half + tipCovered;
                }
                if ((marks[k] & ContactMap.Toe) == 0)
                {
                    if (t + half - covered < toelessBack)
                    {
                        toelessBack = t + half - covered;
                    }
                    if (t - half + covered > toelessFront)
                    {
                        toelessFront = t - half + covered;
                    }
                }
            }
            result.LengthMmX10 = footFront - footBack;

            // Arch index: area of each third of the toeless footprint; the same thirds are the anatomical regions
            // whose loads give the modified arch index and the rearfoot/midfoot/forefoot shares.
            int toelessLength = toelessFront - toelessBack;
            int third1 = toelessBack + toelessLength / 3;
            int third2 = toelessBack + 2 * toelessLength / 3;
            long rearArea = 0;
            long midArea = 0;
            long midOffset = 0;
            long frontArea = 0;
            long rearLoad = 0;
            long midLoad = 0;
            long toelessLoad = 0;
            int sideMin = int.MaxValue;
            int sideMax = int.MinValue;
            // Medial/lateral split at the axis.
            long medialLoad = 0;
            bool medialIsPlusX = foot == ContactMap.LeftFoot;
            // Each interval overlap below is IntMath.Overlap written out: a sensel's span [low, high] against a region's.
            for (int k = from; k < to; k++)
            {
                int index = active[k];
                int row = index / cols;
                long dx = colX[index - row * cols] - centreX;
                long dy = rowY[row] - centreY;
                int t = (int)((dx * forwardX + dy * forwardY) >> 14);
                int s = (int)((-dx * forwardY + dy * forwardX) >> 14);
                int grams = loads[k];
                int low = s - half;
                int high = s + half;
                if (medialIsPlusX)
                {
                    low = low > 0 ? low : 0;
                }
                else
                {
                    high = high < 0 ? high : 0;
                }
                medialLoad += high > low ? (long)grams * (high - low) / span : 0;
                if ((marks[k] & ContactMap.Toe) != 0)
                {
                    continue;
                }
                // Load by the share of the sensel's span in each region; what lies past an end goes to the end region.
                low = t - half;
                high = t + half;
                int rearSpan = (high < third1 ? high : third1) - low;
                int midSpan = (high < third2 ? high : third2) - (low > third1 ? low : third1);
                rearLoad += rearSpan > 0 ? (long)grams * rearSpan / span : 0;
                midLoad += midSpan > 0 ? (long)grams * midSpan / span : 0;
                toelessLoad += grams;
                long share = coverage[k] + 1;
                if (high > third2)
                {
                    // Width: across the forefoot (the front third of the toeless print), where the foot is widest.
                    int sideCovered = share == ContactMap.FullCoverageQ8 ? span : CoveredDepthAtTip((int)share, half);
                    if (s + half - sideCovered < sideMin)
                    {
                        sideMin = s + half - sideCovered;
                    }
                    if (s - half + sideCovered > sideMax)
                    {
                        sideMax = s - half + sideCovered;
                    }
                }
                int rearAreaSpan = (high < third1 ? high : third1) - (low > toelessBack ? low : toelessBack);
                int frontAreaSpan = (high < toelessFront ? high : toelessFront) - (low > third2 ? low : third2);
                rearArea += rearAreaSpan > 0 ? share * rearAreaSpan : 0;
                long mid = midSpan > 0 ? share * midSpan : 0;
                midArea += mid;
                midOffset += mid * s;
                frontArea += frontAreaSpan > 0 ? share * frontAreaSpan : 0;
            }
            long toelessArea = rearArea + midArea + frontArea;
            result.WidthMmX10 = sideMax > sideMin ? sideMax - sideMin : 0;
            MidfootOffsetPlusX = midArea > 0 ? midOffset / midArea : 0;
            result.ArchIndexX1000 = toelessArea > 0 ? (int)IntMath.DivRound(midArea * 1000, toelessArea) : 0;
            result.ModifiedArchIndexX1000 = toelessLoad > 0 ? (int)IntMath.DivRound(midLoad * 1000, toelessLoad) : 0;
            result.RearfootPctX10 = (int)IntMath.DivRound(rearLoad * 1000, load);
            result.MidfootPctX10 = (int)IntMath.DivRound(midLoad * 1000, load);
            result.ForefootPctX10 = 1000 - result.RearfootPctX10 - result.MidfootPctX10;
            result.MedialPctX10 = (int)IntMath.DivRound(medialLoad * 1000, load);
            result.LateralPctX10 = 1000 - result.MedialPctX10;

            // Toe-out: the toes turn away from the other foot (left foot: toward -x).
            int outward = medialIsPlusX ? -_axis.ForwardXQ14 : _axis.ForwardXQ14;
            result.ToeOutDegX10 = IntMath.Atan2DegX10(outward, -_axis.ForwardYQ14);

            Unreliable = toelessLength < _settings.MinToelessLengthMm * 10 || toelessArea == 0;
            if (!AtEdge && !Unreliable)
            {
                result.Arch = _settings.Classify(result.ArchIndexX1000);
                result.ArchBorderlineWith = _settings.BorderlineWith(result.ArchIndexX1000);
            }
        }

        /// <summary>
        /// How deep into a partly covered sensel the contact reaches at a rounded end narrower than the sensel (a toe's
        /// tip, the side of the ball): the covered area grows with about the square of the depth there.
        /// </summary>
        private static int CoveredDepthAtTip(int coverageQ8, int halfPitch)
        {
            return (int)(IntMath.Isqrt((long)coverageQ8 * ContactMap.FullCoverageQ8) * 2 * halfPitch / ContactMap.FullCoverageQ8);
        }

        /// <summary>
        /// Marks the toe islands of one foot. Toes often touch the ball through one partly covered sensel (the fifth
        /// toe sits close to its metatarsal head, and a coarse mat bridges the gap), so islands are taken on the core
        /// of the contact: sensels at least half covered, joined through their sides. A core island small and short
        /// enough, in front of the ball, is a toe; every edge sensel then belongs to the core island nearest to it.
        /// Returns how many toe islands there are. coreMark is the mark of the core taken (<see cref="ContactMap.Core"/>
        /// or the stricter <see cref="ContactMap.StrictCore"/>).
        /// </summary>
        private int MarkToeIslands(int foot, int from, int to, long footAreaQ8, byte coreMark)
        {
            ContactMap map = _map;
            int cols = map.Geometry.Cols;
            int rows = map.Geometry.Rows;
            ushort[] active = map.Active;
            byte[] coverage = map.Coverage;
            byte[] marks = map.Marks;
            byte[] core = map.Labels;
            ushort[] slot = map.Slot;
            int boxRow = map.BoxRow;
            int boxCol = map.BoxCol;
            int boxCols = map.BoxCols;
            ushort[] queue = map.Scratch;
            // A neighbour joins a core island when it is of this foot's contact and covered enough.
            int joinMask = ContactMap.FootMask | coreMark;
            int joinMarks = foot | coreMark;
            int[] colX = map.ColXMmX10;
            int[] rowY = map.RowYMmX10;
            long centreX = _wholeAxis.CentreXMmX10;
            long centreY = _wholeAxis.CentreYMmX10;
            long forwardX = _wholeAxis.ForwardXQ14;
            long forwardY = _wholeAxis.ForwardYQ14;
            int count = 0;
            for (int k = from; k < to; k++)
            {
                core[k] = 0;
            }
            // Label the core islands, 4-connected, with the queue as a stack of places.
            for (int seed = from; seed < to; seed++)
            {
                if (core[seed] != 0 || (marks[seed] & coreMark) == 0 || count >= MaxCoreIslands)
                {
                    continue;
                }
                count++;
                int alongMin = int.MaxValue;
                int alongMax = int.MinValue;
                long areaQ8 = 0;
                int top = 0;
                queue[top++] = (ushort)seed;
                core[seed] = (byte)count;
                while (top > 0)
                {
                    int k = queue[--top];
                    int index = active[k];
                    int row = index / cols;
                    int col = index - row * cols;
                    int t = (int)(((colX[col] - centreX) * forwardX + (rowY[row] - centreY) * forwardY) >> 14);
                    if (t < alongMin)
                    {
                        alongMin = t;
                    }
                    if (t > alongMax)
                    {
                        alongMax = t;
                    }
                    areaQ8 += coverage[k] + 1;
                    // Up, down, left, right.
                    int cell = (row - boxRow) * boxCols + col - boxCol;
                    for (int side = 0; side < 4; side++)
                    {
                        int neighbour;
                        if (side == 0)
                        {
                            neighbour = row > 0 ? cell - boxCols : -1;
                        }
                        else if (side == 1)
                        {
                            neighbour = row < rows - 1 ? cell + boxCols : -1;
                        }
                        else if (side == 2)
                        {
                            neighbour = col > 0 ? cell - 1 : -1;
                        }
                        else
                        {
                            neighbour = col < cols - 1 ? cell + 1 : -1;
                        }
                        int place = neighbour >= 0 ? slot[neighbour] - 1 : -1;
                        if (place >= 0 && core[place] == 0 && (marks[place] & joinMask) == joinMarks)
                        {
                            core[place] = (byte)count;
                            queue[top++] = (ushort)place;
                        }
                    }
                }
                _islandAlongMin[count] = alongMin;
                _islandAlongMax[count] = alongMax;
                _islandAreaQ8[count] = (int)areaQ8;
            }
            if (count < 2)
            {
                return 0;
            }
            int back = int.MaxValue;
            int front = int.MinValue;
            int main = 1;
            for (int i = 1; i <= count; i++)
            {
                back = IntMath.Min(back, _islandAlongMin[i]);
                front = IntMath.Max(front, _islandAlongMax[i]);
                if (_islandAreaQ8[i] > _islandAreaQ8[main])
                {
                    main = i;
                }
            }
            long length = front - back;
            int toes = 0;
            for (int i = 1; i <= count; i++)
            {
                bool toe = i != main
                    && (_islandAlongMin[i] - back) * 1000L >= length * ToeZoneStartPermille
                    && (_islandAlongMax[i] - _islandAlongMin[i]) * 1000L <= length * ToeMaxLengthPermille
                    && _islandAreaQ8[i] * 1000L <= footAreaQ8 * ToeMaxAreaPermille;
                // The area slot now holds the verdict: -1 toe, 0 not.
                _islandAreaQ8[i] = toe ? -1 : 0;
                if (toe)
                {
                    toes++;
                }
            }
            if (toes == 0)
            {
                return 0;
            }
            // Grow the core islands over the edge sensels, breadth first, so each goes with its nearest island.
            int head = 0;
            int tail = 0;
            for (int k = from; k < to; k++)
            {
                if (core[k] > 0)
                {
                    queue[tail++] = (ushort)k;
                }
            }
            while (head < tail)
            {
                int k = queue[head++];
                int index = active[k];
                int row = index / cols;
                int col = index - row * cols;
                int rowFirst = row > 0 ? row - 1 : 0;
                int rowLast = row < rows - 1 ? row + 1 : row;
                int colFirst = col > 0 ? col - 1 : 0;
                int colLast = col < cols - 1 ? col + 1 : col;
                for (int r = rowFirst; r <= rowLast; r++)
                {
                    int cell = (r - boxRow) * boxCols + colFirst - boxCol;
                    for (int c = colFirst; c <= colLast; c++, cell++)
                    {
                        int place = slot[cell] - 1;
                        if (place >= 0 && (marks[place] & ContactMap.FootMask) == foot && core[place] == 0)
                        {
                            core[place] = core[k];
                            queue[tail++] = (ushort)place;
                        }
                    }
                }
            }
            for (int k = from; k < to; k++)
            {
                if (core[k] > 0 && _islandAreaQ8[core[k]] == -1)
                {
                    marks[k] |= ContactMap.Toe;
                }
            }
            return toes;
        }

        /// <summary>Half the width below which a part of the footprint is a toe, not the body of the foot, mm x 10.</summary>
        private const int ToeHalfWidthMmX10 = 150;

        /// <summary>
        /// A distance beyond any reach the distance maps compare with (6.5 m): they hold 16 bits, and a distance that
        /// would run past this stays at it, which no comparison with a reach can tell from the true one.
        /// </summary>
        private const ushort FarMmX10 = ushort.MaxValue;

        private const byte NotToe = unchecked((byte)~ContactMap.Toe);

        /// <summary>
        /// A hallux pressed down beside the ball joins it through a neck of fully covered sensels, so it is no island
        /// and the width profile shows no dip (the ball's lateral front tapers beside it). The body of the foot is
        /// what a disc 30 mm across can sweep inside the contact's core (a morphological opening, on chamfer
        /// distances in mm so it means the same on every pitch); what lies outside it and ahead of its front is toes.
        /// Returns true when it has used the map's Slot as its distance map.
        /// </summary>
        private bool MarkProtrudingToes(int foot, int from, int to)
        {
            ContactMap map = _map;
            int cols = map.Geometry.Cols;
            int rows = map.Geometry.Rows;
            ushort[] active = map.Active;
            byte[] coverage = map.Coverage;
            byte[] marks = map.Marks;
            int rowMin = rows;
            int rowMax = -1;
            int colMin = cols;
            int colMax = -1;
            for (int k = from; k < to; k++)
            {
                int index = active[k];
                int row = index / cols;
                int col = index - row * cols;
                if (row < rowMin)
                {
                    rowMin = row;
                }
                if (row > rowMax)
                {
                    rowMax = row;
                }
                if (col < colMin)
                {
                    colMin = col;
                }
                if (col > colMax)
                {
                    colMax = col;
                }
            }
            if (rowMax < 0)
            {
                return false;
            }
            // One sensel of margin: outside the contact (or the mat) is distance 0.
            rowMin = IntMath.Max(0, rowMin - 1);
            rowMax = IntMath.Min(rows - 1, rowMax + 1);
            colMin = IntMath.Max(0, colMin - 1);
            colMax = IntMath.Min(cols - 1, colMax + 1);
            int reach = ToeHalfWidthMmX10 + map.PitchMmX10 / 2;
            // One distance map, in place of the map's Slot (which the caller puts back): first each core sensel's
            // distance from outside the core, then (eroded) each sensel's distance from the eroded core, which grown
            // back by the reach is the body.
            ushort[] distance = map.Slot;
            int boxRow = map.BoxRow;
            int boxCol = map.BoxCol;
            int boxCols = map.BoxCols;
            int coreMarks = foot | ContactMap.Core;
            int coreMask = ContactMap.FootMask | ContactMap.Core;
            for (int r = rowMin; r <= rowMax; r++)
            {
                bool innerRow = r > 0 && r < rows - 1;
                int index = (r - boxRow) * boxCols + colMin - boxCol;
                for (int c = colMin; c <= colMax; c++, index++)
                {
                    int place = distance[index] - 1;
                    bool core = innerRow && c > 0 && c < cols - 1 && place >= 0 && (marks[place] & coreMask) == coreMarks;
                    distance[index] = core ? FarMmX10 : (ushort)0;
                }
            }
            Chamfer(distance, rowMin, rowMax, colMin, colMax);
            // The eroded core: centres at least the reach from anything outside it.
            bool any = false;
            for (int r = rowMin; r <= rowMax; r++)
            {
                int index = (r - boxRow) * boxCols + colMin - boxCol;
                for (int c = colMin; c <= colMax; c++, index++)
                {
                    bool eroded = distance[index] >= reach;
                    distance[index] = eroded ? (ushort)0 : FarMmX10;
                    any |= eroded;
                }
            }
            if (!any)
            {
                return true;
            }
            // Grown back by the same reach: the opened body.
            ushort[] body = distance;
            Chamfer(body, rowMin, rowMax, colMin, colMax);
            int[] colX = map.ColXMmX10;
            int[] rowY = map.RowYMmX10;
            long centreX = _wholeAxis.CentreXMmX10;
            long centreY = _wholeAxis.CentreYMmX10;
            long forwardX = _wholeAxis.ForwardXQ14;
            long forwardY = _wholeAxis.ForwardYQ14;
            int front = int.MinValue;
            int footBack = int.MaxValue;
            int footFront = int.MinValue;
            for (int k = from; k < to; k++)
            {
                int index = active[k];
                int row = index / cols;
                int t = (int)(((colX[index - row * cols] - centreX) * forwardX + (rowY[row] - centreY) * forwardY) >> 14);
                if (t < footBack)
                {
                    footBack = t;
                }
                if (t > footFront)
                {
                    footFront = t;
                }
                if (body[(row - boxRow) * boxCols + index - row * cols - boxCol] <= reach && t > front)
                {
                    front = t;
                }
            }
            // The body must reach into the toe zone (a ball too narrow to survive leaves only the heel: no verdict).
            if ((front - footBack) * 1000L < (long)(footFront - footBack) * ToeZoneStartPermille)
            {
                return true;
            }
            int cut = front;
            // Toes hold a small part of the footprint; more than that ahead of the body means the ball itself did not
            // survive (a short walking ball contact): no verdict.
            long toeArea = 0;
            long footArea = 0;
            for (int k = from; k < to; k++)
            {
                int index = active[k];
                footArea += coverage[k] + 1;
                if (body[BoxCell(index)] > reach && AlongWholeAxis(index) > cut)
                {
                    toeArea += coverage[k] + 1;
                }
            }
            if (toeArea * 1000 > footArea * ToeMaxAreaPermille)
            {
                return true;
            }
            for (int k = from; k < to; k++)
            {
                int index = active[k];
                if (body[BoxCell(index)] > reach && AlongWholeAxis(index) > cut)
                {
                    marks[k] |= ContactMap.Toe;
                }
            }
            return true;
        }

        /// <summary>The cell of the map's box that holds a sensel of the contact.</summary>
        private int BoxCell(int index)
        {
            int cols = _map.Geometry.Cols;
            int row = index / cols;
            return _map.CellOf(row, index - row * cols);
        }

        /// <summary>Distance of a sensel along the whole foot's axis (toes included) from its centroid, mm x 10.</summary>
        private int AlongWholeAxis(int index)
        {
            return _wholeAxis.Along(_map, index);
        }

        /// <summary>
        /// Chamfer distance transform in place over a box of the mat (rows and columns of the mat, cells of the map's
        /// box): each cell gets the distance (mm x 10) from its
        /// centre to the nearest cell holding 0, through steps of one pitch (sides) and 1.414 pitches (corners), up to
        /// <see cref="FarMmX10"/> (a cell holding it starts out far from every 0).
        /// </summary>
        private void Chamfer(ushort[] distance, int rowMin, int rowMax, int colMin, int colMax)
        {
            // The map's box: a row of it is BoxCols cells.
            ContactMap map = _map;
            int cols = map.BoxCols;
            int boxRow = map.BoxRow;
            int boxCol = map.BoxCol;
            int side = map.PitchMmX10;
            int corner = side * 1414 / 1000;
            for (int r = rowMin; r <= rowMax; r++)
            {
                int index = (r - boxRow) * cols + colMin - boxCol;
                for (int c = colMin; c <= colMax; c++, index++)
                {
                    int d = distance[index];
                    if (d == 0)
                    {
                        continue;
                    }
                    int via;
                    if (c > colMin)
                    {
                        via = distance[index - 1] + side;
                        d = via < d ? via : d;
                    }
                    if (r > rowMin)
                    {
                        via = distance[index - cols] + side;
                        d = via < d ? via : d;
                        if (c > colMin)
                        {
                            via = distance[index - cols - 1] + corner;
                            d = via < d ? via : d;
                        }
                        if (c < colMax)
                        {
                            via = distance[index - cols + 1] + corner;
                            d = via < d ? via : d;
                        }
                    }
                    distance[index] = (ushort)d;
                }
            }
            for (int r = rowMax; r >= rowMin; r--)
            {
                int index = (r - boxRow) * cols + colMax - boxCol;
                for (int c = colMax; c >= colMin; c--, index--)
                {
                    int d = distance[index];
                    if (d == 0)
                    {
                        continue;
                    }
                    int via;
                    if (c < colMax)
                    {
                        via = distance[index + 1] + side;
                        d = via < d ? via : d;
                    }
                    if (r < rowMax)
                    {
                        via = distance[index + cols] + side;
                        d = via < d ? via : d;
                        if (c < colMax)
                        {
                            via = distance[index + cols + 1] + corner;
                            d = via < d ? via : d;
                        }
                        if (c > colMin)
                        {
                            via = distance[index + cols - 1] + corner;
                            d = via < d ? via : d;
                        }
                    }
                    distance[index] = (ushort)d;
                }
            }
        }

        // The crease is a dip to at most 60% of the ball's width, with toes at least 30% wider than the dip ahead of it.
        private const int CreaseMaxPermilleOfBall = 600;
        private const int ToesMinPermilleOfCrease = 1200;

        /// <summary>
        /// Toes that touch the ball (or that a coarse mat bridges to it) are not islands of their own. Along the foot
        /// axis the footprint's width dips at the toe crease between the ball and the toes: everything ahead of that
        /// dip is toes. Only a real dip counts, with toes ahead of it, so a toeless front edge is never cut.
        /// </summary>
        private void CutAtToeCrease(int from, int to)
        {
            ContactMap map = _map;
            int half = map.PitchMmX10 / 2;
            ushort[] active = map.Active;
            byte[] coverage = map.Coverage;
            byte[] marks = map.Marks;
            int[] colX = map.ColXMmX10;
            int[] rowY = map.RowYMmX10;
            int cols = map.Geometry.Cols;
            long centreX = _wholeAxis.CentreXMmX10;
            long centreY = _wholeAxis.CentreYMmX10;
            long forwardX = _wholeAxis.ForwardXQ14;
            long forwardY = _wholeAxis.ForwardYQ14;
            int back = int.MaxValue;
            int front = int.MinValue;
            for (int k = from; k < to; k++)
            {
                int index = active[k];
                if ((marks[k] & ContactMap.Toe) == 0)
                {
                    int row = index / cols;
                    int t = (int)(((colX[index - row * cols] - centreX) * forwardX + (rowY[row] - centreY) * forwardY) >> 14);
                    if (t - half < back)
                    {
                        back = t - half;
                    }
                    if (t + half > front)
                    {
                        front = t + half;
                    }
                }
            }
            if (back >= front)
            {
                return;
            }
            int[] profile = _widthProfile;
            int bins = (front - back) / ProfileBinMmX10 + 1;
            if (bins > _maxWidthBins)
            {
                bins = _maxWidthBins;
            }
            for (int b = 0; b < bins; b++)
            {
                profile[b] = 0;
            }
            for (int k = from; k < to; k++)
            {
                int index = active[k];
                if ((marks[k] & ContactMap.Toe) != 0)
                {
                    continue;
                }
                int row = index / cols;
                int t = (int)(((colX[index - row * cols] - centreX) * forwardX + (rowY[row] - centreY) * forwardY) >> 14);
                int low = t - half - back;
                int high = t + half - back;
                int share = coverage[k] + 1;
                int binLow = low / ProfileBinMmX10 * ProfileBinMmX10;
                for (int b = low / ProfileBinMmX10; b <= high / ProfileBinMmX10 && b < bins; b++)
                {
                    int binHigh = binLow + ProfileBinMmX10;
                    int overlap = (high < binHigh ? high : binHigh) - (low > binLow ? low : binLow);
                    binLow = binHigh;
                    if (overlap > 0)
                    {
                        profile[b] += share * overlap;
                    }
                }
            }
            // The ball: the widest part of the front half.
            int ball = bins / 2;
            for (int b = bins / 2; b < bins; b++)
            {
                if (_widthProfile[b] > _widthProfile[ball])
                {
                    ball = b;
                }
            }
            // The crease: of the bins ahead of the ball narrow enough, the one with the deepest dip against the widest
            // bin ahead of it (the toes). The narrowest bin alone would be the tip of the hallux.
            int crease = -1;
            long creaseWidth = 0;
            long creaseToes = 1;
            long widestAhead = 0;
            for (int b = bins - 2; b > ball; b--)
            {
                if (_widthProfile[b + 1] > widestAhead)
                {
                    widestAhead = _widthProfile[b + 1];
                }
                long width = _widthProfile[b];
                if (width * 1000 > (long)_widthProfile[ball] * CreaseMaxPermilleOfBall || widestAhead * 1000 < width * ToesMinPermilleOfCrease || widestAhead == 0)
                {
                    continue;
                }
                if (crease < 0 || width * creaseToes < creaseWidth * widestAhead)
                {
                    crease = b;
                    creaseWidth = width;
                    creaseToes = widestAhead;
                }
            }
            if (crease < 0)
            {
                return;
            }
            int cut = back + crease * ProfileBinMmX10 + ProfileBinMmX10 / 2;
            for (int k = from; k < to; k++)
            {
                int index = active[k];
                if (AlongWholeAxis(index) > cut)
                {
                    marks[k] |= ContactMap.Toe;
                }
            }
        }
    }
}
