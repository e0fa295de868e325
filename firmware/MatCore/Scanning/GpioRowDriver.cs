namespace Kiosk.Mat.Scanning
{
    /// <summary>
    /// Rows driven straight from GPIO pins, one pin per row (small mats, or a low-impedance driver per pin).
    /// Switching rows costs two writes: the old row to ground, the new one high.
    /// </summary>
    public sealed class GpioRowDriver : IRowDriver
    {
        private readonly IDigitalOutput[] _rowPins;
        private int _selectedRow = -1;

        public GpioRowDriver(IDigitalOutput[] rowPins)
        {
            if (rowPins == null || rowPins.Length == 0)
            {
                throw new System.ArgumentException("at least one row pin", "rowPins");
            }
            _rowPins = rowPins;
        }

        public int RowCount { get { return _rowPins.Length; } }

        public int SelectedRow { get { return _selectedRow; } }

        public void SelectRow(int row)
        {
            if (row < 0 || row >= _rowPins.Length)
            {
                throw new System.ArgumentOutOfRangeException("row");
            }
            if (row == _selectedRow)
            {
                return;
            }
            if (_selectedRow >= 0)
            {
                _rowPins[_selectedRow].Write(false);
            }
            _rowPins[row].Write(true);
            _selectedRow = row;
        }

        /// <summary>Writes every row low, so the pins are in a known state even at start-up.</summary>
        public void ReleaseAll()
        {
            for (int row = 0; row < _rowPins.Length; row++)
            {
                _rowPins[row].Write(false);
            }
            _selectedRow = -1;
        }
    }
}
