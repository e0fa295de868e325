namespace Kiosk.Mat.SelfTest
{
    /// <summary>
    /// The values of the self-test's per-sensel mask. The mask stays a byte[] (index row * Cols + col; one byte a
    /// sensel on the device's heap, sent as is in the SenselMap): store <c>(byte)status</c>, read
    /// <c>(SenselStatus)mask[i]</c>. Calibration treats every non-zero entry as a sensel to leave out (and to fill
    /// from its neighbours). The values are wire codes: never renumber.
    /// </summary>
    public enum SenselStatus : byte
    {
        Ok = 0,

        /// <summary>Reads high on an empty mat, far above its neighbours.</summary>
        Stuck = 1,

        /// <summary>Does not respond to load while its neighbours do.</summary>
        Dead = 2,

        /// <summary>On a row or column that is open (cut).</summary>
        OnOpenLine = 3,

        /// <summary>On a row or column that is shorted (reads full-scale).</summary>
        OnShortedLine = 4,

        /// <summary>The largest code; the protocol refuses a sensel map with any other.</summary>
        Max = OnShortedLine,
    }

    /// <summary>What is wrong with a whole row or column.</summary>
    public enum LineFault : byte
    {
        None = 0,
        Open = 1,
        Shorted = 2,
    }
}
