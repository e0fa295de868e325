namespace Kiosk.Mat.Protocol
{
    /// <summary>
    /// Reads little-endian integers and varints from a received payload, never past its end: a read beyond the
    /// end returns 0 and sets <see cref="Failed"/>, so a message decoder checks once at the end instead of
    /// guarding every field, and no input can make it throw.
    /// </summary>
    public struct PayloadReader
    {
        private readonly byte[] _buffer;
        private readonly int _end;
        private int _position;
        private bool _failed;

        public PayloadReader(byte[] buffer, int offset, int count)
        {
            _buffer = buffer;
            _position = offset;
            _end = offset + count;
            _failed = buffer == null || offset < 0 || count < 0 || offset + count > buffer.Length;
            if (_failed)
            {
                _end = _position;
            }
        }

        public bool Failed { get { return _failed; } }

        public int Remaining { get { return _end - _position; } }

        /// <summary>True when every read succeeded and the payload was consumed exactly.</summary>
        public bool EndedCleanly { get { return !_failed && _position == _end; } }

        public void Fail()
        {
            _failed = true;
        }

        public int U8()
        {
            if (_position >= _end)
            {
                _failed = true;
                return 0;
            }
            return _buffer[_position++];
        }

        public int U16()
        {
            int low = U8();
            return low | (U8() << 8);
        }

        public uint U32()
        {
            uint b0 = (uint)U8();
            uint b1 = (uint)U8();
            uint b2 = (uint)U8();
            uint b3 = (uint)U8();
            return b0 | (b1 << 8) | (b2 << 16) | (b3 << 24);
        }

        public int I32()
        {
            return (int)U32();
        }

        public long I64()
        {
            ulong low = U32();
            ulong high = U32();
            return (long)(low | (high << 32));
        }

        /// <summary>A boolean byte; anything but 0 or 1 is malformed.</summary>
        public bool Bool()
        {
            int value = U8();
            if (value > 1)
            {
                _failed = true;
            }
            return value == 1;
        }

        /// <summary>A varint of at most <see cref="Varint.MaxBytes"/> bytes; a longer one is malformed.</summary>
        public int Varint()
        {
            int value = 0;
            for (int i = 0; i < Protocol.Varint.MaxBytes; i++)
            {
                int b = U8();
                value |= (b & 0x7F) << (7 * i);
                if ((b & 0x80) == 0)
                {
                    return value;
                }
            }
            _failed = true;
            return 0;
        }

        public void Bytes(byte[] target, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                target[offset + i] = (byte)U8();
            }
        }
    }
}
