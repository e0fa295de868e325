namespace Kiosk.Mat.Protocol
{
    /// <summary>
    /// Command (type <see cref="MessageType.SetConfig"/>): set one configuration key to a value. Keys are printable
    /// ASCII; values are bytes (UTF-8 text by convention) that the device interprets per key. Kept as bytes in
    /// preallocated arrays so decoding allocates nothing; <see cref="KeyIs"/> compares without making a string.
    /// </summary>
    public sealed class SetConfigMessage
    {
        public const int MaxKeyBytes = 32;
        public const int MaxValueBytes = 64;

        public readonly byte[] Key = new byte[MaxKeyBytes];
        public int KeyLength;
        public readonly byte[] Value = new byte[MaxValueBytes];
        public int ValueLength;

        /// <summary>Sets key and value from ASCII strings (characters above 0x7E become '?'); for senders and tests.</summary>
        public void Set(string key, string value)
        {
            KeyLength = CopyAscii(key, Key);
            ValueLength = CopyAscii(value, Value);
        }

        public bool KeyIs(string key)
        {
            if (key.Length != KeyLength)
            {
                return false;
            }
            for (int i = 0; i < KeyLength; i++)
            {
                if (Key[i] != key[i])
                {
                    return false;
                }
            }
            return true;
        }

        public int EncodePayload(byte[] buffer, int offset, int capacity)
        {
            PayloadWriter writer = new PayloadWriter(buffer, offset, capacity);
            writer.U8(KeyLength);
            writer.Bytes(Key, 0, KeyLength);
            writer.U8(ValueLength);
            writer.Bytes(Value, 0, ValueLength);
            return writer.Length;
        }

        public bool DecodePayload(byte[] buffer, int offset, int count)
        {
            PayloadReader reader = new PayloadReader(buffer, offset, count);
            KeyLength = reader.U8();
            if (reader.Failed || KeyLength < 1 || KeyLength > MaxKeyBytes)
            {
                return false;
            }
            reader.Bytes(Key, 0, KeyLength);
            for (int i = 0; i < KeyLength; i++)
            {
                if (Key[i] < 0x21 || Key[i] > 0x7E)
                {
                    return false;
                }
            }
            ValueLength = reader.U8();
            if (reader.Failed || ValueLength > MaxValueBytes)
            {
                return false;
            }
            reader.Bytes(Value, 0, ValueLength);
            return reader.EndedCleanly;
        }

        private static int CopyAscii(string text, byte[] target)
        {
            int length = text.Length < target.Length ? text.Length : target.Length;
            for (int i = 0; i < length; i++)
            {
                char c = text[i];
                target[i] = (byte)(c > (char)0x7E ? '?' : c);
            }
            return length;
        }
    }
}
