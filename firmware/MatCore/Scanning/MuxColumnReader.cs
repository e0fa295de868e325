namespace Kiosk.Mat.Scanning
{
    /// <summary>
    /// Columns read through CD74HC4067 multiplexers whose select lines S0..S3 are shared, each multiplexer's
    /// common pin wired to its own ADC input (on the ESP32: ADC1 only, GPIO 32-39, since ADC2 stops while
    /// Wi-Fi runs). Only select lines that change are touched, by a toggle (never a Write once their levels are
    /// known), so the scan loop's Gray-code channel order costs one toggle per channel.
    /// </summary>
    public sealed class MuxColumnReader : IColumnReader
    {
        private readonly IDigitalOutput[] _selectLines;
        private readonly IAnalogInput[] _muxInputs;
        private readonly int _channels;
        private int _channel = -1;

        /// <param name="selectLines">S0 (least significant) first; 4 lines give 16 channels.</param>
        /// <param name="muxInputs">One ADC input per multiplexer, in column order.</param>
        public MuxColumnReader(IDigitalOutput[] selectLines, IAnalogInput[] muxInputs)
        {
            if (selectLines == null || selectLines.Length < 1 || selectLines.Length > 8)
            {
                throw new System.ArgumentException("1 to 8 select lines", "selectLines");
            }
            if (muxInputs == null || muxInputs.Length < 1)
            {
                throw new System.ArgumentException("at least one multiplexer input", "muxInputs");
            }
            _selectLines = selectLines;
            _muxInputs = muxInputs;
            _channels = 1 << selectLines.Length;
        }

        public int MuxCount { get { return _muxInputs.Length; } }

        public int ChannelsPerMux { get { return _channels; } }

        public void SelectChannel(int channel)
        {
            if (channel < 0 || channel >= _channels)
            {
                throw new System.ArgumentOutOfRangeException("channel");
            }
            if (_channel < 0)
            {
                for (int line = 0; line < _selectLines.Length; line++)
                {
                    _selectLines[line].Write((channel & (1 << line)) != 0);
                }
                _channel = channel;
                return;
            }
            int changed = channel ^ _channel;
            for (int line = 0; changed != 0; line++, changed >>= 1)
            {
                if ((changed & 1) != 0)
                {
                    _selectLines[line].Toggle();
                }
            }
            _channel = channel;
        }

        public int ReadMux(int mux)
        {
            return _muxInputs[mux].Read();
        }
    }
}
