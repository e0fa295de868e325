namespace Kiosk.Mat.Analysis
{
    /// <summary>Thresholds of the foot analysis; the defaults suit an adult standing on a 5-10 mm mat.</summary>
    public sealed class AnalysisSettings
    {
        /// <summary>
        /// A sensel counts as in contact above this pressure, Pa. Low, because a thin midfoot strip covers only part
        /// of a coarse mat's sensel and its mean pressure there is a fraction of the strip's own.
        /// </summary>
        public int ContactThresholdPa = 2000;

        /// <summary>...and above this load, grams, whatever the pitch: the calibrated noise floor of one sensel.</summary>
        public int MinContactGrams = 10;

        /// <summary>An island of contact lighter than this is noise, not a toe, grams...</summary>
        public int MinIslandGrams = 40;

        /// <summary>...or lighter than this share of the whole load, per thousand (a toe carries more; noise clusters less).</summary>
        public int MinIslandPermille = 3;

        /// <summary>Less than this on the mat is not a standing adult, grams ("too light").</summary>
        public int MinStandingLoadGrams = 30000;

        /// <summary>Less than this on the mat is nobody at all, grams.</summary>
        public int MinPresenceGrams = 2000;

        /// <summary>More dead sensels than this, per thousand, make the scan unreliable.</summary>
        public int MaxDeadPermille = 20;

        /// <summary>Dead sensels under the feet (filled in from neighbours) tolerated before the scan is unreliable.</summary>
        public int MaxDeadUnderFeet = 2;

        /// <summary>Cavanagh and Rodgers (1987): high arch at or below 0.21, low (flat) at or above 0.26; x 1000.</summary>
        public int HighArchMaxX1000 = 210;
        public int LowArchMinX1000 = 260;

        /// <summary>
        /// Half-width of the borderline band around each threshold, x 1000: an index this close to a threshold could
        /// read on the other side of it on another mat (docs/foot-analysis.md, "Borderline band").
        /// </summary>
        public int BorderlineBandX1000 = 15;

        /// <summary>A toeless footprint shorter than this cannot be classified, mm.</summary>
        public int MinToelessLengthMm = 90;

        /// <summary>
        /// The arch thresholds are adults' (Cavanagh and Rodgers measured adults): less load than this on the mat, or a
        /// foot shorter than <see cref="MinAdultFootLengthMm"/>, is a child's scan and its arch is not classified.
        /// </summary>
        public int MinAdultLoadGrams = 25000;
        public int MinAdultFootLengthMm = 200;

        public ArchType Classify(int archIndexX1000)
        {
            if (archIndexX1000 <= HighArchMaxX1000)
            {
                return ArchType.High;
            }
            return archIndexX1000 >= LowArchMinX1000 ? ArchType.Low : ArchType.Normal;
        }

        /// <summary>The class on the other side of the nearest threshold when the index lies within the borderline band of it; Unknown otherwise.</summary>
        public ArchType BorderlineWith(int archIndexX1000)
        {
            int band = BorderlineBandX1000;
            if (archIndexX1000 <= HighArchMaxX1000)
            {
                return HighArchMaxX1000 - archIndexX1000 < band ? ArchType.Normal : ArchType.Unknown;
            }
            if (archIndexX1000 >= LowArchMinX1000)
            {
                return archIndexX1000 - LowArchMinX1000 < band ? ArchType.Normal : ArchType.Unknown;
            }
            int toHigh = archIndexX1000 - HighArchMaxX1000;
            int toLow = LowArchMinX1000 - archIndexX1000;
            if (toHigh <= toLow)
            {
                return toHigh < band ? ArchType.High : ArchType.Unknown;
            }
            return toLow < band ? ArchType.Low : ArchType.Unknown;
        }
    }
}
