namespace Kiosk.Mat.Scanning
{
    /// <summary>
    /// Counts the hardware calls one <see cref="ScanLoop.ScanFrame"/> makes and predicts the frame time and
    /// rate from per-call costs (docs/scan-cost-model.md). The call counts are exact for <see cref="ScanLoop"/>
    /// (the tests compare them with a recording fake); the GPIO-write counts are exact, in steady state
    /// (second and later frames), for <see cref="ShiftRegisterRowDriver"/>, <see cref="GpioRowDriver"/> and
    /// <see cref="MuxColumnReader"/>; the times are only as good as the costs put in.
    /// </summary>
    public sealed class ScanCostModel
    {
        public readonly int Rows;
        public readonly int Cols;
        public readonly int ChannelsPerMux;
        public readonly int ChannelsPerRow;
        public readonly RowDriverKind RowDriverKind;
        public readonly int ShiftRegisterChips;
        public readonly int RowSettleUs;
        public readonly int ChannelSettleUs;

        // Calls into IRowDriver / IColumnReader / IMicrosecondDelay per frame.
        public readonly long RowSelectCalls;
        public readonly long ChannelSelectCalls;
        public readonly long AdcReadCalls;
        public readonly long DelayCalls;
        public readonly long ReleaseCalls;

        // GPIO writes beneath those calls per frame (steady state).
        public readonly long RowGpioWrites;
        public readonly long SelectGpioWrites;

        /// <param name="selectLines">Multiplexer select lines (4 for the CD74HC4067: 16 channels).</param>
        /// <param name="shiftRegisterChips">74HC595s in the chain (ignored for GPIO rows).</param>
        public ScanCostModel(int rows, int cols, int selectLines, ScanTiming timing, RowDriverKind rowDriverKind, int shiftRegisterChips)
        {
            if (rows < 1 || cols < 1 || selectLines < 1 || selectLines > 8 || timing == null)
            {
                throw new System.ArgumentOutOfRangeException("rows/cols/selectLines");
            }
            if (rowDriverKind != RowDriverKind.ShiftRegister && rowDriverKind != RowDriverKind.Gpio)
            {
                throw new System.ArgumentOutOfRangeException("rowDriverKind");
            }
            if (rowDriverKind == RowDriverKind.ShiftRegister && shiftRegisterChips * ShiftRegisterRowDriver.OutputsPerChip < rows)
            {
                throw new System.ArgumentOutOfRangeException("shiftRegisterChips", "the chain needs one output per row");
            }
            Rows = rows;
            Cols = cols;
            ChannelsPerMux = 1 << selectLines;
            RowDriverKind = rowDriverKind;
            ShiftRegisterChips = shiftRegisterChips;
            RowSettleUs = timing.RowSettleUs;
            ChannelSettleUs = timing.ChannelSettleUs;

            int[] order = ScanLoop.UsedChannelsInGrayOrder(ChannelsPerMux, cols);
            ChannelsPerRow = order.Length;

            RowSelectCalls = rows;
            ChannelSelectCalls = (long)rows * ChannelsPerRow;
            AdcReadCalls = (long)rows * cols;
            DelayCalls = (long)rows * ((RowSettleUs > 0 ? 1 : 0) + (ChannelSettleUs > 0 ? ChannelsPerRow : 0));
            ReleaseCalls = 1;

            RowGpioWrites = rowDriverKind == RowDriverKind.Gpio
                ? GpioRowWritesPerFrame(rows)
                : ShiftRegisterWritesPerFrame(rows, shiftRegisterChips * ShiftRegisterRowDriver.OutputsPerChip);
            SelectGpioWrites = (long)rows * SelectLineChangesPerRow(order);
        }

        public long TotalHardwareCalls
        {
            get { return RowSelectCalls + ChannelSelectCalls + AdcReadCalls + DelayCalls + ReleaseCalls; }
        }

        public long TotalGpioWrites { get { return RowGpioWrites + SelectGpioWrites; } }

        /// <summary>Microseconds spent waiting for lines to settle per frame.</summary>
        public long SettleUsPerFrame
        {
            get { return RowSelectCalls * RowSettleUs + ChannelSelectCalls * ChannelSettleUs; }
        }

        /// <summary>Predicted time of one frame's scan, in nanoseconds.</summary>
        public long FrameTimeNs(ScanCallCosts costs)
        {
            long ns = TotalHardwareCalls * costs.ManagedCallNs;
            ns += TotalGpioWrites * costs.GpioWriteNs;
            ns += AdcReadCalls * costs.AdcReadNs;
            ns += SettleUsPerFrame * 1000;
            return ns;
        }

        /// <summary>Predicted frame rate in millihertz (7.9 Hz = 7900), scan plus <paramref name="transmitNsPerFrame"/>.</summary>
        public long FrameRateMilliHz(ScanCallCosts costs, long transmitNsPerFrame)
        {
            long ns = FrameTimeNs(costs) + transmitNsPerFrame;
            return ns <= 0 ? 0 : 1000000000000L / ns;
        }

        /// <summary>Time to send <paramref name="bytes"/> over a UART, 8N1 (10 bits per byte).</summary>
        public static long SerialTransmitNs(int bytes, int baud)
        {
            return (long)bytes * 10 * 1000000000L / baud;
        }

        /// <summary>Time to send <paramref name="bytes"/> over a link of the given net throughput (bits per second).</summary>
        public static long LinkTransmitNs(int bytes, int bitsPerSecond)
        {
            return (long)bytes * 8 * 1000000000L / bitsPerSecond;
        }

        /// <summary>A raw frame: 2 bytes per sensel.</summary>
        public static int RawFrameBytes(int rows, int cols)
        {
            return rows * cols * 2;
        }

        /// <summary>A sparse frame: a header plus (index, value) per loaded sensel, 2 + 2 bytes each.</summary>
        public static int SparseFrameBytes(int activeSensels, int headerBytes)
        {
            return headerBytes + activeSensels * 4;
        }

        // GpioRowDriver: SelectRow(0) from all-low writes 1 pin; each later row 2 (old low, new high);
        // ReleaseAll writes every pin low.
        // GpioRowDriver once its levels are known: row 0 up, then one down and one up per row, and the last row down.
        private static long GpioRowWritesPerFrame(int rows)
        {
            return 1 + 2L * (rows - 1) + 1;
        }

        // ShiftRegisterRowDriver after the previous frame's ReleaseAll (data line low):
        // row 0: full rewrite, 2 clock writes per output, data up once, latch 2;
        // row 1: one shifted 0 with the data line falling: 1 + 2 + 2; rows 2..: 2 + 2;
        // ReleaseAll: every output shifted 0, latch 2.
        private static long ShiftRegisterWritesPerFrame(int rows, int outputs)
        {
            long writes = 2L * outputs + 1 + 2;
            if (rows > 1)
            {
                writes += 5 + 4L * (rows - 2);
            }
            writes += 2L * outputs + 2;
            return writes;
        }

        // Select lines that change from channel to channel through one row, including from the last channel of
        // the previous row back to the first (MuxColumnReader writes only lines that change).
        private static int SelectLineChangesPerRow(int[] order)
        {
            if (order.Length == 1)
            {
                return 0;
            }
            int changes = 0;
            for (int i = 0; i < order.Length; i++)
            {
                int previous = order[i == 0 ? order.Length - 1 : i - 1];
                changes += BitCount(previous ^ order[i]);
            }
            return changes;
        }

        private static int BitCount(int value)
        {
            int count = 0;
            while (value != 0)
            {
                value &= value - 1;
                count++;
            }
            return count;
        }
    }
}
