namespace Kiosk.Mat.Scanning
{
    /// <summary>
    /// Rows driven by a chain of 74HC595 shift registers (data, clock, latch shared by the chain; output enable
    /// tied low). Output k of the chain drives row k: output 0 is Q0 of the chip nearest the ESP32.
    /// The storage register holds the outputs while bits shift, so rows switch cleanly at the latch pulse.
    ///
    /// Cost: a full rewrite shifts every bit (2 GPIO writes per bit for the clock, the data line written only
    /// when it changes, 2 for the latch). The scan loop selects rows in order, and moving the one driven bit
    /// from row r to row r + 1 needs only one more shifted 0: 4 writes (5 when the data line must fall),
    /// instead of 3 x 8 writes per chip. See docs/scan-cost-model.md.
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
            if (!_dataKnown || _dataHigh != high)
            {
                _data.Write(high);
                _dataHigh = high;
                _dataKnown = true;
            }
            _clock.Write(true);
            _clock.Write(false);
        }

        private void Latch()
        {
            _latch.Write(true);
            _latch.Write(false);
        }
    }
}
