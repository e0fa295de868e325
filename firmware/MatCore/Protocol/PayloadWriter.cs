namespace Kiosk.Mat.Protocol
{
    /// <summary>
    /// Writes little-endian integers and varints into a caller's buffer by shifting (nanoFramework has no
    /// BinaryPrimitives). A struct on the stack, so encoding allocates nothing. Writing past the end sets
    /// <see cref="Overflowed"/> instead of throwing: the encoder then reports "does not fit".
    /// </summary>
    public struct PayloadWriter
    {
        private readonly byte[] _buffer;
        private readonly int _start;
        private readonly int _end;
        private int _position;
        private bool _overflowed;

        public PayloadWriter(byte[] buffer, int offset, int capacity)
        {
            _buffer = buffer;
            _start = offset;
            _end = offset + capacity;
            _position = offset;
            _overflowed = false;
        }

        public bool Overflowed { get { return _overflowed; } }

        /// <summary>Bytes written so far, or -1 when something did not fit or <see cref="Fail"/> was called.</summary>
        public int Length { get { return _overflowed ? -1 : _position - _start; } }

        /// <summary>Marks the payload as not writable (the caller found its own data invalid).</summary>
        public void Fail()
        {
            _overflowed = true;
        }

        public void U8(int value)
        {
            if (_position >= _end)
            {
                _overflowed = true;
                return;
            }
            _buffer[_position++] = (byte)value;
        }

        public void U16(int value)
        {
            U8(value);
            U8(value >> 8);
        }

        public void U32(uint value)
        {
            U8((int)(value & 0xFF));
            U8((int)((value >> 8) & 0xFF));
            U8((int)((value >> 16) & 0xFF));
            U8((int)(value >> 24));
        }

        public void I32(int value)
        {
            U32((uint)value);
        }

        public void I64(long value)
        {
            U32((uint)(value & 0xFFFFFFFF));
            U32((uint)((ulong)value >> 32));
        }

        public void Bool(bool value)
        {
            U8(value ? 1 : 0);
        }

        /// <summary>An unsigned LEB128 varint of at most <see cref="Varint.MaxBytes"/> bytes; larger values saturate.</summary>
        public void Varint(int value)
        {
            if (value > Protocol.Varint.MaxValue)
            {
                value = Protocol.Varint.MaxValue;
            }
            while (value >= 0x80)
            {
                U8((value & 0x7F) | 0x80);
                value >>= 7;
            }
            U8(value);
        }

        public void Bytes(byte[] source, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                U8(source[offset + i]);
            }
        }
    }
}
