using Kiosk.Mat.Geometry;

namespace Kiosk.Mat.Calibration
{
    /// <summary>
    /// Undoes the crosstalk of the passive matrix on a raw frame, before calibration. With the unselected rows
    /// grounded, every other sensel of a column shunts the column node to ground while one row is driven, so a
    /// sensel reads lower the more load the rest of its column carries (DESIGN.md, "Hardware facts": a 74HC
    /// multiplexer into a divider is far outside the 0.3% of a low-impedance readout).
    ///
    /// The model (firmware/MatSim/Grid/README.md derives it): with conductances g in units of the read path's
    /// 1 / (R_on + R_d), the column node sits at u_r = g_r / (S + 1) of the drive while row r is driven, S being the
    /// column's summed conductance, the same for every row. Summing over the rows gives A = S / (S + 1), so the
    /// column's total follows from its own readings, and the reading each sensel would give alone on its column,
    /// u'_r = g_r / (g_r + 1), is
    /// <code>u'_r = u_r / (1 - (A - u_r))</code>
    /// This is the fixed point the published recursive methods (estimate each conductance from its reading, correct
    /// each reading for the column's summed conductance, repeat) converge to; solved directly it needs one pass and
    /// no iteration count. That matters here: the iteration converges slowly when the column's shunt share A is
    /// large, and a column under a foot reaches A = 0.83 (20 sensels of 250 g at 10 mm), where a sensel reads 17% of
    /// its load uncorrected, 31% after one pass and 43% after two; solved directly, all of it.
    ///
    /// Integer only, one multiply and one divide per loaded sensel, its per-column gains allocated once, the column sums read where the scan left them.
    /// </summary>
    public sealed class CrosstalkCompensation
    {
        private readonly int _rows;
        private readonly int _cols;

        // A reading's column-node voltage over the drive is raw x _nodePerRaw / _wholeDrive.
        private readonly long _nodePerRaw;
        private readonly long _wholeDrive;
        // The frame's column sums, raw counts (the scan loop's own array, not a copy: BeginFrame).
        private long[] _columnSums;

        /// <summary>
        /// Per column, how much the last <see cref="Apply"/> raised a small reading, Q8 (256 = not at all): 1 / (1 - A).
        /// The ADC's noise is raised as much, so the calibration's noise floor scales with it.
        /// </summary>
        public readonly int[] NoiseGainQ8;

        /// <param name="fullScalePermilleOfDrive">ADC full scale over the row drive voltage, per thousand (as <see cref="ConductanceLaw"/>).</param>
        /// <param name="dividerOhms">The divider resistor from each multiplexer's output to ground.</param>
        /// <param name="muxOnOhms">The multiplexer's on-resistance, in series before the divider (the ADC reads below it).</param>
        public CrosstalkCompensation(MatGeometry geometry, int fullScalePermilleOfDrive, int dividerOhms, int muxOnOhms)
        {
            if (fullScalePermilleOfDrive <= 0 || fullScalePermilleOfDrive > 1000 || dividerOhms <= 0 || muxOnOhms < 0)
            {
                throw new System.ArgumentOutOfRangeException("fullScalePermilleOfDrive", "full scale 1..1000 per thousand, a positive divider, a non-negative on-resistance");
            }
            _rows = geometry.Rows;
            _cols = geometry.Cols;
            // u = raw / 4095 x fullScale / 1000 x (R_d + R_on) / R_d: the ADC sees the node through the on-resistance.
            _nodePerRaw = (long)fullScalePermilleOfDrive * (dividerOhms + muxOnOhms);
            _wholeDrive = (long)ConductanceLaw.AdcMax * 1000 * dividerOhms;
            NoiseGainQ8 = new int[_cols];
        }

        /// <summary>
        /// Writes into <paramref name="compensated"/> what each sensel would read alone on its column.
        /// It may be the same array as <paramref name="raw"/>. Full-scale readings stay at full scale. Takes an array of
        /// column sums for the frame (power-on, the zero command, hosts: the device's frame path uses <see cref="BeginFrame"/>).
        /// </summary>
        public void Apply(ushort[] raw, ushort[] compensated)
        {
            int cols = _cols;
            long[] columnSum = new long[cols];
            int index = 0;
            for (int row = 0; row < _rows; row++)
            {
                for (int col = 0; col < cols; col++)
                {
                    columnSum[col] += raw[index++];
                }
            }
            BeginFrame(columnSum);
            index = 0;
            for (int row = 0; row < _rows; row++)
            {
                for (int col = 0; col < cols; col++)
                {
                    compensated[index] = (ushort)Compensate(raw[index], col);
                    index++;
                }
            }
        }

        /// <summary>
        /// Takes a frame's column sums (raw counts, every sensel of the column: <see cref="Scanning.ScanLoop.ColumnSums"/>),
        /// so that <see cref="Compensate"/> can then correct single readings: the device corrects only the readings that
        /// can be a load, not the whole frame. The sums are read until the next BeginFrame, not copied.
        /// </summary>
        public void BeginFrame(long[] columnSums)
        {
            long nodePerRaw = _nodePerRaw;
            long whole = _wholeDrive;
            int[] noiseGain = NoiseGainQ8;
            _columnSums = columnSums;
            for (int col = 0; col < _cols; col++)
            {
                long rest = whole - columnSums[col] * nodePerRaw;
                noiseGain[col] = rest <= whole / 64 ? 64 * 256 : (int)((whole << 8) / rest);
            }
        }

        /// <summary>What one reading of column <paramref name="col"/> would be alone on its column, after <see cref="BeginFrame"/>.</summary>
        public int Compensate(int reading, int col)
        {
            if (reading <= 0 || reading >= ConductanceLaw.AdcMax)
            {
                return reading <= 0 ? 0 : ConductanceLaw.AdcMax;
            }
            // 1 - (A - u_r), in parts of the whole drive: the column's other readings' share taken from the drive.
            long whole = _wholeDrive;
            long rest = whole - (_columnSums[col] - reading) * _nodePerRaw;
            long corrected = rest <= 0 ? ConductanceLaw.AdcMax : reading * whole / rest;
            return corrected >= ConductanceLaw.AdcMax ? ConductanceLaw.AdcMax : (int)corrected;
        }
    }
}
