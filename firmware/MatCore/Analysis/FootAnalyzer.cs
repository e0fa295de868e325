using Kiosk.Mat.Arithmetic;
using Kiosk.Mat.Geometry;

namespace Kiosk.Mat.Analysis
{
    /// <summary>
    /// The full analysis of one (summed) frame, run once per scan: contact, islands, left and right foot, each
    /// foot's measures, the whole body's shares and the scan's quality. Buffers are allocated once per mat, and
    /// the result object is refilled, so analysing allocates nothing.
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
        /// Analyses one frame (grams per sensel) into result. The frame is read in place, not copied: only a dead
        /// sensel's reading (health's dead mask) is replaced by the mean of its live neighbours, so pass a frame the
        /// analysis may write there.
        /// </summary>
        public void Analyze(int[] loadGrams, FrameHealth health, ScanAnalysis result)
        {
            ContactMap map = Map;
            int n = map.Geometry.SenselCount;
            if (loadGrams == null || loadGrams.Length != n)
            {
                throw new System.ArgumentException("the frame does not match the mat's geometry", "loadGrams");
            }
            result.Clear();
            byte[] dead = health == null ? null : health.DeadMask;
            if (dead != null && dead.Length != n)
            {
                throw new System.ArgumentException("the dead-sensel mask does not match the mat's geometry", "health");
            }
            ushort[] active = map.Active;
            byte[] marks = map.Marks;
            // Marks are only ever set on sensels in contact: clear the last analysis's.
            for (int k = 0; k < map.ActiveCount; k++)
            {
                marks[active[k]] = 0;
            }
            map.LoadGrams = loadGrams;
            int contactGrams = _contactGrams;
            int count = 0;
            long activeLoad = 0;
            for (int i = 0; i < n; i++)
            {
                int grams = loadGrams[i];
                // A dead sensel's reading is replaced below; it joins the contact then.
                if (grams >= contactGrams && (dead == null || dead[i] == 0))
                {
                    marks[i] = ContactMap.Unlabelled;
                    active[count++] = (ushort)i;
                    activeLoad += grams;
                }
            }
            map.ActiveCount = count;
            int deadCount = 0;
            int deadUnderFeet = 0;
            if (dead != null)
            {
                for (int i = 0; i < n; i++)
                {
                    if (dead[i] != 0)
                    {
                        deadCount++;
                        int filled = FillFromNeighbours(i, dead);
                        if (filled >= contactGrams)
                        {
                            deadUnderFeet++;
                            AddToContact(i);
                            activeLoad += filled;
                        }
                    }
                }
            }

            _islands.Find((int)IntMath.Max(Settings.MinIslandGrams, activeLoad * Settings.MinIslandPermille / 1000));

            long total = 0;
            long momentX = 0;
            long momentY = 0;
            int[] colX = map.ColXMmX10;
            int[] rowY = map.RowYMmX10;
            int cols = map.Geometry.Cols;
            count = map.ActiveCount;
            for (int k = 0; k < count; k++)
            {
                int index = active[k];
                int grams = loadGrams[index];
                int row = index / cols;
                total += grams;
                momentX += (long)grams * colX[index - row * cols];
                momentY += (long)grams * rowY[row];
            }
            result.TotalLoadGrams = (int)total;
            QualityIssue issues = QualityIssue.None;
            if (health != null && health.SaturatedCount > 0)
            {
                issues |= QualityIssue.Saturated;
            }
            if (deadCount * 1000L > (long)n * Settings.MaxDeadPermille || deadUnderFeet > Settings.MaxDeadUnderFeet)
            {
                issues |= QualityIssue.TooManyDeadSensels;
            }
            if (total < Settings.MinPresenceGrams)
            {
                result.QualityIssues = issues | QualityIssue.NoFoot;
                return;
            }
            result.CopXMmX10 = (int)IntMath.DivRound(momentX, total);
            result.CopYMmX10 = (int)IntMath.DivRound(momentY, total);

            int feet = _splitter.Split(total);
            if (feet < 2)
            {
                issues |= QualityIssue.OneFootOnly;
            }
            if (feet == 1)
            {
                map.LeftEnd = map.FootOf(active[0]) == ContactMap.LeftFoot ? map.ActiveCount : 0;
                issues |= MeasureLoneFoot(result);
            }
            else
            {
                map.GroupByFoot();
                issues |= MeasureFoot(ContactMap.LeftFoot, result.Left);
                issues |= MeasureFoot(ContactMap.RightFoot, result.Right);
            }
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

            if (result.Left.Present && result.Right.Present)
            {
                result.LoadLeftPctX10 = (int)IntMath.DivRound(result.Left.LoadGrams * 1000L, total);
                result.LoadRightPctX10 = 1000 - result.LoadLeftPctX10;
            }
            // One foot alone gives no left/right split (0 and 0): "one-foot-only" says why, not a 100/0 imbalance.
            result.Left.LoadPctX10 = result.LoadLeftPctX10;
            result.Right.LoadPctX10 = result.LoadRightPctX10;
            long rear = (long)result.Left.LoadGrams * result.Left.RearfootPctX10 + (long)result.Right.LoadGrams * result.Right.RearfootPctX10;
            long mid = (long)result.Left.LoadGrams * result.Left.MidfootPctX10 + (long)result.Right.LoadGrams * result.Right.MidfootPctX10;
            long feetLoad = (long)result.Left.LoadGrams + result.Right.LoadGrams;
            result.RearfootPctX10 = (int)IntMath.DivRound(rear, feetLoad);
            result.MidfootPctX10 = (int)IntMath.DivRound(mid, feetLoad);
            result.ForefootPctX10 = feetLoad > 0 ? 1000 - result.RearfootPctX10 - result.MidfootPctX10 : 0;
            result.QualityIssues = issues;
        }

        /// <summary>
        /// One foot alone: which half of the mat it stands on is a guess; its own shape says more. Its midfoot contact
        /// lies on its lateral side (the arch lifts the medial), so a foot whose midfoot lies toward +x is a right foot.
        /// </summary>
        private QualityIssue MeasureLoneFoot(ScanAnalysis result)
        {
            ContactMap map = Map;
            int foot = map.FootOf(map.Active[0]);
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
                    int index = map.Active[k];
                    marks[index] = (byte)((marks[index] & ~ContactMap.FootMask) | other);
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

        /// <summary>Puts a sensel into the contact, keeping <see cref="ContactMap.Active"/> in the order of the mat.</summary>
        private void AddToContact(int index)
        {
            ContactMap map = Map;
            ushort[] active = map.Active;
            int k = map.ActiveCount;
            while (k > 0 && active[k - 1] > index)
            {
                active[k] = active[k - 1];
                k--;
            }
            active[k] = (ushort)index;
            map.ActiveCount++;
            map.Marks[index] = ContactMap.Unlabelled;
        }

        /// <summary>
        /// Gives a dead sensel the mean load of its live four neighbours (a negative reading counts as 0), so a single
        /// dead sensel leaves no hole; writes it into the frame.
        /// </summary>
        private int FillFromNeighbours(int index, byte[] dead)
        {
            ContactMap map = Map;
            int[] load = map.LoadGrams;
            int cols = map.Geometry.Cols;
            int row = index / cols;
            int col = index - row * cols;
            long sum = 0;
            int live = 0;
            if (row > 0 && dead[index - cols] == 0)
            {
                sum += IntMath.Max(0, load[index - cols]);
                live++;
            }
            if (row < map.Geometry.Rows - 1 && dead[index + cols] == 0)
            {
                sum += IntMath.Max(0, load[index + cols]);
                live++;
            }
            if (col > 0 && dead[index - 1] == 0)
            {
                sum += IntMath.Max(0, load[index - 1]);
                live++;
            }
            if (col < cols - 1 && dead[index + 1] == 0)
            {
                sum += IntMath.Max(0, load[index + 1]);
                live++;
            }
            int filled = live >= 2 ? (int)(sum / live) : 0;
            load[index] = filled;
            return filled;
        }
    }
}
