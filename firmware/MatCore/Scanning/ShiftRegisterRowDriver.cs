namespace Kiosk.Mat.Scanning
{
    /// <summary>
    /// Rows driven by a chain of 74HC595 shift registers (data, clock, latch shared by the chain; output enable
    /// tied low). Output k of the chain drives row k: output 0 is Q0 of the chip nearest the ESP32.
    /// The storage register holds the outputs while bits shift, so rows switch cleanly at the latch pulse.
    ///
    /// Cost: a full rewrite shifts every bit (a clock pulse per bit, the data line changed only when it must, a
    /// latch pulse). The scan loop selects rows in order, and moving the one driven bit from row r to row r + 1 needs
    /// only one more shifted 0: 4 toggles (5 when the data line must fall), instead of 3 x 8 per chip. Every change is
    /// a <see cref="IDigitalOutput.Toggle"/> (a pulse is two), never a Write, once the lines' levels are known.
    /// See docs/scan-cost-model.md.
    /// </summary>
    public sealed class ShiftRegisterRowDriver : IRowDriver
    {
        public const int OutputsPerChip = 8;

        private readonly IDigitalOutput _data;
        private readonly IDigitalOutput _clock;
        private readonly IDigitalOutput _latch;
        private readonly int _outputs;
        private readonly int _rowCount;

        private int _selectedRow = -1;
        private bool _dataHigh;
        private bool _dataKnown;

        public ShiftRegisterRowDriver(IDigitalOutput data, IDigitalOutput clock, IDigitalOutput latch, int chips, int rowCount)
        {
            if (data == null || clock == null || latch == null)
            {
                throw new System.ArgumentNullException("data/clock/latch");
            }
            if (chips < 1 || rowCount < 1 || rowCount > chips * OutputsPerChip)
            {
                throw new System.ArgumentOutOfRangeException("chips", "the chain needs one output per row");
            }
            _data = data;
            _clock = clock;
            _latch = latch;
            _outputs = chips * OutputsPerChip;
            _rowCount = rowCount;
        }

        public int RowCount { get { return _rowCount; } }

        /// <summary>The row driven now, or -1 when all are grounded.</summary>
        public int SelectedRow { get { return _selectedRow; } }

        public void SelectRow(int row)
        {
            if (row < 0 || row >= _rowCount)
            {
                throw new System.ArgumentOutOfRangeException("row");
            }
            if (row == _selectedRow)
            {
                return;
            }
            if (_selectedRow >= 0 && row == _selectedRow + 1)
            {
                ShiftBit(false);
            }
            else
            {
                // The first bit shifted ends at the far end of the chain (output _outputs - 1).
                for (int output = _outputs - 1; output >= 0; output--)
                {
                    ShiftBit(output == row);
                }
            }
            Latch();
            _selectedRow = row;
        }

        public void ReleaseAll()
        {
            if (_selectedRow < 0 && _dataKnown)
            {
                return;
            }
            for (int output = 0; output < _outputs; output++)
            {
                ShiftBit(false);
            }
            Latch();
            _selectedRow = -1;
        }

        private void ShiftBit(bool high)
        {
            if (!_dataKnown)
            {
                // The first change sets every line to a known level: clock and latch low, data as asked.
                _data.Write(high);
                _clock.Write(false);
                _latch.Write(false);
                _dataHigh = high;
                _dataKnown = true;
            }
            else if (_dataHigh != high)
            {
                _data.Toggle();
                _dataHigh = high;
            }
            _clock.Toggle();
            _clock.Toggle();
        }

        private void Latch()
        {
            _latch.Toggle();
            _latch.Toggle();
        }
    }
}
