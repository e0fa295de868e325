namespace Kiosk.Mat.Protocol
{
    /// <summary>
    /// The receiving half of the framing: feed it bytes as they arrive, in chunks of any size, and it reports
    /// each valid packet and each stretch of rejected bytes to its sink. It undoes COBS on the fly into one
    /// preallocated buffer, so it holds at most one packet and allocates nothing per byte or packet.
    /// Any byte sequence is safe: a packet that is too long, badly stuffed, of another version or with a
    /// wrong CRC is dropped, and decoding resumes after the next 0x00, which COBS never puts inside a packet.
    /// </summary>
    public sealed class PacketDecoder
    {
        private readonly IPacketSink _sink;
        private readonly DecodedPacket _packet;
        private readonly byte[] _buffer;
        private readonly int _maxPacketBytes;

        private long _position;
        private long _chunkStart;
        private int _length;
        private int _blockRemaining;
        private bool _zeroPending;
        private bool _discarding;

        private long _stretchStart = -1;
        private long _stretchEnd;

        /// <summary>Packets delivered and bytes rejected since construction, for Status and for <c>matctl decode</c>'s summary.</summary>
        public long PacketCount;
        public long RejectedBytes;

        /// <param name="maxPacketBytes">
        /// The largest packet accepted (before COBS); a device that only receives commands can pass a few
        /// hundred bytes, a display passes <see cref="PacketFormat.MaxPacketBytes"/>.
        /// </param>
        public PacketDecoder(IPacketSink sink, int maxPacketBytes)
        {
            if (maxPacketBytes < PacketFormat.HeaderBytes + PacketFormat.CrcBytes || maxPacketBytes > PacketFormat.MaxPacketBytes)
            {
                throw new System.ArgumentOutOfRangeException("maxPacketBytes");
            }
            _sink = sink;
            _maxPacketBytes = maxPacketBytes;
            _packet = new DecodedPacket(maxPacketBytes);
            _buffer = _packet.Buffer;
        }

        /// <summary>Bytes fed so far: the stream offset of the next byte.</summary>
        public long Position { get { return _position; } }

        public void Feed(byte[] data, int offset, int count)
        {
            if (data == null || offset < 0 || count <= 0 || offset > data.Length - count)
            {
                return;
            }
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                // Counted before it is handled, so a sink that throws leaves the offsets right.
                _position++;
                Take(data[i]);
            }
        }

        /// <summary>
        /// Ends the stream (end of file, closed connection): a packet still unterminated is rejected and the
        /// open stretch of rejected bytes is reported. Feeding may continue; offsets keep counting.
        /// </summary>
        public void Flush()
        {
            long chunkStart = _chunkStart;
            StartChunk(_position);
            if (_position > chunkStart)
            {
                Reject(chunkStart, _position);
            }
            ReportStretch();
        }

        private void Take(byte value)
        {
            if (value == PacketFormat.Delimiter)
            {
                EndChunk();
                return;
            }
            if (_discarding)
            {
                return;
            }
            int decoded = PacketFormat.Unstuff(value, ref _blockRemaining, ref _zeroPending);
            if (decoded >= 0)
            {
                Append((byte)decoded);
            }
        }

        private void Append(byte value)
        {
            if (_length >= _maxPacketBytes)
            {
                _discarding = true;
                return;
            }
            _buffer[_length++] = value;
        }

        /// <summary>A delimiter arrived (it is already counted in <see cref="_position"/>).</summary>
        private void EndChunk()
        {
            long chunkEnd = _position;
            long chunkStart = _chunkStart;
            bool valid = chunkEnd - 1 > chunkStart && !_discarding && _blockRemaining == 0 && IsValid();
            int length = _length;
            // Ready for the next packet before anyone is told, so a sink that throws cannot leave a half-read packet.
            StartChunk(chunkEnd);
            if (chunkEnd - 1 == chunkStart)
            {
                // An empty packet: idle fill, such as the 0x00 that opens every packet.
                return;
            }
            if (!valid)
            {
                Reject(chunkStart, chunkEnd);
                return;
            }
            ReportStretch();
            _packet.Type = (MessageType)_buffer[1];
            _packet.Sequence = (uint)(_buffer[2] | (_buffer[3] << 8) | (_buffer[4] << 16) | (_buffer[5] << 24));
            _packet.PayloadLength = length - PacketFormat.HeaderBytes - PacketFormat.CrcBytes;
            _packet.StreamOffset = chunkStart;
            _packet.WireBytes = (int)(chunkEnd - chunkStart);
            PacketCount++;
            _sink.OnPacket(_packet);
        }

        /// <summary>Length, version, declared payload length and CRC all agree.</summary>
        private bool IsValid()
        {
            int payloadLength = _length - PacketFormat.HeaderBytes - PacketFormat.CrcBytes;
            if (payloadLength < 0 || _buffer[0] != PacketFormat.Version)
            {
                return false;
            }
            if ((_buffer[6] | (_buffer[7] << 8)) != payloadLength)
            {
                return false;
            }
            int crcAt = _length - PacketFormat.CrcBytes;
            uint sent = (uint)(_buffer[crcAt] | (_buffer[crcAt + 1] << 8) | (_buffer[crcAt + 2] << 16) | (_buffer[crcAt + 3] << 24));
            return Crc32.Compute(_buffer, 0, crcAt) == sent;
        }

        private void Reject(long chunkStart, long chunkEnd)
        {
            if (_stretchStart < 0)
            {
                _stretchStart = chunkStart;
            }
            _stretchEnd = chunkEnd;
        }

        private void ReportStretch()
        {
            if (_stretchStart < 0)
            {
                return;
            }
            long count = _stretchEnd - _stretchStart;
            long start = _stretchStart;
            _stretchStart = -1;
            RejectedBytes += count;
            _sink.OnRejected(start, count);
        }

        private void StartChunk(long chunkStart)
        {
            _chunkStart = chunkStart;
            _length = 0;
            _blockRemaining = 0;
            _zeroPending = false;
            _discarding = false;
        }
    }
}
