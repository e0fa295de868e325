namespace Kiosk.Mat.Scanning
{
    /// <summary>Settling allowances of the scan loop, in microseconds. Zero skips the wait (and its call).</summary>
    public sealed class ScanTiming
    {
        /// <summary>
        /// After a row is switched: the row line and the film's capacitance must charge.
        /// </summary>
        public readonly int RowSettleUs;

        /// <summary>
        /// After the multiplexer select lines change: the column line's RC settling dominates
        /// (about 8 us for 10 kohm with 100 pF; the CD74HC4067's own select delay is under 0.4 us).
        /// </summary>
        public readonly int ChannelSettleUs;

        public ScanTiming(int rowSettleUs, int channelSettleUs)
        {
            if (rowSettleUs < 0 || channelSettleUs < 0 || rowSettleUs > 100000 || channelSettleUs > 100000)
            {
                throw new System.ArgumentOutOfRangeException("settleUs", "settling allowances are 0 to 100000 us");
            }
            RowSettleUs = rowSettleUs;
            ChannelSettleUs = channelSettleUs;
        }

        /// <summary>The defaults of DESIGN.md: 10 us after a row switch, 8 us of column RC settling.</summary>
        public static ScanTiming Default()
        {
            return new ScanTiming(10, 8);
        }
    }
}
