using Kiosk.Mat.Link;
using Kiosk.Mat.Protocol;

namespace Kiosk.Mat.DeviceTests.Fakes
{
    /// <summary>
    /// A display in memory, as the device's transport: it decodes every packet the device sends, acks the Hello and
    /// every Result (naming its id, duplicates included, as docs/protocol.md asks), stores each result id once, and
    /// can send commands, drop the link or stop acking. It keeps the last Result's payload and a CRC-32 over every
    /// stored Result's bytes in order, so a run's results can be compared byte for byte between .NET and nanoCLR.
    /// Buffers are allocated once (the last Result's copy at the first Result); nano-compatible.
    /// </summary>
    public sealed class AckingDisplay : IPacketTransport, IPacketSink
    {
        private const int MaxStoredResults = 64;
        private const int OutgoingBytes = 512;

        private readonly PacketDecoder _decoder;
        private readonly byte[] _outgoing = new byte[OutgoingBytes];
        private readonly byte[] _payload = new byte[64];
        private readonly AckMessage _ack = new AckMessage();
        private readonly StatusMessage _status = new StatusMessage();
        private readonly uint[] _storedIds = new uint[MaxStoredResults];
        private int _outgoingLength;
        private uint _sequence;
        private uint _resultCrc = Crc32.Initial;

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
            _decoder = new PacketDecoder(this, maxPacketBytes);
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
            _decoder.Flush();
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
            _decoder.Feed(buffer, offset, count);
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

        public void OnPacket(DecodedPacket packet)
        {
            switch (packet.Type)
            {
                case MessageType.Hello:
                    Hellos++;
                    Ack(packet.Sequence, AckStatus.Ok, false, 0, 0);
                    break;
                case MessageType.Frame:
                    Frames++;
                    break;
                case MessageType.Status:
                    Statuses++;
                    if (_status.DecodePayload(packet.Buffer, packet.PayloadOffset, packet.PayloadLength))
                    {
                        LastRssiDbm = _status.RssiDbm;
                    }
                    break;
                case MessageType.SenselMap:
                    SenselMaps++;
                    break;
                case MessageType.Result:
                    ResultPackets++;
                    if (AcksResults)
                    {
                        StoreResult(packet);
                    }
                    break;
                case MessageType.Ack:
                    if (_ack.DecodePayload(packet.Buffer, packet.PayloadOffset, packet.PayloadLength) && _ack.AckedSequence == CommandSequence)
                    {
                        CommandStatus = _ack.Status;
                    }
                    break;
            }
        }

        public void OnRejected(long streamOffset, long byteCount)
        {
        }

        private void StoreResult(DecodedPacket packet)
        {
            // The id is the payload's first 12 bytes: device id (i64) and counter (u32), little-endian.
            byte[] b = packet.Buffer;
            int at = packet.PayloadOffset;
            long deviceId = 0;
            for (int i = 7; i >= 0; i--)
            {
                deviceId = (deviceId << 8) | b[at + i];
            }
            uint counter = (uint)(b[at + 8] | (b[at + 9] << 8) | (b[at + 10] << 16) | (b[at + 11] << 24));
            bool known = false;
            for (int i = 0; i < StoredResults; i++)
            {
                if (_storedIds[i] == counter)
                {
                    known = true;
                }
            }
            if (known)
            {
                DuplicateResults++;
            }
            else if (StoredResults < MaxStoredResults)
            {
                _storedIds[StoredResults++] = counter;
                _resultCrc = Crc32.Update(_resultCrc, b, at, packet.PayloadLength);
                LastResultLength = packet.PayloadLength;
                if (_keepLastResult)
                {
                    if (LastResult == null || LastResult.Length < packet.PayloadLength)
                    {
                        LastResult = null;
                        LastResult = new byte[packet.PayloadLength];
                    }
                    System.Array.Copy(b, at, LastResult, 0, packet.PayloadLength);
                }
            }
            if (LoseNextAck)
            {
                LoseNextAck = false;
                Drop();
                return;
            }
            Ack(packet.Sequence, AckStatus.Ok, true, deviceId, counter);
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
