namespace Kiosk.Mat.Scanning
{
    /// <summary>
    /// Rows driven straight from GPIO pins, one pin per row (small mats, or a low-impedance driver per pin).
    /// Switching rows costs two toggles: the old row to ground, the new one high. Only the first
    /// <see cref="ReleaseAll"/> writes every pin; after it every level is known and only the driven row is toggled.
    /// </summary>
    public sealed class GpioRowDriver : IRowDriver
    {
        private readonly IDigitalOutput[] _rowPins;
        private int _selectedRow = -1;
        private bool _levelsKnown;

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
            if (!_levelsKnown)
            {
                ReleaseAll();
            }
            if (_selectedRow >= 0)
            {
                _rowPins[_selectedRow].Toggle();
            }
            _rowPins[row].Toggle();
            _selectedRow = row;
        }

        /// <summary>Grounds every row: the first time by writing every pin (their levels are unknown at start-up), then by toggling the driven one.</summary>
        public void ReleaseAll()
        {
            if (_levelsKnown)
            {
                if (_selectedRow >= 0)
                {
                    _rowPins[_selectedRow].Toggle();
                }
            }
            else
            {
                for (int row = 0; row < _rowPins.Length; row++)
                {
                    _rowPins[row].Write(false);
                }
                _levelsKnown = true;
            }
            _selectedRow = -1;
        }
    }
}
