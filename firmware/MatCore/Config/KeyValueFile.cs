namespace Kiosk.Mat.Config
{
    /// <summary>
    /// A small <c>key=value</c> text file as the device keeps its settings on its internal flash
    /// (I:\board.txt from hardware/, I:\device.txt written at pairing). Parsed from the raw bytes, so the device
    /// needs no text encoding package; parsed once at start-up (it allocates its strings then).
    ///
    /// Format: one <c>key=value</c> per line; the key is lower-case letters, digits and '_'; spaces around key
    /// and value are dropped; a line whose first non-blank character is '#' is a comment, and blank lines are
    /// skipped. A value may contain '=' and '#' (Wi-Fi passwords do). UTF-8; CRLF or LF.
    /// A malformed file is not thrown at: <see cref="Error"/> names the first problem and its line.
    /// </summary>
    public sealed class KeyValueFile
    {
        public const int MaxEntries = 64;

        private readonly string[] _keys = new string[MaxEntries];
        private readonly string[] _values = new string[MaxEntries];
        private int _count;

        /// <summary>The first problem found, with its line ("line 3: no '=' in the line"), or null.</summary>
        public string Error;

        /// <summary>Line number of <see cref="Error"/> (1-based), or 0.</summary>
        public int ErrorLine;

        public int Count { get { return _count; } }

        public static KeyValueFile Parse(byte[] utf8)
        {
            return Parse(utf8, utf8 == null ? 0 : utf8.Length);
        }

        public static KeyValueFile Parse(byte[] utf8, int length)
        {
            KeyValueFile file = new KeyValueFile();
            if (utf8 == null || length <= 0)
            {
                return file;
            }
            char[] line = new char[length];
            int start = 0;
            int lineNumber = 0;
            // Skip a UTF-8 byte-order mark.
            if (length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF)
            {
                start = 3;
            }
            while (start < length)
            {
                int end = start;
                while (end < length && utf8[end] != (byte)'\n')
                {
                    end++;
                }
                lineNumber++;
                int chars = DecodeUtf8(utf8, start, end, line);
                if (chars < 0)
                {
                    file.Fail(lineNumber, "not valid UTF-8");
                }
                else
                {
                    file.AddLine(line, chars, lineNumber);
                }
                start = end + 1;
            }
            return file;
        }

        private void Fail(int lineNumber, string problem)
        {
            if (Error == null)
            {
                ErrorLine = lineNumber;
                Error = "line " + lineNumber.ToString() + ": " + problem;
            }
        }

        private void AddLine(char[] line, int length, int lineNumber)
        {
            int first = 0;
            int last = length - 1;
            while (first <= last && IsBlank(line[first]))
            {
                first++;
            }
            while (last >= first && IsBlank(line[last]))
            {
                last--;
            }
            if (first > last || line[first] == '#')
            {
                return;
            }
            int equals = -1;
            for (int i = first; i <= last; i++)
            {
                if (line[i] == '=')
                {
                    equals = i;
                    break;
                }
            }
            if (equals < 0)
            {
                Fail(lineNumber, "no '=' in the line");
                return;
            }
            int keyEnd = equals - 1;
            while (keyEnd >= first && IsBlank(line[keyEnd]))
            {
                keyEnd--;
            }
            if (keyEnd < first)
            {
                Fail(lineNumber, "no key before '='");
                return;
            }
            for (int i = first; i <= keyEnd; i++)
            {
                if (!IsKeyChar(line[i]))
                {
                    Fail(lineNumber, "a key has only a-z, 0-9 and '_'");
                    return;
                }
            }
            int valueStart = equals + 1;
            while (valueStart <= last && IsBlank(line[valueStart]))
            {
                valueStart++;
            }
            string key = new string(line, first, keyEnd - first + 1);
            if (IndexOf(key) >= 0)
            {
                Fail(lineNumber, "'" + key + "' is set twice");
                return;
            }
            if (_count == MaxEntries)
            {
                Fail(lineNumber, "more than 64 settings");
                return;
            }
            _keys[_count] = key;
            _values[_count] = valueStart > last ? "" : new string(line, valueStart, last - valueStart + 1);
            _count++;
        }

        private static bool IsBlank(char c)
        {
            return c == ' ' || c == '\t' || c == '\r';
        }

        private static bool IsKeyChar(char c)
        {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        }

        /// <summary>Decodes bytes [start, end) into chars; returns the char count, or -1 on malformed UTF-8.</summary>
        private static int DecodeUtf8(byte[] bytes, int start, int end, char[] into)
        {
            int count = 0;
            int i = start;
            while (i < end)
            {
                int b = bytes[i];
                int code;
                int extra;
                if (b < 0x80)
                {
                    code = b;
                    extra = 0;
                }
                else if ((b & 0xE0) == 0xC0)
                {
                    code = b & 0x1F;
                    extra = 1;
                }
                else if ((b & 0xF0) == 0xE0)
                {
                    code = b & 0x0F;
                    extra = 2;
                }
                else
                {
                    // 4-byte sequences (outside the BMP) are not expected in settings.
                    return -1;
                }
                if (extra > 0 && i + extra >= end)
                {
                    return -1;
                }
                for (int k = 1; k <= extra; k++)
                {
                    int next = bytes[i + k];
                    if ((next & 0xC0) != 0x80)
                    {
                        return -1;
                    }
                    code = (code << 6) | (next & 0x3F);
                }
                into[count++] = (char)code;
                i += extra + 1;
            }
            return count;
        }

        private int IndexOf(string key)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_keys[i] == key)
                {
                    return i;
                }
            }
            return -1;
        }

        public bool Has(string key)
        {
            return IndexOf(key) >= 0;
        }

        /// <summary>The value, or null when the key is absent.</summary>
        public string Get(string key)
        {
            int i = IndexOf(key);
            return i < 0 ? null : _values[i];
        }

        public string GetString(string key, string fallback)
        {
            string value = Get(key);
            return value == null ? fallback : value;
        }

        /// <summary>A whole decimal number; false when absent or not a number that fits an int.</summary>
        public bool TryGetInt(string key, out int value)
        {
            string text = Get(key);
            value = 0;
            return text != null && ParseInt(text, 0, text.Length, out value);
        }

        /// <summary>
        /// A comma-separated list of whole numbers into <paramref name="into"/>; returns how many,
        /// -1 when absent, malformed or longer than <paramref name="into"/>.
        /// </summary>
        public int GetIntList(string key, int[] into)
        {
            string text = Get(key);
            if (text == null || text.Length == 0)
            {
                return -1;
            }
            int count = 0;
            int start = 0;
            while (start <= text.Length)
            {
                int end = text.IndexOf(',', start);
                if (end < 0)
                {
                    end = text.Length;
                }
                int value;
                if (count == into.Length || !ParseInt(text, start, end, out value))
                {
                    return -1;
                }
                into[count++] = value;
                start = end + 1;
            }
            return count;
        }

        /// <summary>Parses [start, end) of text as an optionally signed decimal int, blanks around it allowed.</summary>
        public static bool ParseInt(string text, int start, int end, out int value)
        {
            value = 0;
            while (start < end && IsBlank(text[start]))
            {
                start++;
            }
            while (end > start && IsBlank(text[end - 1]))
            {
                end--;
            }
            bool negative = false;
            if (start < end && (text[start] == '-' || text[start] == '+'))
            {
                negative = text[start] == '-';
                start++;
            }
            if (start == end)
            {
                return false;
            }
            long result = 0;
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }
                result = result * 10 + (c - '0');
                if (result > 2147483648L)
                {
                    return false;
                }
            }
            if (negative)
            {
                result = -result;
            }
            if (result > int.MaxValue || result < int.MinValue)
            {
                return false;
            }
            value = (int)result;
            return true;
        }

        /// <summary>A file's text as bytes, one per character (the device's files are ASCII key=value lines).</summary>
        public static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }
            return bytes;
        }
    }
}
