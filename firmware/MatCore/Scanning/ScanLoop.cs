using Kiosk.Mat.Geometry;

namespace Kiosk.Mat.Scanning
{
    /// <summary>
    /// Scans the whole mat into one raw frame (12-bit ADC counts, index row * Cols + col) that is allocated
    /// once and refilled by every <see cref="ScanFrame"/>: no allocation per frame.
    ///
    /// Loop order, chosen to make the fewest calls into hardware (docs/scan-cost-model.md):
    /// <code>
    /// for each row:                  SelectRow(row), wait RowSettleUs
    ///   for each mux channel:        SelectChannel(channel), wait ChannelSettleUs   (shared select lines: once for all muxes)
    ///     for each multiplexer:      ReadMux(mux) -> frame[row * Cols + mux * ChannelsPerMux + channel]
    /// ReleaseAll()
    /// </code>
    /// Channels are visited in Gray-code order (0, 1, 3, 2, 6, ...), so from one channel to the next, and from
    /// the last channel of a row to the first of the next, exactly one select line changes; a column reader
    /// that writes only changed lines then makes one GPIO write per channel.
    /// </summary>
    public sealed class ScanLoop
    {
        private readonly IRowDriver _rows;
        private readonly IColumnReader _columns;
        private readonly IMicrosecondDelay _delay;
        private readonly int _rowCount;
        private readonly int _colCount;
        private readonly int _channelsPerMux;
        private readonly int _rowSettleUs;
        private readonly int _channelSettleUs;

        // The channels this mat uses, in visiting order, and how many multiplexers carry a column on each.
        private readonly int[] _channelOrder;
        private readonly int[] _muxesOnChannel;

        private readonly ushort[] _frame;
        private int _framesScanned;

        /// <summary>
        /// Each column's readings summed by the last <see cref="ScanFrame"/> while <see cref="SumColumns"/> is set: the
        /// crosstalk compensation needs them, and adding during the scan saves it a pass over the frame.
        /// </summary>
        public readonly long[] ColumnSums;

        /// <summary>Sum each column's readings into <see cref="ColumnSums"/> during the scan.</summary>
        public bool SumColumns;

        public ScanLoop(MatGeometry geometry, IRowDriver rows, IColumnReader columns, IMicrosecondDelay delay, ScanTiming timing)
        {
            if (geometry == null || rows == null || columns == null || delay == null || timing == null)
            {
                throw new System.ArgumentNullException("geometry/rows/columns/delay/timing");
            }
            if (rows.RowCount < geometry.Rows)
            {
                throw new System.ArgumentException("the row driver reaches fewer rows than the mat has", "rows");
            }
            if (columns.ChannelsPerMux < 1 || columns.MuxCount * columns.ChannelsPerMux < geometry.Cols)
            {
                throw new System.ArgumentException("the multiplexers carry fewer columns than the mat has", "columns");
            }

            _rows = rows;
            _columns = columns;
            _delay = delay;
            _rowCount = geometry.Rows;
            _colCount = geometry.Cols;
            _channelsPerMux = columns.ChannelsPerMux;
            _rowSettleUs = timing.RowSettleUs;
            _channelSettleUs = timing.ChannelSettleUs;

            _channelOrder = UsedChannelsInGrayOrder(_channelsPerMux, _colCount);
            _muxesOnChannel = new int[_channelsPerMux];
            for (int channel = 0; channel < _channelsPerMux; channel++)
            {
                _muxesOnChannel[channel] = MuxesCarrying(channel, _channelsPerMux, _colCount);
            }
            _frame = new ushort[geometry.SenselCount];
            ColumnSums = new long[_colCount];
        }

        /// <summary>The mat's columns (a frame's row length).</summary>
        public int Cols { get { return _colCount; } }

        /// <summary>
        /// The raw frame the last <see cref="ScanFrame"/> filled. The same array every time. The device reads it only in
        /// the tick that scanned it, up to the calibration, and its commands scan their own (<see cref="Device.MatDevice"/>):
        /// from the tracker's step on, through the analysis and until the next scan, it holds nothing the device needs
        /// (the ESP32 app's screen shows it between ticks: an analysis that borrowed it would show there for one tick).
        /// </summary>
        public ushort[] Frame { get { return _frame; } }

        public int FramesScanned { get { return _framesScanned; } }

        /// <summary>Channels visited per row (16 for any mat of 16 columns or more on CD74HC4067s).</summary>
        public int ChannelsPerRow { get { return _channelOrder.Length; } }

        /// <summary>Scans every sensel once into <see cref="Frame"/> and returns it.</summary>
        public ushort[] ScanFrame()
        {
            ushort[] frame = _frame;
            int[] channelOrder = _channelOrder;
            int[] muxesOnChannel = _muxesOnChannel;
            int channelsPerMux = _channelsPerMux;
            long[] sums = SumColumns ? ColumnSums : null;
            if (sums != null)
            {
                for (int col = 0; col < sums.Length; col++)
                {
                    sums[col] = 0;
                }
            }

            for (int row = 0; row < _rowCount; row++)
            {
                _rows.SelectRow(row);
                if (_rowSettleUs > 0)
                {
                    _delay.Wait(_rowSettleUs);
                }

                int rowBase = row * _colCount;
                for (int i = 0; i < channelOrder.Length; i++)
                {
                    int channel = channelOrder[i];
                    _columns.SelectChannel(channel);
                    if (_channelSettleUs > 0)
                    {
                        _delay.Wait(_channelSettleUs);
                    }

                    int muxes = muxesOnChannel[channel];
                    int index = rowBase + channel;
                    for (int mux = 0; mux < muxes; mux++)
                    {
                        ushort reading = ToRaw(_columns.ReadMux(mux));
                        frame[index] = reading;
                        if (sums != null)
                        {
                            sums[index - rowBase] += reading;
                        }
                        index += channelsPerMux;
                    }
                }
            }
            _rows.ReleaseAll();
            _framesScanned++;
            return frame;
        }

        private static ushort ToRaw(int adcCounts)
        {
            if (adcCounts < 0)
            {
                return 0;
            }
            return adcCounts > 0xFFFF ? (ushort)0xFFFF : (ushort)adcCounts;
        }

        /// <summary>
        /// The channels that carry at least one column, in reflected Gray-code order, so consecutive channels
        /// differ in one select line (the sequence is cyclic when all 2^n channels are used).
        /// </summary>
        public static int[] UsedChannelsInGrayOrder(int channelsPerMux, int cols)
        {
            int used = cols < channelsPerMux ? cols : channelsPerMux;
            int span = 1;
            while (span < channelsPerMux)
            {
                span <<= 1;
            }
            int[] order = new int[used];
            int count = 0;
            for (int i = 0; i < span && count < used; i++)
            {
                int gray = i ^ (i >> 1);
                if (gray < used)
                {
                    order[count++] = gray;
                }
            }
            return order;
        }

        /// <summary>How many multiplexers have a column on <paramref name="channel"/>.</summary>
        public static int MuxesCarrying(int channel, int channelsPerMux, int cols)
        {
            if (channel >= cols)
            {
                return 0;
            }
            return (cols - channel + channelsPerMux - 1) / channelsPerMux;
        }
    }
}
