using Kiosk.Mat.Link;
using Kiosk.Mat.Protocol;

namespace Kiosk.Mat.DeviceTests.Fakes
{
    /// <summary>
    /// A display in memory, as the device's transport: it decodes every packet the device sends, acks the Hello and
    /// every Result (naming its id, duplicates included, as docs/protocol.md asks), stores each result id once, and
    /// can send commands, drop the link or stop acking. It keeps the last Result's payload and a CRC-32 over every
    /// stored Result's bytes in order, so a run's results can be compared byte for byte between .NET and nanoCLR.
    /// It keeps only what the tests read: packets are decoded as their bytes arrive (COBS undone, the CRC checked at
    /// the delimiter), holding a packet's header and its first <see cref="HeldPayloadBytes"/> payload bytes, never a
    /// whole packet (a buffer for the largest, a Result with its summed frame, is 2.7 KB at 48 x 48: bench heap the
    /// device never has). Buffers are allocated once (the last Result's copy at the first Result); nano-compatible.
    /// </summary>
    public sealed class AckingDisplay : IPacketTransport
    {
        private const int MaxStoredResults = 64;
        private const int OutgoingBytes = 512;

        /// <summary>Payload bytes held of a packet: a Status or an Ack whole, a Result's id (its first 12).</summary>
        private const int HeldPayloadBytes = 64;
        private const int ResultIdBytes = 12;

        private readonly int _maxPacketBytes;
        private readonly byte[] _outgoing = new byte[OutgoingBytes];
        private readonly byte[] _payload = new byte[HeldPayloadBytes];
        private readonly AckMessage _ack = new AckMessage();
        private readonly StatusMessage _status = new StatusMessage();
        private readonly uint[] _storedIds = new uint[MaxStoredResults];
        private int _outgoingLength;
        private uint _sequence;
        private uint _resultCrc = Crc32.Initial;

        // The packet arriving: COBS state, bytes decoded, its header, its CRC so far and the CRC it ends with, and,
        // for a Result to store, the fingerprint with its payload so far.
        private int _blockRemaining;
        private bool _zeroPending;
        private bool _discarding;
        private int _decoded;
        private MessageType _type;
        private uint _packetSequence;
        private int _payloadLength;
        private uint _crc;
        private uint _sentCrc;
        private bool _storing;
        private uint _storingCrc;

        public bool Open = true;

        /// <summary>Store the next Result, then drop the connection before acking it: the device must resend it.</summary>
        public bool LoseNextAck;

        /// <summary>False: the display is off; dialling it fails until it is back.</summary>
        public bool Reachable = true;

        /// <summary>False: Results arrive but are neither stored nor acked (the display is busy, or its acks are lost).</summary>
        public bool AcksResults = true;

        public int Hellos;
        public int Frames;
        public int Statuses;

        /// <summary>The Wi-Fi signal of the last Status, dBm (<see cref="StatusMessage.RssiNone"/>: not reported).</summary>
        public int LastRssiDbm = StatusMessage.RssiNone;
        public int SenselMaps;
        public int ResultPackets;
        public int StoredResults;
        public int DuplicateResults;

        /// <summary>
        /// The payload of the last Result stored (null until one is, or when the display keeps none). Allocated at the
        /// first Result, to its size: while the device runs its analysis, the heap holds no copy yet.
        /// </summary>
        public byte[] LastResult;
        public int LastResultLength;
        private readonly bool _keepLastResult;

        /// <summary>The device's ack of the last command sent, <see cref="MatLinkSession.NoAnswer"/> before one came.</summary>
        public AckStatus CommandStatus = MatLinkSession.NoAnswer;
        public uint CommandSequence;

        /// <param name="maxPacketBytes">The largest packet taken (a Result with its summed frame); larger ones are rejected and never acked.</param>
        /// <param name="keepLastResult">False: only the fingerprint is kept (the benchmark's heap holds no copy).</param>
        public AckingDisplay(int maxPacketBytes, bool keepLastResult)
        {
            _maxPacketBytes = maxPacketBytes;
            _keepLastResult = keepLastResult;
        }

        /// <summary>Time spent decoding what the device sent, 100 ns ticks: a benchmark takes it off the device's time.</summary>
        public long BusyTicks;

        public bool IsOpen { get { return Open; } }

        /// <summary>CRC-32 over the payloads of every Result stored, in order: equal runs give equal fingerprints.</summary>
        public uint ResultFingerprint { get { return Crc32.Finish(_resultCrc); } }

        public uint StoredId(int index) { return _storedIds[index]; }

        /// <summary>The link breaks: the device notices at its next poll; bytes in flight are lost.</summary>
        public void Drop()
        {
            Open = false;
            _outgoingLength = 0;
            StartPacket();
        }

        /// <summary>The device connects again (a new connection: sequences restart).</summary>
        public void Reopen()
        {
            Open = true;
            _sequence = 0;
            _outgoingLength = 0;
        }

        public bool TrySend(byte[] buffer, int offset, int count)
        {
            if (!Open)
            {
                return false;
            }
            long start = System.DateTime.UtcNow.Ticks;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                Take(buffer[i]);
            }
            BusyTicks += System.DateTime.UtcNow.Ticks - start;
            return true;
        }

        public int Receive(byte[] buffer, int offset, int count)
        {
            if (!Open || _outgoingLength == 0)
            {
                return 0;
            }
            int n = _outgoingLength < count ? _outgoingLength : count;
            System.Array.Copy(_outgoing, 0, buffer, offset, n);
            System.Array.Copy(_outgoing, n, _outgoing, 0, _outgoingLength - n);
            _outgoingLength -= n;
            return n;
        }

        /// <summary>Sends a command (<see cref="MessageType.CalibrateZero"/>, ...) with its payload; the device acks it at its next poll.</summary>
        public uint SendCommand(MessageType type, byte[] payload, int length)
        {
            CommandStatus = MatLinkSession.NoAnswer;
            CommandSequence = _sequence;
            Send(type, payload, length);
            return CommandSequence;
        }

        /// <summary>One wire byte: a delimiter ends the packet; otherwise COBS is undone as PacketDecoder does.</summary>
        private void Take(byte value)
        {
            if (value == PacketFormat.Delimiter)
            {
                EndPacket();
            }
            else if (!_discarding)
            {
                int decoded = PacketFormat.Unstuff(value, ref _blockRemaining, ref _zeroPending);
                if (decoded >= 0)
                {
                    Decoded((byte)decoded);
                }
            }
        }

        /// <summary>
        /// The packet's next byte after COBS: version | type | sequence (4) | payload length (2) | payload | CRC-32 (4).
        /// A Result's bytes go into the fingerprint as they come once its id shows it is one to store.
        /// </summary>
        private void Decoded(byte value)
        {
            int at = _decoded++;
            if (at >= _maxPacketBytes)
            {
                _discarding = true;
                return;
            }
            int payloadEnd = PacketFormat.PayloadOffset + _payloadLength;
            if (at < payloadEnd)
            {
                _crc = Crc32.Update(_crc, value);
            }
            if (at < PacketFormat.PayloadOffset)
            {
                TakeHeader(at, value);
            }
            else if (at < payloadEnd)
            {
                TakePayload(at - PacketFormat.PayloadOffset, value);
            }
            else if (at < payloadEnd + PacketFormat.CrcBytes)
            {
                _sentCrc |= (uint)value << (8 * (at - payloadEnd));
            }
        }

        private void TakeHeader(int at, byte value)
        {
            if (at == 0)
            {
                _discarding = value != PacketFormat.Version;
            }
            else if (at == 1)
            {
                _type = (MessageType)value;
            }
            else if (at < 6)
            {
                _packetSequence |= (uint)value << (8 * (at - 2));
            }
            else
            {
                _payloadLength |= value << (8 * (at - 6));
            }
        }

        private void TakePayload(int index, byte value)
        {
            if (index < HeldPayloadBytes)
            {
                _payload[index] = value;
            }
            if (_type != MessageType.Result || index < ResultIdBytes - 1)
            {
                return;
            }
            if (index == ResultIdBytes - 1)
            {
                // The id is in: a Result not stored yet, with room left, goes into the fingerprint and the copy from here.
                _storing = AcksResults && StoredResults < MaxStoredResults && !IsStored(ResultCounterHeld());
                if (!_storing)
                {
                    return;
                }
                _storingCrc = Crc32.Update(_resultCrc, _payload, 0, ResultIdBytes);
                if (_keepLastResult)
                {
                    if (LastResult == null || LastResult.Length < _payloadLength)
                    {
                        LastResult = null;
                        LastResult = new byte[_payloadLength];
                    }
                    System.Array.Copy(_payload, 0, LastResult, 0, ResultIdBytes);
                }
                return;
            }
            if (_storing)
            {
                _storingCrc = Crc32.Update(_storingCrc, value);
                if (_keepLastResult)
                {
                    LastResult[index] = value;
                }
            }
        }

        private void EndPacket()
        {
            bool valid = _decoded > 0 && !_discarding && _blockRemaining == 0
                && _decoded == PacketFormat.HeaderBytes + _payloadLength + PacketFormat.CrcBytes && Crc32.Finish(_crc) == _sentCrc;
            MessageType type = _type;
            uint sequence = _packetSequence;
            int payloadLength = _payloadLength;
            bool storing = _storing;
            uint storingCrc = _storingCrc;
            StartPacket();
            if (!valid)
            {
                if (storing && _keepLastResult)
                {
                    // Its bytes went over the last Result's copy.
                    LastResultLength = 0;
                }
                return;
            }
            switch (type)
            {
                case MessageType.Hello:
                    Hellos++;
                    Ack(sequence, AckStatus.Ok, false, 0, 0);
                    break;
                case MessageType.Frame:
                    Frames++;
                    break;
                case MessageType.Status:
                    Statuses++;
                    if (payloadLength <= HeldPayloadBytes && _status.DecodePayload(_payload, 0, payloadLength))
                    {
                        LastRssiDbm = _status.RssiDbm;
                    }
                    break;
                case MessageType.SenselMap:
                    SenselMaps++;
                    break;
                case MessageType.Result:
                    ResultPackets++;
                    if (AcksResults && payloadLength >= ResultIdBytes)
                    {
                        StoreResult(sequence, payloadLength, storing, storingCrc);
                    }
                    break;
                case MessageType.Ack:
                    if (payloadLength <= HeldPayloadBytes && _ack.DecodePayload(_payload, 0, payloadLength) && _ack.AckedSequence == CommandSequence)
                    {
                        CommandStatus = _ack.Status;
                    }
                    break;
            }
        }

        private void StartPacket()
        {
            _blockRemaining = 0;
            _zeroPending = false;
            _discarding = false;
            _decoded = 0;
            _packetSequence = 0;
            _payloadLength = 0;
            _crc = Crc32.Initial;
            _sentCrc = 0;
            _storing = false;
        }

        /// <summary>The held Result's counter: its id is the payload's first 12 bytes, device id (i64) and counter (u32), little-endian.</summary>
        private uint ResultCounterHeld()
        {
            byte[] b = _payload;
            return (uint)(b[8] | (b[9] << 8) | (b[10] << 16) | (b[11] << 24));
        }

        private bool IsStored(uint counter)
        {
            for (int i = 0; i < StoredResults; i++)
            {
                if (_storedIds[i] == counter)
                {
                    return true;
                }
            }
            return false;
        }

        /// <param name="storing">Decided at the id (not stored before, room left) while its bytes went into <paramref name="storingCrc"/>.</param>
        private void StoreResult(uint sequence, int payloadLength, bool storing, uint storingCrc)
        {
            long deviceId = 0;
            for (int i = 7; i >= 0; i--)
            {
                deviceId = (deviceId << 8) | _payload[i];
            }
            uint counter = ResultCounterHeld();
            if (storing)
            {
                _storedIds[StoredResults++] = counter;
                _resultCrc = storingCrc;
                LastResultLength = payloadLength;
            }
            else if (IsStored(counter))
            {
                DuplicateResults++;
            }
            if (LoseNextAck)
            {
                LoseNextAck = false;
                Drop();
                return;
            }
            // The ack is encoded where the payload was held: the id is read.
            Ack(sequence, AckStatus.Ok, true, deviceId, counter);
        }

        private void Ack(uint sequence, AckStatus status, bool hasResultId, long deviceId, uint counter)
        {
            _ack.AckedSequence = sequence;
            _ack.Status = status;
            _ack.HasResultId = hasResultId;
            _ack.DeviceId = deviceId;
            _ack.ResultCounter = counter;
            Send(MessageType.Ack, _payload, _ack.EncodePayload(_payload, 0, _payload.Length));
        }

        private void Send(MessageType type, byte[] payload, int length)
        {
            int written = PacketFramer.Encode(type, _sequence, payload, 0, length, _outgoing, _outgoingLength);
            if (written > 0)
            {
                _outgoingLength += written;
                _sequence++;
            }
        }
    }
}
