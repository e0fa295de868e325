namespace Kiosk.Mat.Pairing
{
    /// <summary>
    /// A mat's pairing key: 16 random bytes, shared by the mat (device_key in I:\device.txt) and the display it is
    /// paired with, written as 32 hex digits in four groups of eight ("9f86d081-884c7d65-9a2feaa0-c55ad015").
    /// Dashes and spaces are ignored when read, so a technician may type it either way.
    /// </summary>
    public static class PairingKey
    {
        public const int KeyBytes = 16;

        /// <summary>Reads a key written by <see cref="Format"/> (or without its dashes); false when it is not one.</summary>
        public static bool TryParse(string text, byte[] key)
        {
            if (text == null || key == null || key.Length < KeyBytes)
            {
                return false;
            }
            int digits = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '-' || c == ' ')
                {
                    continue;
                }
                int value = Config.HexDigit.ValueOf(c);
                if (value < 0 || digits == 2 * KeyBytes)
                {
                    return false;
                }
                int index = digits / 2;
                key[index] = (byte)(digits % 2 == 0 ? value << 4 : key[index] | value);
                digits++;
            }
            return digits == 2 * KeyBytes;
        }

        /// <summary>Lower-case hex in four dash-separated groups of eight digits.</summary>
        public static string Format(byte[] key)
        {
            const string Digits = "0123456789abcdef";
            char[] text = new char[2 * KeyBytes + 3];
            int position = 0;
            for (int i = 0; i < KeyBytes; i++)
            {
                if (i > 0 && i % 4 == 0)
                {
                    text[position++] = '-';
                }
                text[position++] = Digits[key[i] >> 4];
                text[position++] = Digits[key[i] & 0x0f];
            }
            return new string(text);
        }
    }
}
