using System.Drawing;
using nanoFramework.UI;

namespace Kiosk.Esp32App.Status
{
    /// <summary>
    /// Numbers of up to five digits drawn as seven-segment digits, each segment a filled rectangle, so the status
    /// screen needs no font resource.
    /// </summary>
    public sealed class SevenSegmentDigits
    {
        private const int DigitWidth = 8;
        private const int DigitHeight = 14;
        private const int Segment = 2;

        /// <summary>The width of a number's field (five digits, 3 px apart): <see cref="Draw"/> right-aligns the number in it.</summary>
        public const int FieldWidth = 5 * (DigitWidth + 3);

        // Segments a..g as bits 0..6 for digits 0-9.
        private static readonly byte[] DigitSegments = { 0x3F, 0x06, 0x5B, 0x4F, 0x66, 0x6D, 0x7D, 0x07, 0x7F, 0x6F };

        private readonly Bitmap _screen;
        private readonly Color _ink;

        public SevenSegmentDigits(Bitmap screen, Color ink)
        {
            _screen = screen;
            _ink = ink;
        }

        /// <summary>The number (clamped to 0-99999), right-aligned in the field starting at x.</summary>
        public void Draw(int value, int x, int y)
        {
            if (value < 0)
            {
                value = 0;
            }
            if (value > 99999)
            {
                value = 99999;
            }
            int position = 4;
            do
            {
                DrawDigit(value % 10, x + position * (DigitWidth + 3), y);
                value /= 10;
                position--;
            }
            while (value > 0 && position >= 0);
        }

        private void DrawDigit(int digit, int x, int y)
        {
            int segments = DigitSegments[digit];
            int half = DigitHeight / 2;
            if ((segments & 0x01) != 0) { _screen.FillRectangle(x, y, DigitWidth, Segment, _ink, Bitmap.OpacityOpaque); }
            if ((segments & 0x02) != 0) { _screen.FillRectangle(x + DigitWidth - Segment, y, Segment, half, _ink, Bitmap.OpacityOpaque); }
            if ((segments & 0x04) != 0) { _screen.FillRectangle(x + DigitWidth - Segment, y + half, Segment, half, _ink, Bitmap.OpacityOpaque); }
            if ((segments & 0x08) != 0) { _screen.FillRectangle(x, y + DigitHeight - Segment, DigitWidth, Segment, _ink, Bitmap.OpacityOpaque); }
            if ((segments & 0x10) != 0) { _screen.FillRectangle(x, y + half, Segment, half, _ink, Bitmap.OpacityOpaque); }
            if ((segments & 0x20) != 0) { _screen.FillRectangle(x, y, Segment, half, _ink, Bitmap.OpacityOpaque); }
            if ((segments & 0x40) != 0) { _screen.FillRectangle(x, y + half - Segment / 2, DigitWidth, Segment, _ink, Bitmap.OpacityOpaque); }
        }
    }
}
