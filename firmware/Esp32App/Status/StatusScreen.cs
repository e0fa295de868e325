using System.Drawing;
using Kiosk.Mat.Config;
using Kiosk.Mat.Device;
using nanoFramework.Hardware.Esp32;
using nanoFramework.UI;

namespace Kiosk.Esp32App.Status
{
    /// <summary>
    /// The mat's small TFT: a banner in the colour of the <see cref="DeviceState"/> with two numbers in
    /// <see cref="SevenSegmentDigits"/> (frame rate x 10 on the left, masked sensels on the right),
    /// and below it the live raw heatmap. Only cells whose colour changed are redrawn, so an idle mat costs
    /// almost nothing. The firmware image must carry a display driver (see firmware/README.md).
    /// </summary>
    public sealed class StatusScreen
    {
        private const int BannerHeight = 20;
        private const int PaletteSize = 8;

        private readonly Bitmap _screen;
        private readonly SevenSegmentDigits _digits;
        private readonly int _rows;
        private readonly int _cols;
        private readonly int _cell;
        private readonly byte[] _drawn;
        private readonly Color[] _palette = new Color[PaletteSize];
        private DeviceState _state = DeviceState.Booting;

        /// <summary>Null when the board has no screen or the display cannot be started.</summary>
        public static StatusScreen TryOpen(BoardConfig board)
        {
            if (!board.HasScreen)
            {
                return null;
            }
            Configuration.SetPinFunction(board.TftMosi, DeviceFunction.SPI1_MOSI);
            Configuration.SetPinFunction(board.TftMiso, DeviceFunction.SPI1_MISO);
            Configuration.SetPinFunction(board.TftClock, DeviceFunction.SPI1_CLOCK);
            DisplayControl.Initialize(
                new SpiConfiguration(1, board.TftCs, board.TftDc, board.TftRst, board.TftBl),
                new ScreenConfiguration(0, 0, (ushort)board.TftWidth, (ushort)board.TftHeight, null),
                (uint)(board.TftWidth * board.TftHeight * 3 / 8));
            Bitmap screen = DisplayControl.FullScreen;
            return screen == null ? null : new StatusScreen(screen, board.Rows, board.Cols);
        }

        private StatusScreen(Bitmap screen, int rows, int cols)
        {
            _screen = screen;
            _digits = new SevenSegmentDigits(screen, Color.FromArgb(0, 0, 0));
            _rows = rows;
            _cols = cols;
            int byWidth = screen.Width / cols;
            int byHeight = (screen.Height - BannerHeight) / rows;
            _cell = byWidth < byHeight ? byWidth : byHeight;
            if (_cell < 1)
            {
                _cell = 1;
            }
            _drawn = new byte[rows * cols];
            for (int i = 0; i < _drawn.Length; i++)
            {
                _drawn[i] = 0xFF;
            }
            // Dark blue through green and yellow to red, as the display's heatmap runs.
            _palette[0] = Color.FromArgb(0, 0, 40);
            _palette[1] = Color.FromArgb(0, 40, 160);
            _palette[2] = Color.FromArgb(0, 140, 200);
            _palette[3] = Color.FromArgb(0, 190, 80);
            _palette[4] = Color.FromArgb(170, 220, 0);
            _palette[5] = Color.FromArgb(255, 190, 0);
            _palette[6] = Color.FromArgb(255, 90, 0);
            _palette[7] = Color.FromArgb(220, 0, 0);
            _screen.Clear();
            _screen.Flush();
        }

        public void ShowState(DeviceState state, int frameRateX10, int maskedSensels)
        {
            _state = state;
            _screen.FillRectangle(0, 0, _screen.Width, BannerHeight, BannerColor(state), Bitmap.OpacityOpaque);
            _digits.Draw(frameRateX10, 4, 3);
            _digits.Draw(maskedSensels, _screen.Width - 4 - SevenSegmentDigits.FieldWidth, 3);
            _screen.Flush(0, 0, _screen.Width, BannerHeight);
        }

        public DeviceState State { get { return _state; } }

        /// <summary>Redraws the heatmap cells whose colour changed.</summary>
        public void ShowFrame(ushort[] raw)
        {
            int changed = 0;
            for (int row = 0; row < _rows; row++)
            {
                for (int col = 0; col < _cols; col++)
                {
                    int index = row * _cols + col;
                    // 12-bit counts into 8 colours: 512 counts per step.
                    byte level = (byte)(raw[index] >> 9);
                    if (level >= PaletteSize)
                    {
                        level = PaletteSize - 1;
                    }
                    if (_drawn[index] == level)
                    {
                        continue;
                    }
                    _drawn[index] = level;
                    _screen.FillRectangle(col * _cell, BannerHeight + row * _cell, _cell, _cell, _palette[level], Bitmap.OpacityOpaque);
                    changed++;
                }
            }
            if (changed > 0)
            {
                _screen.Flush(0, BannerHeight, _cols * _cell, _rows * _cell);
            }
        }

        private static Color BannerColor(DeviceState state)
        {
            switch (state)
            {
                case DeviceState.Booting: return Color.FromArgb(0, 60, 200);
                case DeviceState.Running: return Color.FromArgb(0, 170, 0);
                case DeviceState.JoiningWifi: return Color.FromArgb(0, 170, 170);
                case DeviceState.NoDisplay: return Color.FromArgb(230, 210, 0);
                case DeviceState.SensorFault: return Color.FromArgb(255, 130, 0);
                case DeviceState.ConfigError: return Color.FromArgb(210, 0, 0);
                default: return Color.FromArgb(200, 0, 200);
            }
        }
    }
}
