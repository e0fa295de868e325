using Kiosk.Mat.Geometry;

namespace Kiosk.Mat.SelfTest
{
    /// <summary>
    /// The device's self-test of the sensor grid, run at start-up and on the technician's command.
    ///
    /// From a raw scan of the empty mat it finds:
    /// <list type="bullet">
    /// <item>shorted rows and columns: most of the line reads full-scale (a row shorted to its neighbour's drive,
    /// a column shorted to a driven row or the supply);</item>
    /// <item>open columns: the column bias holds every intact line above <see cref="SelfTestLimits.OpenMaxRaw"/>
    /// on an empty mat, so a line reading at or below it everywhere is cut. When the whole mat reads that low
    /// (no bias fitted) the test cannot tell, and says so with <see cref="HasBaseline"/> = false;</item>
    /// <item>stuck sensels: one sensel far above its neighbours on an empty mat.</item>
    /// </list>
    /// An optional second scan with a uniform load across the mat (the technician's calibration board) also finds
    /// open rows and columns, and dead sensels, which an empty mat cannot show: a line or sensel that does not
    /// respond while the rest of the mat does.
    ///
    /// What the device keeps (the mask and the line faults) is allocated once, in the constructor. The histogram the
    /// medians need (1 KB) is taken by each <see cref="Run(ushort[], ushort[])"/> and left behind: the test runs at
    /// power-on and on the technician's command, so the device's heap does not keep it between shoppers.
    /// </summary>
    public sealed class MatSelfTest
    {
        private const int HistogramShift = 4;
        // Readings are 12-bit: 256 bins, not 4096 (16 KB less heap on the device); anything above lands in the last.
        private const int HistogramBins = (Calibration.ConductanceLaw.AdcMax >> HistogramShift) + 1;

        private readonly int _rows;
        private readonly int _cols;
        private readonly SelfTestLimits _limits;
        private readonly int[] _neighbours = new int[8];

        /// <summary>Per sensel, a <see cref="SenselStatus"/> value; index row * Cols + col.</summary>
        public readonly byte[] Mask;

        /// <summary>Per row and per column, a <see cref="LineFault"/> value.</summary>
        public readonly LineFault[] RowFault;
        public readonly LineFault[] ColFault;

        /// <summary>The faulty rows and columns, in order; the first <see cref="BadRowCount"/> entries are valid.</summary>
        public readonly int[] BadRows;
        public readonly int[] BadCols;
        public int BadRowCount;
        public int BadColCount;

        /// <summary>Sensels the mask excludes (any non-zero status), and how many of them are stuck or dead.</summary>
        public int MaskedSenselCount;
        public int StuckSenselCount;
        public int DeadSenselCount;

        /// <summary>False when the empty mat read no bias at all: open lines were then not looked for.</summary>
        public bool HasBaseline;

        /// <summary>True when a loaded scan was given and its load was enough to judge rows and sensels.</summary>
        public bool LoadTestValid;

        /// <summary>Median raw reading of the empty mat's good sensels, and (load test) their median response.</summary>
        public int EmptyMedianRaw;
        public int LoadedMedianResponseRaw;

        public MatSelfTest(MatGeometry geometry, SelfTestLimits limits)
        {
            if (geometry == null || limits == null)
            {
                throw new System.ArgumentNullException("geometry/limits");
            }
            _rows = geometry.Rows;
            _cols = geometry.Cols;
            _limits = limits;
            Mask = new byte[geometry.SenselCount];
            RowFault = new LineFault[_rows];
            ColFault = new LineFault[_cols];
            BadRows = new int[_rows];
            BadCols = new int[_cols];
        }

        /// <summary>True when no line is faulty and no sensel is masked.</summary>
        public bool Passed
        {
            get { return BadRowCount == 0 && BadColCount == 0 && MaskedSenselCount == 0; }
        }

        public void Run(ushort[] emptyFrame)
        {
            Run(emptyFrame, null);
        }

        /// <param name="emptyFrame">A raw scan of the empty mat.</param>
        /// <param name="loadedFrame">Optional: a raw scan under a uniform load across the whole mat, or null.</param>
        public void Run(ushort[] emptyFrame, ushort[] loadedFrame)
        {
            if (emptyFrame == null || emptyFrame.Length != Mask.Length)
            {
                throw new System.ArgumentException("the empty frame must have one reading per sensel", "emptyFrame");
            }
            if (loadedFrame != null && loadedFrame.Length != Mask.Length)
            {
                throw new System.ArgumentException("the loaded frame must have one reading per sensel", "loadedFrame");
            }
            Clear();

            FindShortedLines(emptyFrame);
            EmptyMedianRaw = MedianOfGoodSensels(emptyFrame, null);
            HasBaseline = EmptyMedianRaw > _limits.OpenMaxRaw;
            if (HasBaseline)
            {
                FindOpenColumnsOnEmptyMat(emptyFrame);
            }
            FindStuckSensels(emptyFrame);
            if (loadedFrame != null)
            {
                FindUnresponsive(emptyFrame, loadedFrame);
            }
            Summarise();
        }

        private void Clear()
        {
            for (int i = 0; i < Mask.Length; i++)
            {
                Mask[i] = (byte)SenselStatus.Ok;
            }
            for (int row = 0; row < _rows; row++)
            {
                RowFault[row] = LineFault.None;
            }
            for (int col = 0; col < _cols; col++)
            {
                ColFault[col] = LineFault.None;
            }
            BadRowCount = 0;
            BadColCount = 0;
            MaskedSenselCount = 0;
            StuckSenselCount = 0;
            DeadSenselCount = 0;
            HasBaseline = false;
            LoadTestValid = false;
            EmptyMedianRaw = 0;
            LoadedMedianResponseRaw = 0;
        }

        private bool IsLineFaulty(int row, int col)
        {
            return RowFault[row] != LineFault.None || ColFault[col] != LineFault.None;
        }

        private bool MostOfLine(int count, int length)
        {
            return count * 100 >= _limits.LinePercent * length;
        }

        // A line is (start, step, length): row r = (r * cols, 1, cols), column c = (c, cols, rows).
        private static int CountAtLeast(ushort[] frame, int start, int step, int length, int min)
        {
            int count = 0;
            for (int i = 0, index = start; i < length; i++, index += step)
            {
                if (frame[index] >= min)
                {
                    count++;
                }
            }
            return count;
        }

        private static int CountResponseBelow(ushort[] frame, ushort[] reference, int start, int step, int length, int below)
        {
            int count = 0;
            for (int i = 0, index = start; i < length; i++, index += step)
            {
                if (Response(frame, reference, index) < below)
                {
                    count++;
                }
            }
            return count;
        }

        private void FindShortedLines(ushort[] frame)
        {
            int shortMin = _limits.ShortMinRaw;
            for (int row = 0; row < _rows; row++)
            {
                if (MostOfLine(CountAtLeast(frame, row * _cols, 1, _cols, shortMin), _cols))
                {
                    RowFault[row] = LineFault.Shorted;
                }
            }
            for (int col = 0; col < _cols; col++)
            {
                if (MostOfLine(CountAtLeast(frame, col, _cols, _rows, shortMin), _rows))
                {
                    ColFault[col] = LineFault.Shorted;
                }
            }
        }

        private void FindOpenColumnsOnEmptyMat(ushort[] frame)
        {
            int openMax = _limits.OpenMaxRaw;
            for (int col = 0; col < _cols; col++)
            {
                if (ColFault[col] != LineFault.None)
                {
                    continue;
                }
                int low = 0;
                int counted = 0;
                for (int row = 0; row < _rows; row++)
                {
                    if (RowFault[row] != LineFault.None)
                    {
                        continue;
                    }
                    counted++;
                    if (frame[row * _cols + col] <= openMax)
                    {
                        low++;
                    }
                }
                if (counted > 0 && low == counted)
                {
                    ColFault[col] = LineFault.Open;
                }
            }
        }

        private void FindStuckSensels(ushort[] frame)
        {
            for (int row = 0; row < _rows; row++)
            {
                for (int col = 0; col < _cols; col++)
                {
                    int index = row * _cols + col;
                    int value = frame[index];
                    if (value < _limits.StuckMinRaw || IsLineFaulty(row, col))
                    {
                        continue;
                    }
                    int neighbourMedian = NeighbourMedian(frame, row, col);
                    if (neighbourMedian >= 0 && value >= neighbourMedian + _limits.StuckAboveNeighboursRaw)
                    {
                        Mask[index] = (byte)SenselStatus.Stuck;
                    }
                }
            }
        }

        private void FindUnresponsive(ushort[] emptyFrame, ushort[] loadedFrame)
        {
            LoadedMedianResponseRaw = MedianOfGoodSensels(loadedFrame, emptyFrame);
            LoadTestValid = LoadedMedianResponseRaw >= _limits.LoadedMinResponseRaw;
            if (!LoadTestValid)
            {
                return;
            }
            int deadBelow = LoadedMedianResponseRaw * _limits.DeadResponsePercent / 100;

            for (int row = 0; row < _rows; row++)
            {
                if (RowFault[row] == LineFault.None
                    && MostOfLine(CountResponseBelow(loadedFrame, emptyFrame, row * _cols, 1, _cols, deadBelow), _cols))
                {
                    RowFault[row] = LineFault.Open;
                }
            }
            for (int col = 0; col < _cols; col++)
            {
                if (ColFault[col] == LineFault.None
                    && MostOfLine(CountResponseBelow(loadedFrame, emptyFrame, col, _cols, _rows, deadBelow), _rows))
                {
                    ColFault[col] = LineFault.Open;
                }
            }
            for (int row = 0; row < _rows; row++)
            {
                for (int col = 0; col < _cols; col++)
                {
                    int index = row * _cols + col;
                    if (Mask[index] == (byte)SenselStatus.Ok && !IsLineFaulty(row, col)
                        && Response(loadedFrame, emptyFrame, index) < deadBelow)
                    {
                        Mask[index] = (byte)SenselStatus.Dead;
                    }
                }
            }
        }

        private static int Response(ushort[] frame, ushort[] reference, int index)
        {
            int value = frame[index];
            if (reference != null)
            {
                value -= reference[index];
                if (value < 0)
                {
                    value = 0;
                }
            }
            return value;
        }

        /// <summary>Median (to 16 counts) of frame - reference over sensels on no faulty line.</summary>
        private int MedianOfGoodSensels(ushort[] frame, ushort[] reference)
        {
            int[] histogram = new int[HistogramBins];
            int counted = 0;
            for (int row = 0; row < _rows; row++)
            {
                for (int col = 0; col < _cols; col++)
                {
                    if (IsLineFaulty(row, col))
                    {
                        continue;
                    }
                    int bin = Response(frame, reference, row * _cols + col) >> HistogramShift;
                    histogram[bin < HistogramBins ? bin : HistogramBins - 1]++;
                    counted++;
                }
            }
            if (counted == 0)
            {
                return 0;
            }
            int half = (counted + 1) / 2;
            int seen = 0;
            for (int bin = 0; bin < histogram.Length; bin++)
            {
                seen += histogram[bin];
                if (seen >= half)
                {
                    // The bin's lower edge, so an all-zero mat has median 0.
                    return bin << HistogramShift;
                }
            }
            return 0;
        }

        /// <summary>Median of the up to 8 neighbours on no faulty line, or -1 when there are none.</summary>
        private int NeighbourMedian(ushort[] frame, int row, int col)
        {
            int count = 0;
            for (int dr = -1; dr <= 1; dr++)
            {
                int r = row + dr;
                if (r < 0 || r >= _rows)
                {
                    continue;
                }
                for (int dc = -1; dc <= 1; dc++)
                {
                    int c = col + dc;
                    if ((dr == 0 && dc == 0) || c < 0 || c >= _cols || IsLineFaulty(r, c))
                    {
                        continue;
                    }
                    int value = frame[r * _cols + c];
                    int i = count++;
                    while (i > 0 && _neighbours[i - 1] > value)
                    {
                        _neighbours[i] = _neighbours[i - 1];
                        i--;
                    }
                    _neighbours[i] = value;
                }
            }
            return count == 0 ? -1 : _neighbours[count / 2];
        }

        private void Summarise()
        {
            for (int row = 0; row < _rows; row++)
            {
                if (RowFault[row] != LineFault.None)
                {
                    BadRows[BadRowCount++] = row;
                    MarkLine(row * _cols, 1, _cols, RowFault[row]);
                }
            }
            for (int col = 0; col < _cols; col++)
            {
                if (ColFault[col] != LineFault.None)
                {
                    BadCols[BadColCount++] = col;
                    MarkLine(col, _cols, _rows, ColFault[col]);
                }
            }
            for (int i = 0; i < Mask.Length; i++)
            {
                switch ((SenselStatus)Mask[i])
                {
                    case SenselStatus.Ok:
                        continue;
                    case SenselStatus.Stuck:
                        StuckSenselCount++;
                        break;
                    case SenselStatus.Dead:
                        DeadSenselCount++;
                        break;
                }
                MaskedSenselCount++;
            }
        }

        /// <summary>A line's fault as the console says it (an enum's ToString() on nanoFramework is its number).</summary>
        public static string FaultName(LineFault fault)
        {
            switch (fault)
            {
                case LineFault.Open: return "open";
                case LineFault.Shorted: return "shorted";
                default: return "ok";
            }
        }

        private void MarkLine(int start, int step, int length, LineFault fault)
        {
            byte status = (byte)(fault == LineFault.Shorted ? SenselStatus.OnShortedLine : SenselStatus.OnOpenLine);
            for (int i = 0, index = start; i < length; i++, index += step)
            {
                // Statuses rank by severity: a short outranks an open line, a line outranks a single sensel.
                if (Mask[index] < status)
                {
                    Mask[index] = status;
                }
            }
        }
    }
}
