namespace Kiosk.Mat.Protocol
{
    /// <summary>
    /// Consistent Overhead Byte Stuffing (Cheshire and Baker, 1999), written one byte at a time so the framer
    /// needs no intermediate buffer: every run of up to 254 non-zero bytes is preceded by a code byte holding
    /// the run length + 1; a code below 0xFF means a zero followed the run. The encoded bytes never contain 0x00.
    /// </summary>
    public struct CobsWriter
    {
        private readonly byte[] _output;
        private readonly int _start;
        private readonly int _end;
        private int _codeIndex;
        private int _position;
        private int _code;
        private bool _overflowed;

        public CobsWriter(byte[] output, int offset, int capacity)
        {
            _output = output;
            _start = offset;
            _end = offset + capacity;
            _codeIndex = offset;
            _position = offset + 1;
            _code = 1;
            _overflowed = capacity < 1;
        }

        public bool Overflowed { get { return _overflowed; } }

        public void Put(byte value)
        {
            if (value == 0)
            {
                CloseRun();
                return;
            }
            if (_position >= _end)
            {
                _overflowed = true;
                return;
            }
            _output[_position++] = value;
            _code++;
            if (_code == 0xFF)
            {
                CloseRun();
            }
        }

        public void Put(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                Put(buffer[offset + i]);
            }
        }

        /// <summary>Closes the last run, appends the delimiter and returns the wire length, or 0 if it did not fit.</summary>
        public int Finish()
        {
            if (!_overflowed)
            {
                _output[_codeIndex] = (byte)_code;
            }
            if (_overflowed || _position >= _end)
            {
                return 0;
            }
            _output[_position++] = PacketFormat.Delimiter;
            return _position - _start;
        }

        private void CloseRun()
        {
            if (_overflowed || _position >= _end)
            {
                _overflowed = true;
                return;
            }
            _output[_codeIndex] = (byte)_code;
            _codeIndex = _position++;
            _code = 1;
        }
    }
}
