namespace Kiosk.Mat.SelfTest
{
    /// <summary>Thresholds of the mat self-test, in raw 12-bit ADC counts and percent.</summary>
    public sealed class SelfTestLimits
    {
        /// <summary>A reading at or above this is full-scale (95% of 4095): a line shorted to the drive.</summary>
        public int ShortMinRaw = 3890;

        /// <summary>
        /// A reading at or below this is "no signal". The column bias holds an intact line of an empty mat above
        /// it, so a column that reads this low everywhere is cut (open) between the mat and its multiplexer.
        /// </summary>
        public int OpenMaxRaw = 0;

        /// <summary>Share of a line's sensels that must show a fault for the whole line to be reported, percent.</summary>
        public int LinePercent = 75;

        /// <summary>An empty-mat reading at or above this may be a stuck sensel...</summary>
        public int StuckMinRaw = 600;

        /// <summary>...when it is also this far above the median of its neighbours.</summary>
        public int StuckAboveNeighboursRaw = 400;

        /// <summary>
        /// The load test is valid only when the mat's median response (loaded minus empty) reaches this.
        /// </summary>
        public int LoadedMinResponseRaw = 200;

        /// <summary>Under a valid load test, a sensel responding less than this percent of the median is dead.</summary>
        public int DeadResponsePercent = 25;
    }
}
