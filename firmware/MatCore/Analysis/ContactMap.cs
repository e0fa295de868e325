using Kiosk.Mat.Arithmetic;
using Kiosk.Mat.Geometry;

namespace Kiosk.Mat.Analysis
{
    /// <summary>
    /// The working picture of one analysed frame, kept as a list of the sensels in contact: each has a place k in the
    /// list (in the order of the mat) and, at that place, its mat index, its load, its marks (in contact, its foot, toe,
    /// core) and how much of it the foot covers, and (<see cref="Slot"/>, 2 bytes a sensel of the contact's box) which
    /// place a sensel has. All are sized by the contact, allocated by the first analysis that needs them and reused by
    /// the next: two standing feet load about a sixth of a 48 x 48 mat, in a box of two fifths of it, so the analysis
    /// holds about 11 bytes for each sensel in contact and 2 for each of its box, rather than 7 for every sensel of
    /// the mat and a dense frame of 4.
    /// </summary>
    public sealed class ContactMap
    {
        public const int NoFoot = 0;
        public const int LeftFoot = 1;
        public const int RightFoot = 2;

        /// <summary>Coverage is Q8: 256 = the whole sensel is under the foot.</summary>
        public const int FullCoverageQ8 = 256;

        /// <summary>Before islands are found: a sensel in contact whose island is not known yet.</summary>
        public const byte Unlabelled = 0;

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

        /// <summary>The most sensels the contact list holds: a place must fit <see cref="Slot"/>'s 16 bits beside 0.</summary>
        public const int MaxContact = ushort.MaxValue - 1;

        public readonly MatGeometry Geometry;

        /// <summary>
        /// Per cell of the contact's box (<see cref="BoxRow"/>, <see cref="BoxCol"/>, <see cref="BoxCols"/> wide: the
        /// contact's rows and columns and one more each side, within the mat, so it holds every sensel's neighbours):
        /// 0 when the sensel is not in contact, else 1 + its place in the list, so a neighbour's place is one read away.
        /// <see cref="FootMeasurer"/> borrows it as a distance map and puts it back (<see cref="SetSlots"/>).
        /// </summary>
        public ushort[] Slot;
        public int BoxRow;
        public int BoxCol;
        public int BoxRows;
        public int BoxCols;

        /// <summary>How many sensels are in contact: the list's places 0 .. ActiveCount-1.</summary>
        public int ActiveCount;

        /// <summary>Per place: the sensel's index in the mat (row * cols + col), in the order of the mat.</summary>
        public ushort[] Active;

        /// <summary>Per place: the sensel's load, grams (a dead sensel's filled in from its neighbours).</summary>
        public int[] LoadGrams;

        /// <summary>Per place: <see cref="Unlabelled"/> until islands are found, then the flags above.</summary>
        public byte[] Marks;

        /// <summary>
        /// Per place: how much of the sensel the foot covers, Q8 less one (0-255 for 1-256), so it fits a byte: read it
        /// as <c>Coverage[k] + 1</c>.
        /// </summary>
        public byte[] Coverage;

        /// <summary>
        /// Once the feet are told apart (<see cref="GroupByFoot"/>) the list holds the left foot's places first (up to
        /// LeftEnd), then the right foot's, each in the order of the mat, so a foot's passes run over a range of places.
        /// </summary>
        public int LeftEnd;

        /// <summary>Per place, work space of one step at a time: a flood fill's queue or stack of places.</summary>
        public ushort[] Scratch;

        /// <summary>Per place, work space of one step: the core island a sensel belongs to (<see cref="FootMeasurer"/>).</summary>
        public byte[] Labels;

        /// <summary>
        /// Work space of the stages that never run at once, shared so the analysis holds one set: the foot splitter's
        /// load profiles (whole, front, rear), then the foot measurer's core islands (A, B,
        /// C: along-axis extents and area) and its width profile (A). Each at least as long as its longest use.
        /// </summary>
        public readonly int[] StageA;
        public readonly int[] StageB;
        public readonly int[] StageC;

        /// <summary>Sensel centres in mm x 10 from the mat's left and front edges, per column and per row.</summary>
        public readonly int[] ColXMmX10;
        public readonly int[] RowYMmX10;

        public readonly int PitchMmX10;
        public readonly int SenselAreaMm2X100;

        public ContactMap(MatGeometry geometry)
        {
            Geometry = geometry;
            int n = geometry.SenselCount;
            Slot = new ushort[0];
            Allocate(0);
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

        /// <summary>
        /// Empties the list and <see cref="Slot"/> for a new frame, with room for at least this many sensels (the
        /// list's arrays grow to it, keeping nothing; they never shrink).
        /// </summary>
        public void Start(int capacity)
        {
            if (Active == null || Active.Length < capacity)
            {
                Allocate(capacity);
            }
            ActiveCount = 0;
            BoxRows = 0;
            BoxCols = 0;
            LeftEnd = 0;
        }

        /// <summary>
        /// More room in the list, its first <paramref name="count"/> sensels and loads kept: by half as much again (a
        /// frame's contact is gathered before it is known). False at <see cref="MaxContact"/>.
        /// </summary>
        public bool Grow(int count)
        {
            if (count >= MaxContact)
            {
                return false;
            }
            ushort[] active = Active;
            int[] load = LoadGrams;
            int capacity = count + count / 2 + 16;
            Allocate(capacity < MaxContact ? capacity : MaxContact);
            System.Array.Copy(active, Active, count);
            System.Array.Copy(load, LoadGrams, count);
            return true;
        }

        private void Allocate(int capacity)
        {
            Active = new ushort[capacity];
            LoadGrams = new int[capacity];
            Marks = new byte[capacity];
            Coverage = new byte[capacity];
            Scratch = new ushort[capacity];
            Labels = new byte[capacity];
        }

        /// <summary>
        /// Keeps only the places whose mark has <see cref="InContact"/>, in their order, with all they hold; the others
        /// leave <see cref="Slot"/>.
        /// </summary>
        public void KeepInContact()
        {
            ushort[] active = Active;
            int[] load = LoadGrams;
            byte[] marks = Marks;
            byte[] coverage = Coverage;
            int count = ActiveCount;
            int kept = 0;
            for (int k = 0; k < count; k++)
            {
                if ((marks[k] & InContact) == 0)
                {
                    continue;
                }
                if (kept != k)
                {
                    active[kept] = active[k];
                    load[kept] = load[k];
                    marks[kept] = marks[k];
                    coverage[kept] = coverage[k];
                }
                kept++;
            }
            ActiveCount = kept;
            SetSlots();
        }

        /// <summary>
        /// The contact's box and <see cref="Slot"/> from the list (once it is gathered): the box of its rows and
        /// columns and one more each side, within the mat; <see cref="Slot"/> grows to it when it must.
        /// </summary>
        public void SetBox()
        {
            int cols = Geometry.Cols;
            int count = ActiveCount;
            ushort[] active = Active;
            int rowMin = count > 0 ? active[0] / cols : 0;
            int rowMax = count > 0 ? active[count - 1] / cols : -1;
            int colMin = cols;
            int colMax = -1;
            for (int k = 0; k < count; k++)
            {
                int index = active[k];
                int col = index - index / cols * cols;
                if (col < colMin)
                {
                    colMin = col;
                }
                if (col > colMax)
                {
                    colMax = col;
                }
            }
            if (count == 0)
            {
                BoxRows = 0;
                BoxCols = 0;
                return;
            }
            BoxRow = rowMin > 0 ? rowMin - 1 : 0;
            BoxCol = colMin > 0 ? colMin - 1 : 0;
            BoxRows = (rowMax < Geometry.Rows - 1 ? rowMax + 1 : rowMax) - BoxRow + 1;
            BoxCols = (colMax < cols - 1 ? colMax + 1 : colMax) - BoxCol + 1;
            if (Slot.Length < BoxRows * BoxCols)
            {
                Slot = new ushort[BoxRows * BoxCols];
            }
            SetSlots();
        }

        /// <summary>The cell of the contact's box (<see cref="Slot"/>) that holds a sensel of the box, by its row and column.</summary>
        public int CellOf(int row, int col)
        {
            return (row - BoxRow) * BoxCols + col - BoxCol;
        }

        /// <summary><see cref="Slot"/> again from the list, after a step borrowed it: 0 off the contact, 1 + the place on it.</summary>
        public void SetSlots()
        {
            ushort[] slot = Slot;
            ushort[] active = Active;
            int cols = Geometry.Cols;
            int boxRow = BoxRow;
            int boxCol = BoxCol;
            int boxCols = BoxCols;
            System.Array.Clear(slot, 0, BoxRows * boxCols);
            int count = ActiveCount;
            for (int k = 0; k < count; k++)
            {
                int index = active[k];
                int row = index / cols;
                slot[(row - boxRow) * boxCols + index - row * cols - boxCol] = (ushort)(k + 1);
            }
        }

        /// <summary><see cref="LeftFoot"/>, <see cref="RightFoot"/> or <see cref="NoFoot"/>: the foot a sensel of the mat belongs to.</summary>
        public int FootOf(int index)
        {
            int row = index / Geometry.Cols;
            int col = index - row * Geometry.Cols;
            if (row < BoxRow || row >= BoxRow + BoxRows || col < BoxCol || col >= BoxCol + BoxCols)
            {
                return NoFoot;
            }
            int slot = Slot[CellOf(row, col)];
            return slot == 0 ? NoFoot : Marks[slot - 1] & FootMask;
        }

        /// <summary>Where a foot's places start in the list (once grouped by foot).</summary>
        public int FootStart(int foot)
        {
            return foot == LeftFoot ? 0 : LeftEnd;
        }

        /// <summary>Where a foot's places end in the list (exclusive).</summary>
        public int FootEnd(int foot)
        {
            return foot == LeftFoot ? LeftEnd : ActiveCount;
        }

        /// <summary>
        /// Moves the left foot's places before the right foot's, each foot's kept in the order of the mat, with all they
        /// hold (<see cref="Slot"/> follows). In place, as a permutation applied cycle by cycle: no list of places per
        /// foot is kept, and a foot's passes read their places without one more look-up each.
        /// </summary>
        public void GroupByFoot()
        {
            byte[] marks = Marks;
            ushort[] destination = Scratch;
            int count = ActiveCount;
            int left = 0;
            for (int k = 0; k < count; k++)
            {
                if ((marks[k] & FootMask) == LeftFoot)
                {
                    left++;
                }
            }
            int nextLeft = 0;
            int nextRight = left;
            bool moves = false;
            for (int k = 0; k < count; k++)
            {
                int to = (marks[k] & FootMask) == LeftFoot ? nextLeft++ : nextRight++;
                destination[k] = (ushort)to;
                moves |= to != k;
            }
            LeftEnd = left;
            if (!moves)
            {
                return;
            }
            ushort[] active = Active;
            int[] load = LoadGrams;
            byte[] coverage = Coverage;
            for (int start = 0; start < count; start++)
            {
                // Follow the cycle through start, carrying one place's values; a place moved is its own destination.
                int k = destination[start];
                if (k == start)
                {
                    continue;
                }
                ushort carriedIndex = active[start];
                int carriedLoad = load[start];
                byte carriedMarks = marks[start];
                byte carriedCoverage = coverage[start];
                destination[start] = (ushort)start;
                while (true)
                {
                    ushort index = active[k];
                    int grams = load[k];
                    byte mark = marks[k];
                    byte share = coverage[k];
                    active[k] = carriedIndex;
                    load[k] = carriedLoad;
                    marks[k] = carriedMarks;
                    coverage[k] = carriedCoverage;
                    int next = destination[k];
                    destination[k] = (ushort)k;
                    if (next == k)
                    {
                        break;
                    }
                    carriedIndex = index;
                    carriedLoad = grams;
                    carriedMarks = mark;
                    carriedCoverage = share;
                    k = next;
                }
            }
            SetSlots();
        }

        /// <summary>The whole contact is one foot: the list in order is that foot's, all left or all right.</summary>
        public void OneFoot(int foot)
        {
            LeftEnd = foot == LeftFoot ? ActiveCount : 0;
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
