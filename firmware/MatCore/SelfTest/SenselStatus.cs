namespace Kiosk.Mat.SelfTest
{
    /// <summary>
    /// The values of the self-test's per-sensel mask (byte[], index row * Cols + col). Calibration treats every
    /// non-zero entry as a sensel to leave out (and to fill from its neighbours).
    /// </summary>
    public static class SenselStatus
    {
        public const byte Ok = 0;

        /// <summary>Reads high on an empty mat, far above its neighbours.</summary>
        public const byte Stuck = 1;

        /// <summary>Does not respond to load while its neighbours do.</summary>
        public const byte Dead = 2;

        /// <summary>On a row or column that is open (cut).</summary>
        public const byte OnOpenLine = 3;

        /// <summary>On a row or column that is shorted (reads full-scale).</summary>
        public const byte OnShortedLine = 4;

        /// <summary>The largest code; the protocol refuses a sensel map with any other.</summary>
        public const byte Max = OnShortedLine;
    }

    /// <summary>What is wrong with a whole row or column.</summary>
    public enum LineFault : byte
    {
        None = 0,
        Open = 1,
        Shorted = 2,
    }
}
