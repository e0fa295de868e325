namespace Kiosk.Mat.Analysis
{
    /// <summary>
    /// The result of one scan: both feet, the whole-body shares, quality, and the sway the session
    /// tracker measured over the still window. Allocated once and refilled, so a scan allocates nothing.
    /// </summary>
    public sealed class ScanAnalysis
    {
        public readonly FootMeasures Left = new FootMeasures();
        public readonly FootMeasures Right = new FootMeasures();

        /// <summary>Bit flags of <see cref="QualityIssue"/>; 0 means the scan is trustworthy.</summary>
        public QualityIssue QualityIssues;

        public int TotalLoadGrams;
        public int LoadLeftPctX10;
        public int LoadRightPctX10;

        /// <summary>
        /// Rearfoot, midfoot and forefoot (toes included) shares of the total load (both feet), percent x 10, by the
        /// anatomical regions of <see cref="FootMeasures"/>.
        /// </summary>
        public int RearfootPctX10;
        public int MidfootPctX10;
        public int ForefootPctX10;

        public int CopXMmX10;
        public int CopYMmX10;

        /// <summary>Centre-of-pressure path length over the still window, mm x 10 (0 when not measured).</summary>
        public int SwayPathMmX10;

        /// <summary>Steadiness during the scan: 95% prediction ellipse of the centre of pressure over the still window, mm2 (<see cref="SwayEllipse"/>).</summary>
        public int SwayEllipseMm2;

        /// <summary>How many frames were summed for this analysis, and over how long.</summary>
        public int FrameCount;
        public int WindowMs;

        public bool QualityOk { get { return QualityIssues == QualityIssue.None; } }

        public bool Has(QualityIssue issue)
        {
            return (QualityIssues & issue) != 0;
        }

        /// <summary>
        /// Back to a fresh ScanAnalysis's values, field by field: a static cleared instance to copy from would stay on the
        /// device's heap for its whole life (tests/MatCore.Tests ResultClearTests checks that no field is forgotten).
        /// </summary>
        public void Clear()
        {
            Left.Clear();
            Right.Clear();
            QualityIssues = QualityIssue.None;
            TotalLoadGrams = LoadLeftPctX10 = LoadRightPctX10 = 0;
            RearfootPctX10 = MidfootPctX10 = ForefootPctX10 = 0;
            CopXMmX10 = CopYMmX10 = SwayPathMmX10 = SwayEllipseMm2 = 0;
            FrameCount = WindowMs = 0;
        }

        public void CopyFrom(ScanAnalysis other)
        {
            Left.CopyFrom(other.Left);
            Right.CopyFrom(other.Right);
            QualityIssues = other.QualityIssues;
            TotalLoadGrams = other.TotalLoadGrams;
            LoadLeftPctX10 = other.LoadLeftPctX10;
            LoadRightPctX10 = other.LoadRightPctX10;
            RearfootPctX10 = other.RearfootPctX10;
            MidfootPctX10 = other.MidfootPctX10;
            ForefootPctX10 = other.ForefootPctX10;
            CopXMmX10 = other.CopXMmX10;
            CopYMmX10 = other.CopYMmX10;
            SwayPathMmX10 = other.SwayPathMmX10;
            SwayEllipseMm2 = other.SwayEllipseMm2;
            FrameCount = other.FrameCount;
            WindowMs = other.WindowMs;
        }
    }
}
