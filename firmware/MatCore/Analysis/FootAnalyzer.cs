using Kiosk.Mat.Arithmetic;
using Kiosk.Mat.Calibration;
using Kiosk.Mat.Geometry;

namespace Kiosk.Mat.Analysis
{
    /// <summary>
    /// The full analysis of one (summed) frame, run once per scan: contact, islands, left and right foot, each
    /// foot's measures, the whole body's shares and the scan's quality. The working buffers are sized by the contact
    /// (<see cref="ContactMap"/>) and reused, and the result object is refilled, so analysing a frame like the last
    /// allocates nothing.
    /// </summary>
    public sealed class FootAnalyzer
    {
        public readonly ContactMap Map;
        public readonly AnalysisSettings Settings;

        private readonly ContactIslands _islands;
        private readonly FootSplitter _splitter;
        private readonly FootMeasurer _measurer;
        private readonly int _contactGrams;

        public FootAnalyzer(MatGeometry geometry, AnalysisSettings settings)
        {
            Settings = settings ?? new AnalysisSettings();
            Map = new ContactMap(geometry);
            _islands = new ContactIslands(Map);
            _splitter = new FootSplitter(Map);
            _measurer = new FootMeasurer(Map, Settings);
            _contactGrams = IntMath.Max(Settings.MinContactGrams, Map.GramsAtPressurePa(Settings.ContactThresholdPa));
        }

        /// <summary>Load on one sensel above which it counts as in contact, grams.</summary>
        public int ContactGrams { get { return _contactGrams; } }

        /// <summary>
        /// Analyses one frame (grams per sensel, one int each: hosts and tests) into result. The frame is only read: a
        /// dead sensel's reading (health's dead mask) is replaced by the mean of its live neighbours in the analysis's own
        /// list.
        /// </summary>
        public void Analyze(int[] loadGrams, FrameHealth health, ScanAnalysis result)
        {
            if (loadGrams == null || loadGrams.Length != Map.Geometry.SenselCount)
            {
                throw new System.ArgumentException("the frame does not match the mat's geometry", "loadGrams");
            }
            _frame = loadGrams;
            _summed = null;
            Analyze(health, result);
        }

        /// <summary>
        /// Analyses the mean of <paramref name="frames"/> summed frames, given as the list of their loaded sensels and
        /// their summed grams in index order (the still window's sum, <see cref="Session.SessionTracker.WindowSum"/>),
        /// read in place: each sensel's mean is its sum over the frames, rounded. The device's analysis needs no frame of
        /// the whole mat.
        /// </summary>
        public void Analyze(LoadedSensels summed, int frames, FrameHealth health, ScanAnalysis result)
        {
            if (summed == null || summed.Cols != Map.Geometry.Cols || frames < 1)
            {
                throw new System.ArgumentException("the summed frames do not match the mat's geometry", "summed");
            }
            _frame = null;
            _summed = summed;
            _frames = frames;
            Analyze(health, result);
        }

        // The frame being analysed: one int per sensel, or the summed list and how many frames it sums.
        private int[] _frame;
        private LoadedSensels _summed;
        private int _frames;

        // The analysis runs in steps called one after another, each with few locals: on nanoCLR a running call's locals
        // and evaluation stack take heap, and the steps measuring a foot run deepest, below this one.
        private void Analyze(FrameHealth health, ScanAnalysis result)
        {
            int n = Map.Geometry.SenselCount;
            result.Clear();
            byte[] dead = health == null ? null : health.DeadMask;
            if (dead != null && dead.Length != n)
            {
                throw new System.ArgumentException("the dead-sensel mask does not match the mat's geometry", "health");
            }
            _dead = dead;
            // Gathered here, not below FindContact: the lists grow while as few calls as may be are running.
            long activeLoad = Gather();
            _islands.Find((int)IntMath.Max(Settings.MinIslandGrams, activeLoad * Settings.MinIslandPermille / 1000));
            long total = ContactLoad(result);
            QualityIssue issues = QualityIssue.None;
            if (health != null && health.SaturatedCount > 0)
            {
                issues |= QualityIssue.Saturated;
            }
            if (_deadCount * 1000L > (long)n * Settings.MaxDeadPermille || _deadUnderFeet > Settings.MaxDeadUnderFeet)
            {
                issues |= QualityIssue.TooManyDeadSensels;
            }
            if (total < Settings.MinPresenceGrams)
            {
                result.QualityIssues = issues | QualityIssue.NoFoot;
                return;
            }
            issues |= MeasureFeet(total, result);
            if (total < Settings.MinStandingLoadGrams)
            {
                issues |= QualityIssue.TooLight;
            }
            if (total < Settings.MinAdultLoadGrams || IsChildSized(result.Left) || IsChildSized(result.Right))
            {
                issues |= QualityIssue.NotAdultSized;
            }
            if ((issues & (QualityIssue.TooManyDeadSensels | QualityIssue.NotAdultSized)) != 0)
            {
                // Filled-in sensels under a foot make its outline a guess; a child's arch is not an adult's.
                Unclassify(result.Left);
                Unclassify(result.Right);
            }
            ShareLoads(total, result);
            result.QualityIssues = issues;
        }

        /// <summary>
        /// The contact's load (its light islands dropped) and, when a foot is there, its centre of pressure into result;
        /// returns the load, grams.
        /// </summary>
        private long ContactLoad(ScanAnalysis result)
        {
            ContactMap map = Map;
            ushort[] active = map.Active;
            int[] loadGrams = map.LoadGrams;
            long total = 0;
            long momentX = 0;
            long momentY = 0;
            int[] colX = map.ColXMmX10;
            int[] rowY = map.RowYMmX10;
            int cols = map.Geometry.Cols;
            int count = map.ActiveCount;
            for (int k = 0; k < count; k++)
            {
                int index = active[k];
                int grams = loadGrams[k];
                int row = index / cols;
                total += grams;
                momentX += (long)grams * colX[index - row * cols];
                momentY += (long)grams * rowY[row];
            }
            result.TotalLoadGrams = (int)total;
            if (total >= Settings.MinPresenceGrams)
            {
                result.CopXMmX10 = (int)IntMath.DivRound(momentX, total);
                result.CopYMmX10 = (int)IntMath.DivRound(momentY, total);
            }
            return total;
        }

        /// <summary>Tells the feet apart and measures each; returns what the feet say about the scan's quality.</summary>
        private QualityIssue MeasureFeet(long total, ScanAnalysis result)
        {
            ContactMap map = Map;
            int feet = _splitter.Split(total);
            QualityIssue issues = feet < 2 ? QualityIssue.OneFootOnly : QualityIssue.None;
            if (feet == 1)
            {
                map.OneFoot(map.Marks[0] & ContactMap.FootMask);
                return issues | MeasureLoneFoot(result);
            }
            map.GroupByFoot();
            issues |= MeasureFoot(ContactMap.LeftFoot, result.Left);
            return issues | MeasureFoot(ContactMap.RightFoot, result.Right);
        }

        /// <summary>The load's left/right split and the feet's regions' shares of it.</summary>
        private static void ShareLoads(long total, ScanAnalysis result)
        {
            FootMeasures left = result.Left;
            FootMeasures right = result.Right;
            if (left.Present && right.Present)
            {
                result.LoadLeftPctX10 = (int)IntMath.DivRound(left.LoadGrams * 1000L, total);
                result.LoadRightPctX10 = 1000 - result.LoadLeftPctX10;
            }
            // One foot alone gives no left/right split (0 and 0): "one-foot-only" says why, not a 100/0 imbalance.
            left.LoadPctX10 = result.LoadLeftPctX10;
            right.LoadPctX10 = result.LoadRightPctX10;
            long rear = (long)left.LoadGrams * left.RearfootPctX10 + (long)right.LoadGrams * right.RearfootPctX10;
            long mid = (long)left.LoadGrams * left.MidfootPctX10 + (long)right.LoadGrams * right.MidfootPctX10;
            long feetLoad = (long)left.LoadGrams + right.LoadGrams;
            result.RearfootPctX10 = (int)IntMath.DivRound(rear, feetLoad);
            result.MidfootPctX10 = (int)IntMath.DivRound(mid, feetLoad);
            result.ForefootPctX10 = feetLoad > 0 ? 1000 - result.RearfootPctX10 - result.MidfootPctX10 : 0;
        }

        /// <summary>
        /// One foot alone: which half of the mat it stands on is a guess; its own shape says more. Its midfoot contact
        /// lies on its lateral side (the arch lifts the medial), so a foot whose midfoot lies toward +x is a right foot.
        /// </summary>
        private QualityIssue MeasureLoneFoot(ScanAnalysis result)
        {
            ContactMap map = Map;
            int foot = map.Marks[0] & ContactMap.FootMask;
            FootMeasures measures = foot == ContactMap.LeftFoot ? result.Left : result.Right;
            QualityIssue issues = MeasureFoot(foot, measures);
            // Only a clear offset (2 mm and more) overrules the side of the mat.
            long offset = _measurer.MidfootOffsetPlusX;
            bool looksRight = offset > 20;
            bool looksLeft = offset < -20;
            if ((foot == ContactMap.LeftFoot && looksRight) || (foot == ContactMap.RightFoot && looksLeft))
            {
                int other = foot == ContactMap.LeftFoot ? ContactMap.RightFoot : ContactMap.LeftFoot;
                byte[] marks = map.Marks;
                for (int k = 0; k < map.ActiveCount; k++)
                {
                    marks[k] = (byte)((marks[k] & ~ContactMap.FootMask) | other);
                }
                map.LeftEnd = other == ContactMap.LeftFoot ? map.ActiveCount : 0;
                measures.Clear();
                measures = other == ContactMap.LeftFoot ? result.Left : result.Right;
                issues = MeasureFoot(other, measures);
            }
            return issues;
        }

        private QualityIssue MeasureFoot(int foot, FootMeasures measures)
        {
            _measurer.Measure(foot, measures);
            QualityIssue issues = QualityIssue.None;
            if (!measures.Present)
            {
                return issues;
            }
            if (_measurer.AtEdge)
            {
                issues |= QualityIssue.FootAtEdge;
            }
            if (_measurer.Unreliable)
            {
                issues |= QualityIssue.FootprintUnreliable;
            }
            return issues;
        }

        /// <summary>A foot shorter than an adult's; only a classifiable one counts (one cut by the mat's edge only looks short).</summary>
        private bool IsChildSized(FootMeasures foot)
        {
            return foot.Present && foot.LengthMmX10 < Settings.MinAdultFootLengthMm * 10 && foot.Arch != ArchType.Unknown;
        }

        private static void Unclassify(FootMeasures foot)
        {
            foot.Arch = ArchType.Unknown;
            foot.ArchBorderlineWith = ArchType.Unknown;
        }

        private byte[] _dead;
        private int _deadCount;
        private int _deadUnderFeet;

        /// <summary>
        /// The contact into the map's list, in the order of the mat, in one pass: the sensels at or above the contact
        /// load, and the dead sensels whose live neighbours fill them in that high. Returns the contact's load.
        /// </summary>
        private long Gather()
        {
            ContactMap map = Map;
            byte[] dead = _dead;
            int contactGrams = _contactGrams;
            int n = map.Geometry.SenselCount;
            int count = 0;
            long load = 0;
            int deadCount = 0;
            int deadUnderFeet = 0;
            int[] frame = _frame;
            // A summed list sizes the contact's list to its sensels in contact and a few dead ones under the feet (more
            // grow it); a whole frame's grows as it is read.
            map.Start(frame == null ? SummedInContact() + DeadUnderFeetRoom : 0);
            ushort[] active = map.Active;
            int[] loads = map.LoadGrams;
            int capacity = active.Length;
            // One sensel of the frame at a time, in the order of the mat: every sensel of a whole frame; of a summed
            // list, its sensels and the dead ones (never in it: calibration reads them as 0) merged in.
            ushort[] listIndex = frame == null ? _summed.Index : null;
            int[] sums = frame == null ? _summed.Grams : null;
            int listed = frame == null ? _summed.Count : 0;
            int frames = _frames;
            int half = frames / 2;
            int nextDead = frame == null ? NextDead(0) : n;
            int i = 0;
            int p = 0;
            while (true)
            {
                int at;
                int grams;
                bool isDead;
                if (frame != null)
                {
                    if (i == n)
                    {
                        break;
                    }
                    at = i++;
                    grams = frame[at];
                    isDead = dead != null && dead[at] != 0;
                }
                else
                {
                    int listedAt = p < listed ? listIndex[p] : n;
                    isDead = nextDead <= listedAt && nextDead < n;
                    if (isDead)
                    {
                        at = nextDead;
                        nextDead = NextDead(at + 1);
                        // A dead sensel in the list: its reading is not used.
                        p += at == listedAt ? 1 : 0;
                        grams = 0;
                    }
                    else if (p < listed)
                    {
                        at = listedAt;
                        grams = (sums[p++] + half) / frames;
                    }
                    else
                    {
                        break;
                    }
                }
                if (isDead)
                {
                    deadCount++;
                    grams = FillFromNeighbours(at);
                    if (grams < contactGrams)
                    {
                        continue;
                    }
                    deadUnderFeet++;
                }
                else if (grams < contactGrams)
                {
                    continue;
                }
                if (count == capacity)
                {
                    if (!map.Grow(count))
                    {
                        continue;
                    }
                    active = map.Active;
                    loads = map.LoadGrams;
                    capacity = active.Length;
                }
                active[count] = (ushort)at;
                loads[count++] = grams;
                load += grams;
            }
            map.ActiveCount = count;
            map.SetBox();
            // Every place starts Unlabelled.
            System.Array.Clear(map.Marks, 0, count);
            _deadCount = deadCount;
            _deadUnderFeet = deadUnderFeet;
            return load;
        }

        /// <summary>How many sensels of the summed list have a mean at or above the contact load.</summary>
        private int SummedInContact()
        {
            int[] sums = _summed.Grams;
            int listed = _summed.Count;
            // mean = (sum + frames / 2) / frames >= contact exactly when sum >= contact x frames - frames / 2.
            long atLeast = (long)_contactGrams * _frames - _frames / 2;
            int count = 0;
            for (int p = 0; p < listed; p++)
            {
                if (sums[p] >= atLeast)
                {
                    count++;
                }
            }
            return count;
        }

        /// <summary>Room in the list for dead sensels under the feet beyond the summed ones (more than this flag the scan).</summary>
        private const int DeadUnderFeetRoom = 4;

        /// <summary>The first dead sensel at or after <paramref name="from"/>; the mat's sensel count when none is.</summary>
        private int NextDead(int from)
        {
            byte[] dead = _dead;
            int n = Map.Geometry.SenselCount;
            if (dead == null)
            {
                return n;
            }
            while (from < n && dead[from] == 0)
            {
                from++;
            }
            return from;
        }

        /// <summary>A sensel's reading in the frame being analysed, grams (a summed list's mean; 0 for a sensel not in it).</summary>
        private int FrameGrams(int index)
        {
            if (_frame != null)
            {
                return _frame[index];
            }
            ushort[] indices = _summed.Index;
            int low = 0;
            int high = _summed.Count - 1;
            while (low <= high)
            {
                int middle = (low + high) / 2;
                int at = indices[middle];
                if (at == index)
                {
                    return (_summed.Grams[middle] + _frames / 2) / _frames;
                }
                if (at < index)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }
            return 0;
        }

        /// <summary>
        /// The mean load of a dead sensel's live four neighbours (a negative reading counts as 0), so a single dead
        /// sensel leaves no hole.
        /// </summary>
        private int FillFromNeighbours(int index)
        {
            byte[] dead = _dead;
            MatGeometry geometry = Map.Geometry;
            int cols = geometry.Cols;
            int row = index / cols;
            int col = index - row * cols;
            long sum = 0;
            int live = 0;
            if (row > 0 && dead[index - cols] == 0)
            {
                sum += IntMath.Max(0, FrameGrams(index - cols));
                live++;
            }
            if (row < geometry.Rows - 1 && dead[index + cols] == 0)
            {
                sum += IntMath.Max(0, FrameGrams(index + cols));
                live++;
            }
            if (col > 0 && dead[index - 1] == 0)
            {
                sum += IntMath.Max(0, FrameGrams(index - 1));
                live++;
            }
            if (col < cols - 1 && dead[index + 1] == 0)
            {
                sum += IntMath.Max(0, FrameGrams(index + 1));
                live++;
            }
            return live >= 2 ? (int)(sum / live) : 0;
        }
    }
}
