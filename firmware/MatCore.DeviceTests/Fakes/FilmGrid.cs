using Kiosk.Mat.Calibration;
using Kiosk.Mat.Scanning;

namespace Kiosk.Mat.DeviceTests.Fakes
{
    /// <summary>
    /// A mat on the bench behind the scan loop's three seams, reading as the film and its readout would: each loaded
    /// sensel follows the conductance law, lowered by the crosstalk of the other loaded sensels of its column (rows
    /// grounded, the model <see cref="CrosstalkCompensation"/> undoes); unloaded sensels read the empty mat's small
    /// bias. Feet come as pairs of sensel index and grams in index order, each scaled by a share in parts per million.
    /// It holds no reading per sensel (that heap is the device's to spend): <see cref="Show"/> sums each column's
    /// conductance, and selecting a row works out that row's readings from the feet's pairs of that row. Integer
    /// arithmetic, no allocation after construction: it runs in nanoCLR beside the device code it feeds.
    /// </summary>
    public sealed class FilmGrid : IRowDriver, IColumnReader, IMicrosecondDelay
    {
        /// <summary>What an unloaded sensel reads: the film's leakage through the divider (about 11 counts at 5 Mohm / 10 kohm).</summary>
        public const int EmptyRaw = 11;

        private const int ChannelsPerMuxOnBoard = 16;
        private const int ConductanceShift = 20;
        private const long WholeDrive = ConductanceLaw.AdcMax * 1000L;
        private const long NoScan = -1;

        private readonly int _rows;
        private readonly int _cols;
        private readonly ConductanceLaw _law;
        private readonly long _fullScalePermille;
        private readonly bool _crosstalk;
        private readonly long _emptyConductance;
        // Per column: its summed conductance plus the read path's (the shunt), and what an unloaded sensel of it reads.
        private readonly long[] _columnShunt;
        private readonly ushort[] _columnEmpty;
        private readonly ushort[] _rowReadings;

        private ushort[] _leftFoot;
        private ushort[] _rightFoot;
        private int _leftPpm;
        private int _rightPpm;
        private int _leftAt;
        private int _rightAt;
        private int _channel;
        private int _lastRow = int.MaxValue;
        private long _scanStartTicks = NoScan;

        /// <summary>
        /// Time the rows were driven, 100 ns ticks: from the first SelectRow after a ReleaseAll to the next ReleaseAll,
        /// summed (a scan over this grid, timed from inside it). A benchmark takes it off the tick the scan ran in,
        /// rather than a scan timed apart, which a loaded machine can make longer than the tick it is taken from.
        /// </summary>
        public long ScanTicks;

        /// <param name="crosstalk">False: every sensel reads as if alone on its column (an ideal readout).</param>
        public FilmGrid(int rows, int cols, ConductanceLaw law, bool crosstalk)
        {
            _rows = rows;
            _cols = cols;
            _law = law;
            _fullScalePermille = law.FullScalePermilleOfDrive;
            _crosstalk = crosstalk;
            _emptyConductance = Conductance(EmptyRaw);
            _columnShunt = new long[cols];
            _columnEmpty = new ushort[cols];
            _rowReadings = new ushort[cols];
        }

        public int RowCount { get { return _rows; } }

        public int MuxCount { get { return (_cols + ChannelsPerMuxOnBoard - 1) / ChannelsPerMuxOnBoard; } }

        public int ChannelsPerMux { get { return ChannelsPerMuxOnBoard; } }

        public void ShowEmpty()
        {
            Show(null, 0, null, 0);
        }

        /// <summary>Both feet at these shares of their loads, parts per million (a foot may be null), until the next Show.</summary>
        public void Show(ushort[] leftFoot, int leftPpm, ushort[] rightFoot, int rightPpm)
        {
            _leftFoot = leftPpm > 0 ? leftFoot : null;
            _rightFoot = rightPpm > 0 ? rightFoot : null;
            _leftPpm = leftPpm;
            _rightPpm = rightPpm;
            long[] shunt = _columnShunt;
            long empty = _emptyConductance;
            for (int c = 0; c < _cols; c++)
            {
                shunt[c] = empty * _rows + (1L << ConductanceShift);
            }
            AddConductances(_leftFoot, leftPpm);
            AddConductances(_rightFoot, rightPpm);
            for (int c = 0; c < _cols; c++)
            {
                _columnEmpty[c] = (ushort)(_crosstalk ? Reading(empty, shunt[c]) : EmptyRaw);
            }
        }

        public void SelectRow(int row)
        {
            if (_scanStartTicks == NoScan)
            {
                _scanStartTicks = System.DateTime.UtcNow.Ticks;
            }
            ushort[] readings = _rowReadings;
            System.Array.Copy(_columnEmpty, readings, _cols);
            int rowStart = row * _cols;
            // The scan takes the rows in order, so each foot's pairs are walked once a frame; another order starts over.
            if (row <= _lastRow)
            {
                _leftAt = 0;
                _rightAt = 0;
            }
            _lastRow = row;
            _leftAt = ReadRow(_leftFoot, _leftPpm, _leftAt, rowStart);
            _rightAt = ReadRow(_rightFoot, _rightPpm, _rightAt, rowStart);
        }

        public void ReleaseAll()
        {
            if (_scanStartTicks != NoScan)
            {
                ScanTicks += System.DateTime.UtcNow.Ticks - _scanStartTicks;
                _scanStartTicks = NoScan;
            }
        }

        public void SelectChannel(int channel)
        {
            _channel = channel;
        }

        public void Wait(int microseconds)
        {
        }

        public int ReadMux(int mux)
        {
            return _rowReadings[mux * ChannelsPerMuxOnBoard + _channel];
        }

        /// <summary>The foot's readings on the row that starts at <paramref name="rowStart"/>; returns where the next row's pairs start.</summary>
        private int ReadRow(ushort[] foot, int ppm, int at, int rowStart)
        {
            if (foot == null)
            {
                return at;
            }
            int rowEnd = rowStart + _cols;
            while (at < foot.Length && foot[at] < rowStart)
            {
                at += 2;
            }
            for (; at < foot.Length && foot[at] < rowEnd; at += 2)
            {
                int raw = RawAlone(foot[at + 1], ppm);
                if (raw > EmptyRaw)
                {
                    int col = foot[at] - rowStart;
                    _rowReadings[col] = (ushort)(_crosstalk ? Reading(Conductance(raw), _columnShunt[col]) : raw);
                }
            }
            return at;
        }

        private void AddConductances(ushort[] foot, int ppm)
        {
            if (foot == null)
            {
                return;
            }
            for (int k = 0; k < foot.Length; k += 2)
            {
                int raw = RawAlone(foot[k + 1], ppm);
                if (raw > EmptyRaw)
                {
                    _columnShunt[foot[k] % _cols] += Conductance(raw) - _emptyConductance;
                }
            }
        }

        /// <summary>What a sensel carrying this share of <paramref name="grams"/> reads alone on its column.</summary>
        private int RawAlone(int grams, int ppm)
        {
            int share = (int)(((long)grams * ppm + 500000) / 1000000);
            return share > 0 ? _law.RawForGrams(share) : 0;
        }

        /// <summary>A reading lowered by its column's shunt: u = g / (S + 1), S its summed conductance.</summary>
        private int Reading(long conductance, long shunt)
        {
            long node = (conductance << ConductanceShift) / shunt;
            return (int)((node * WholeDrive / _fullScalePermille + (1L << (ConductanceShift - 1))) >> ConductanceShift);
        }

        /// <summary>A lone sensel's conductance in units of the read path's (Q20), from its reading: g = u / (1 - u).</summary>
        private long Conductance(int raw)
        {
            long u = raw * _fullScalePermille;
            long rest = WholeDrive - u;
            return rest <= 0 ? 1L << 40 : (u << ConductanceShift) / rest;
        }
    }
}
