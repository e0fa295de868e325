using Kiosk.Mat.Calibration;
using Kiosk.Mat.Testing;

namespace Kiosk.Mat.DeviceTests.Fakes
{
    /// <summary>
    /// Puts loads on a <see cref="FakeMatGrid"/> as the film and its readout would show them: each loaded sensel's
    /// reading follows the conductance law, lowered by the crosstalk of the other loaded sensels of its column
    /// (rows grounded, the model <see cref="CrosstalkCompensation"/> undoes); unloaded sensels read the empty mat's
    /// small bias. Feet come as pairs of sensel index and grams, each scaled by a share in parts per million, so a
    /// frame costs a pass over the loaded sensels only. Integer arithmetic, no allocation after construction: it
    /// runs in nanoCLR beside the device code it feeds.
    /// </summary>
    public sealed class FilmReadings
    {
        /// <summary>What an unloaded sensel reads: the film's leakage through the divider (about 11 counts at 5 Mohm / 10 kohm).</summary>
        public const int EmptyRaw = 11;

        private const int ConductanceShift = 20;
        private const long WholeDrive = ConductanceLaw.AdcMax * 1000L;

        private readonly FakeMatGrid _grid;
        private readonly ConductanceLaw _law;
        private readonly long _fullScalePermille;
        private readonly bool _crosstalk;
        private readonly long[] _columnConductance;

        /// <param name="crosstalk">False: every sensel reads as if alone on its column (an ideal readout).</param>
        public FilmReadings(FakeMatGrid grid, ConductanceLaw law, bool crosstalk)
        {
            _grid = grid;
            _law = law;
            _fullScalePermille = law.FullScalePermilleOfDrive;
            _crosstalk = crosstalk;
            _columnConductance = new long[grid.Cols];
        }

        public void ShowEmpty()
        {
            Show(null, 0, null, 0);
        }

        /// <summary>Both feet at these shares of their loads, parts per million (a foot may be null).</summary>
        public void Show(ushort[] leftFoot, int leftPpm, ushort[] rightFoot, int rightPpm)
        {
            ushort[] adc = _grid.Adc;
            for (int i = 0; i < adc.Length; i++)
            {
                adc[i] = EmptyRaw;
            }
            // First the reading each sensel would give alone, and its column's summed conductance; then the crosstalk.
            long[] columns = _columnConductance;
            long empty = Conductance(EmptyRaw);
            for (int c = 0; c < columns.Length; c++)
            {
                columns[c] = empty * _grid.Rows;
            }
            Alone(leftFoot, leftPpm, empty);
            Alone(rightFoot, rightPpm, empty);
            if (_crosstalk)
            {
                Shunt();
            }
        }

        private void Alone(ushort[] foot, int ppm, long empty)
        {
            if (foot == null || ppm <= 0)
            {
                return;
            }
            ushort[] adc = _grid.Adc;
            int cols = _grid.Cols;
            for (int k = 0; k < foot.Length; k += 2)
            {
                int index = foot[k];
                int grams = (int)(((long)foot[k + 1] * ppm + 500000) / 1000000);
                int raw = grams > 0 ? _law.RawForGrams(grams) : 0;
                if (raw <= EmptyRaw)
                {
                    continue;
                }
                adc[index] = (ushort)raw;
                _columnConductance[index % cols] += Conductance(raw) - empty;
            }
        }

        /// <summary>Every reading of a column lowered by the column's shunt: u = g / (S + 1), S its summed conductance.</summary>
        private void Shunt()
        {
            ushort[] adc = _grid.Adc;
            int cols = _grid.Cols;
            for (int col = 0; col < cols; col++)
            {
                long shunt = _columnConductance[col] + (1L << ConductanceShift);
                int emptyReading = Reading(Conductance(EmptyRaw), shunt);
                for (int index = col; index < adc.Length; index += cols)
                {
                    int alone = adc[index];
                    adc[index] = (ushort)(alone == EmptyRaw ? emptyReading : Reading(Conductance(alone), shunt));
                }
            }
        }

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
