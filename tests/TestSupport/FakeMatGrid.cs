// A fake mat for the scan loop's tests, on the host (xunit, BenchmarkDotNet) and on a board
// (firmware/MatCore.DeviceTests links this file), so it keeps to the nanoFramework subset:
// no generics, no LINQ, no allocation after construction.
#nullable disable
using Kiosk.Mat.Scanning;

namespace Kiosk.Mat.Testing
{
    /// <summary>
    /// An in-memory sensor grid behind the scan loop's three seams. <see cref="Adc"/> holds what the ADC reads
    /// for each sensel (index row * Cols + col) when its row is driven and its multiplexer channel selected;
    /// the fault helpers change it the way a broken mat would. Every call is counted, and every read checks
    /// that exactly one row is driven (all others grounded) and that the multiplexer has settled.
    /// </summary>
    public sealed class FakeMatGrid : IRowDriver, IColumnReader, IMicrosecondDelay
    {
        public const int FullScale = 4095;

        public readonly int Rows;
        public readonly int Cols;
        public readonly ushort[] Adc;

        private readonly int _muxCount;
        private readonly int _channelsPerMux;
        private readonly int _requiredSettleUs;
        private int _drivenCount;
        private int _drivenRow = -1;
        private int _channel = -1;
        private int _settledUs;

        public int RowSelectCalls;
        public int ChannelSelectCalls;
        public int ReadCalls;
        public int DelayCalls;
        public int ReleaseCalls;
        public long DelayedUs;

        /// <summary>Reads while not exactly one row was driven: a grounding failure of the loop.</summary>
        public int ReadsWithoutOneDrivenRow;

        /// <summary>Reads of a channel that carries no column, or before any channel was selected.</summary>
        public int ReadsOfNoColumn;

        /// <summary>Reads made before the channel had settled for the required time.</summary>
        public int UnsettledReads;

        public FakeMatGrid(int rows, int cols, int channelsPerMux, int requiredSettleUs)
        {
            Rows = rows;
            Cols = cols;
            _channelsPerMux = channelsPerMux;
            _muxCount = (cols + channelsPerMux - 1) / channelsPerMux;
            _requiredSettleUs = requiredSettleUs;
            Adc = new ushort[rows * cols];
        }

        public int RowCount { get { return Rows; } }

        public int MuxCount { get { return _muxCount; } }

        public int ChannelsPerMux { get { return _channelsPerMux; } }

        /// <summary>How many rows are driven now (the loop must leave none when a frame ends).</summary>
        public int DrivenRowCount { get { return _drivenCount; } }

        /// <summary>A distinct, reproducible value per sensel: tells a misplaced reading from a right one.</summary>
        public static ushort PatternValue(int row, int col)
        {
            return (ushort)((row * 67 + col * 13 + 1) % (FullScale + 1));
        }

        public void FillPattern()
        {
            for (int row = 0; row < Rows; row++)
            {
                for (int col = 0; col < Cols; col++)
                {
                    Adc[row * Cols + col] = PatternValue(row, col);
                }
            }
        }

        /// <summary>An empty mat: every sensel at the column bias level, with a little deterministic noise.</summary>
        public void FillEmpty(int baseline, int noise)
        {
            for (int i = 0; i < Adc.Length; i++)
            {
                Adc[i] = (ushort)(baseline + (noise == 0 ? 0 : (i * 7919) % (noise + 1)));
            }
        }

        public void ShortRow(int row)
        {
            for (int col = 0; col < Cols; col++)
            {
                Adc[row * Cols + col] = FullScale;
            }
        }

        public void ShortColumn(int col)
        {
            for (int row = 0; row < Rows; row++)
            {
                Adc[row * Cols + col] = FullScale;
            }
        }

        public void OpenColumn(int col)
        {
            for (int row = 0; row < Rows; row++)
            {
                Adc[row * Cols + col] = 0;
            }
        }

        /// <summary>An open row never gets its drive: its sensels read like the empty mat whatever the load.</summary>
        public void OpenRow(int row, ushort[] emptyLevels)
        {
            for (int col = 0; col < Cols; col++)
            {
                Adc[row * Cols + col] = emptyLevels[row * Cols + col];
            }
        }

        public void SetSensel(int row, int col, int raw)
        {
            Adc[row * Cols + col] = (ushort)raw;
        }

        public void ResetCounts()
        {
            RowSelectCalls = 0;
            ChannelSelectCalls = 0;
            ReadCalls = 0;
            DelayCalls = 0;
            ReleaseCalls = 0;
            DelayedUs = 0;
            ReadsWithoutOneDrivenRow = 0;
            ReadsOfNoColumn = 0;
            UnsettledReads = 0;
        }

        public int TotalCalls
        {
            get { return RowSelectCalls + ChannelSelectCalls + ReadCalls + DelayCalls + ReleaseCalls; }
        }

        public void SelectRow(int row)
        {
            RowSelectCalls++;
            // The driver's contract: this row driven, every other row grounded.
            _drivenCount = 1;
            _drivenRow = row;
        }

        public void ReleaseAll()
        {
            ReleaseCalls++;
            _drivenCount = 0;
            _drivenRow = -1;
        }

        public void SelectChannel(int channel)
        {
            ChannelSelectCalls++;
            _channel = channel;
            _settledUs = 0;
        }

        public void Wait(int microseconds)
        {
            DelayCalls++;
            DelayedUs += microseconds;
            _settledUs += microseconds;
        }

        public int ReadMux(int mux)
        {
            ReadCalls++;
            if (_drivenCount != 1)
            {
                ReadsWithoutOneDrivenRow++;
                return 0;
            }
            if (_settledUs < _requiredSettleUs)
            {
                UnsettledReads++;
            }
            int col = mux * _channelsPerMux + _channel;
            if (_channel < 0 || col >= Cols)
            {
                ReadsOfNoColumn++;
                return 0;
            }
            return Adc[_drivenRow * Cols + col];
        }
    }
}
