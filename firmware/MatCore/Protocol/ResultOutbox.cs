namespace Kiosk.Mat.Protocol
{
    /// <summary>
    /// Keeps every encoded Result payload until the display acknowledges its id, and says when to (re)send each.
    /// Bounded twice, by entries and by bytes, both allocated once at start-up. When full it refuses the newest
    /// result instead of dropping an older unacknowledged one: the caller holds that scan, starts no new one and
    /// reports "outbox full" in its Status (docs/protocol.md, "When the outbox is full").
    /// Time comes in as a millisecond counter that may wrap (uptime); differences are taken as signed ints,
    /// which stays right for deadlines less than 24 days apart.
    ///
    /// The pool is also the link's packet buffer (<see cref="Link.MatLinkSession"/>), so the device keeps one buffer
    /// the size of its largest packet, not two: a held payload goes out framed where it lies
    /// (<see cref="PacketFramer.EncodeInPlaceAt"/>, room for the framing before the first and after the last), and every
    /// other packet is built in the free bytes after the payloads (<see cref="FreeOffset"/>), with
    /// <see cref="PacketRoomBytes"/> past the payloads' own bytes so that acks, Hello and Status go out with the outbox full.
    /// </summary>
    public sealed class ResultOutbox
    {
        /// <summary>First resend of an unacknowledged result; each later one waits twice as long, up to the maximum.</summary>
        public const int InitialBackoffMs = 1000;
        public const int MaxBackoffMs = 60000;

        /// <summary>Bytes past the payloads' for the packets that are not results (Hello with its proof, Status, an ack: under 100 bytes).</summary>
        public const int PacketRoomBytes = 256;

        private readonly byte[] _pool;
        private readonly uint[] _counters;
        private readonly int[] _offsets;
        private readonly int[] _lengths;
        private readonly int[] _dueAtMs;
        private readonly int[] _backoffMs;
        // Where the first payload starts (the room to frame it in place before it), and the payloads' own bytes.
        private readonly int _firstOffset;
        private readonly int _payloadBytes;
        private int _count;
        private int _usedBytes;
        private bool _connected;
        private bool _refusing;

        /// <param name="capacity">Results held at most.</param>
        /// <param name="poolBytes">Bytes for all their payloads; at least one result of the largest size must fit. The pool
        /// has <see cref="PacketRoomBytes"/> and the framing's room on top.</param>
        public ResultOutbox(int capacity, int poolBytes)
        {
            if (capacity < 1 || poolBytes < 1)
            {
                throw new System.ArgumentOutOfRangeException("capacity");
            }
            _firstOffset = PacketFramer.InPlaceHeadroomFor(poolBytes);
            _payloadBytes = poolBytes;
            _pool = new byte[_firstOffset + poolBytes + PacketFormat.CrcBytes + PacketRoomBytes];
            _counters = new uint[capacity];
            _offsets = new int[capacity];
            _lengths = new int[capacity];
            _dueAtMs = new int[capacity];
            _backoffMs = new int[capacity];
        }

        public int Count { get { return _count; } }

        public int Capacity { get { return _counters.Length; } }

        /// <summary>True from a refused <see cref="TryAdd"/> until one succeeds: a scan is being held back.</summary>
        public bool Refusing { get { return _refusing; } }

        public bool Connected { get { return _connected; } }

        /// <summary>The payloads live here; send entry i as <c>Pool[OffsetAt(i) .. + LengthAt(i)]</c>.</summary>
        public byte[] Pool { get { return _pool; } }

        /// <summary>Where the pool's free bytes start (after the last payload): a packet may be built from here on.</summary>
        public int FreeOffset { get { return _firstOffset + _usedBytes; } }

        public uint CounterAt(int index) { return _counters[index]; }

        public int OffsetAt(int index) { return _offsets[index]; }

        public int LengthAt(int index) { return _lengths[index]; }

        /// <summary>
        /// Copies a result payload in. False, and nothing changes but <see cref="Refusing"/>, when there is no free
        /// entry or not enough bytes: the caller keeps the result and tries again after the next acknowledgement.
        /// A counter already held is accepted as done (the caller retried an add that had succeeded).
        /// </summary>
        public bool TryAdd(uint resultCounter, byte[] payload, int offset, int length, int nowMs)
        {
            if (IndexOf(resultCounter) >= 0)
            {
                return true;
            }
            if (_count == _counters.Length || length < 0 || length > _payloadBytes - _usedBytes)
            {
                _refusing = true;
                return false;
            }
            // The payload may have been built in the free bytes themselves (the link's): a move within the pool.
            System.Array.Copy(payload, offset, _pool, FreeOffset, length);
            _counters[_count] = resultCounter;
            _offsets[_count] = FreeOffset;
            _lengths[_count] = length;
            _dueAtMs[_count] = nowMs;
            _backoffMs[_count] = InitialBackoffMs;
            _usedBytes += length;
            _count++;
            _refusing = false;
            return true;
        }

        /// <summary>
        /// The oldest entry due to be sent at <paramref name="nowMs"/>, or -1 (none due, or no link).
        /// After sending it, call <see cref="MarkSent"/>.
        /// </summary>
        public int NextDue(int nowMs)
        {
            if (!_connected)
            {
                return -1;
            }
            for (int i = 0; i < _count; i++)
            {
                if (nowMs - _dueAtMs[i] >= 0)
                {
                    return i;
                }
            }
            return -1;
        }

        /// <summary>Entry <paramref name="index"/> went out: wait its backoff for the ack, then double the backoff.</summary>
        public void MarkSent(int index, int nowMs)
        {
            int backoff = _backoffMs[index];
            _dueAtMs[index] = nowMs + backoff;
            _backoffMs[index] = backoff >= MaxBackoffMs / 2 ? MaxBackoffMs : backoff * 2;
        }

        /// <summary>
        /// The display acknowledged this result id: forget it. True the first time, false for an id not held
        /// (a duplicate ack of a resent result, or an ack meant for another boot) - both are harmless.
        /// </summary>
        public bool Acknowledge(uint resultCounter)
        {
            int index = IndexOf(resultCounter);
            if (index < 0)
            {
                return false;
            }
            int length = _lengths[index];
            int tail = FreeOffset - (_offsets[index] + length);
            if (tail > 0)
            {
                System.Array.Copy(_pool, _offsets[index] + length, _pool, _offsets[index], tail);
            }
            _usedBytes -= length;
            for (int i = index; i < _count - 1; i++)
            {
                _counters[i] = _counters[i + 1];
                _offsets[i] = _offsets[i + 1] - length;
                _lengths[i] = _lengths[i + 1];
                _dueAtMs[i] = _dueAtMs[i + 1];
                _backoffMs[i] = _backoffMs[i + 1];
            }
            _count--;
            return true;
        }

        /// <summary>A link is up (and its Hello acknowledged): everything held is due at once, backoffs start again.</summary>
        public void OnConnected(int nowMs)
        {
            _connected = true;
            for (int i = 0; i < _count; i++)
            {
                _dueAtMs[i] = nowMs;
                _backoffMs[i] = InitialBackoffMs;
            }
        }

        public void OnDisconnected()
        {
            _connected = false;
        }

        private int IndexOf(uint resultCounter)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_counters[i] == resultCounter)
                {
                    return i;
                }
            }
            return -1;
        }
    }
}
