using Kiosk.Mat.Analysis;
using Kiosk.Mat.Geometry;
using Kiosk.Mat.Pairing;
using Kiosk.Mat.Protocol;

namespace Kiosk.Mat.Link
{
    /// <summary>
    /// The device's side of the mat protocol over one <see cref="IPacketTransport"/> at a time (docs/protocol.md,
    /// "Connection" and "Delivery that loses nothing"): a Hello on every connect, sequence numbers from 0 per
    /// connection, live frames dropped rather than waited for, results kept in the <see cref="ResultOutbox"/> until
    /// an Ack names their id and resent with backoff, Status on request, commands acknowledged.
    /// The ESP32 app and the virtual mat run this same class; all buffers are allocated here, once.
    /// </summary>
    public sealed class MatLinkSession : IPacketSink
    {
        // Commands and acks are small; the device never needs to take a frame or a result. The largest packet the display
        // sends it is a SetConfig with the longest key and value (docs/protocol.md): its payload, header and CRC.
        private const int IncomingPacketBytes = PacketFormat.HeaderBytes + 2 + SetConfigMessage.MaxKeyBytes + SetConfigMessage.MaxValueBytes + PacketFormat.CrcBytes;
        // Read from the transport this much at a time: a poll takes a few commands at most, and a longer one in turns.
        private const int ReceiveChunkBytes = 64;

        private readonly long _deviceId;
        private readonly MatGeometry _geometry;
        private readonly ResultOutbox _outbox;
        private readonly PacketDecoder _decoder;
        // One buffer for every packet, the outbox's pool: a packet's payload is encoded in its free bytes, after the room
        // its framing takes (_headroom), then framed in place; a held result goes out framed where it lies, and the
        // bytes that framing covered around it wait in _margins.
        private readonly byte[] _packet;
        private readonly int _payloadBytes;
        private readonly int _headroom;
        private readonly byte[] _margins;
        private readonly byte[] _received = new byte[ReceiveChunkBytes];
        private readonly FrameMessage _frame = new FrameMessage(0);
        // Refers to the analysis it sends (QueueResult) rather than hold a copy of its own.
        private readonly ResultMessage _result = new ResultMessage(0, null);
        private readonly AckMessage _ack = new AckMessage();
        private readonly CalibrateGainMessage _gain = new CalibrateGainMessage();
        private readonly ChallengeMessage _challenge = new ChallengeMessage();
        // The key, not a PairingProof: the proof's hash state (pads, schedule, block: ~0.9 KB of heap) is built for
        // each Challenge, once a connection, rather than kept for the device's life.
        private readonly byte[] _pairingKey;

        private IPacketTransport _transport;
        private uint _sequence;
        private int _nowMs;
        private bool _paired;
        private uint _helloSequence;
        private AckStatus _helloStatus = NoAnswer;
        private bool _holding;
        private uint _heldCounter;
        private uint _nextResultCounter;
        private uint _framesDropped;

        /// <summary>Filled by the app (calibration id); the session sets the id, the grid and the <see cref="FirmwareVersion"/>.</summary>
        public readonly HelloMessage Hello = new HelloMessage();

        /// <summary>Filled by the app (uptime, free memory, frame rate, dead sensels, RSSI) before <see cref="SendStatus"/>.</summary>
        public readonly StatusMessage Status = new StatusMessage();

        /// <summary>
        /// The self-test's mask (<see cref="SelfTest.MatSelfTest.Mask"/>), set by the app: sent as the sensel map after
        /// every accepted Hello and on <see cref="SendSenselMap"/>. Null sends none.
        /// </summary>
        public byte[] SenselMask;

        /// <summary>What to do on a command; null acknowledges every command as busy.</summary>
        public IMatCommands Commands;

        /// <summary>What <see cref="HelloStatus"/> says before the display has answered this connection's Hello.</summary>
        public const AckStatus NoAnswer = (AckStatus)0xFF;

        /// <param name="firstResultCounter">The next never-used result counter (persisted by the app across reboots).</param>
        /// <param name="pairingKey">The <see cref="PairingKey.KeyBytes"/>-byte key the display paired this device with (device_key);
        /// null for a device that has none and so can never answer a Challenge.</param>
        public MatLinkSession(long deviceId, MatGeometry geometry, ResultOutbox outbox, uint firstResultCounter, byte[] pairingKey)
            : this(deviceId, geometry, outbox, firstResultCounter, pairingKey, ResultMessage.MaxPayloadBytes(geometry.SenselCount))
        {
        }

        /// <param name="payloadBytes">
        /// The largest payload this device sends (<see cref="PayloadBytesFor"/>); a live frame larger is dropped, a Result
        /// larger goes without its summed frame. The buffers are allocated once, for this size.
        /// </param>
        public MatLinkSession(long deviceId, MatGeometry geometry, ResultOutbox outbox, uint firstResultCounter, byte[] pairingKey, int payloadBytes)
        {
            _deviceId = deviceId;
            _pairingKey = pairingKey;
            _geometry = geometry;
            _outbox = outbox;
            _nextResultCounter = firstResultCounter;
            if (payloadBytes > PacketFormat.MaxPayloadBytes)
            {
                payloadBytes = PacketFormat.MaxPayloadBytes;
            }
            _payloadBytes = payloadBytes;
            _headroom = PacketFramer.InPlaceHeadroomFor(payloadBytes);
            _packet = outbox.Pool;
            _margins = new byte[PacketFramer.InPlaceHeadroomFor(_packet.Length) + PacketFormat.CrcBytes];
            _decoder = new PacketDecoder(this, IncomingPacketBytes);
            Hello.DeviceId = deviceId;
            FirmwareVersion.Fill(Hello);
            Hello.Rows = geometry.Rows;
            Hello.Cols = geometry.Cols;
            Hello.PitchUm = geometry.PitchUm;
        }

        /// <summary>A transport is attached and has not failed.</summary>
        public bool Connected { get { return _transport != null && _transport.IsOpen; } }

        /// <summary>The display acknowledged this connection's Hello with status ok: frames and results go out.</summary>
        public bool Paired { get { return _paired && Connected; } }

        /// <summary>
        /// The display's answer to this connection's Hello, for the mat's screen: an <see cref="AckStatus"/>
        /// (<see cref="AckStatus.UnknownDevice"/> not paired there, <see cref="AckStatus.BadProof"/> paired with
        /// another key), or <see cref="NoAnswer"/> while none has come.
        /// </summary>
        public AckStatus HelloStatus { get { return _helloStatus; } }

        /// <summary>
        /// The payload buffer a mat of <paramref name="senselCount"/> sensels needs in practice: a Result whose summed
        /// frame has a quarter of the mat loaded (two standing feet load a sixth or less of a 48 x 48 mat at 10 mm).
        /// The worst case, every sensel loaded, would take four times the heap for a frame no shopper makes: a Result
        /// beyond this goes without its summed frame, a live frame beyond it is dropped, and a sensel map of a mat with
        /// more than half its sensels faulty is not sent (Status still counts them).
        /// </summary>
        public static int PayloadBytesFor(int senselCount)
        {
            return ResultMessage.MaxPayloadBytes((senselCount + 3) / 4);
        }

        /// <summary>A finished scan the outbox had no room for; the app starts no new scan and offers it again until it is taken.</summary>
        public bool HoldingResult { get { return _holding; } }

        public uint FramesDropped { get { return _framesDropped; } }

        /// <summary>The counter the next result will get; the app persists it so no counter is ever reused.</summary>
        public uint NextResultCounter { get { return _nextResultCounter; } }

        public ResultOutbox Outbox { get { return _outbox; } }

        // Where the next packet's payload is encoded, and how large it may be: the largest this device sends while the
        // outbox is (nearly) empty, less while it holds results (then a live frame that does not fit is dropped).
        private int PayloadAt { get { return _outbox.FreeOffset + _headroom; } }

        private int FreeBytes
        {
            get
            {
                int free = _packet.Length - PayloadAt - PacketFormat.CrcBytes;
                return free < _payloadBytes ? free : _payloadBytes;
            }
        }

        /// <summary>A new connection: sequences restart at 0 and the Hello goes first.</summary>
        public void Connect(IPacketTransport transport, int nowMs)
        {
            Disconnect();
            _nowMs = nowMs;
            _transport = transport;
            _sequence = 0;
            // Whatever half packet the last connection left is not the start of this one's.
            _decoder.Flush();
            SendHello(HelloMessage.ProofNone);
        }

        /// <summary>Sends the Hello, first without a proof, then again with the answer to the display's Challenge.</summary>
        private void SendHello(int proofKind)
        {
            Hello.ProofKind = proofKind;
            Hello.ProofLength = proofKind == HelloMessage.ProofNone ? 0 : PairingProof.ProofBytes;
            _helloSequence = _sequence;
            _helloStatus = NoAnswer;
            Send(MessageType.Hello, Hello.EncodePayload(_packet, PayloadAt, FreeBytes));
        }

        /// <summary>The link is gone: results wait in the outbox for the next connection.</summary>
        public void Disconnect()
        {
            _transport = null;
            _paired = false;
            _outbox.OnDisconnected();
        }

        /// <summary>
        /// Offers a live frame (grams per sensel). Dropped (and counted) when the display is not listening or the
        /// link is busy: a live frame is worth nothing later.
        /// </summary>
        public bool SendFrame(int[] loadGrams, int nowMs)
        {
            if (!Paired)
            {
                return false;
            }
            _frame.CapturedAtMs = (uint)nowMs;
            _frame.Rows = _geometry.Rows;
            _frame.Cols = _geometry.Cols;
            _frame.LoadGrams = loadGrams;
            int length = _frame.EncodePayload(_packet, PayloadAt, FreeBytes);
            if (length >= 0 && Send(MessageType.Frame, length))
            {
                return true;
            }
            _framesDropped++;
            return false;
        }

        /// <summary>A live frame from its loaded sensels (the device's path: no walk over the mat); dropped and counted as <see cref="SendFrame(int[], int)"/>.</summary>
        public bool SendFrame(Calibration.LoadedSensels loaded, int nowMs)
        {
            if (!Paired)
            {
                return false;
            }
            if (loaded.Overflowed)
            {
                // Part of a frame would draw a wrong heatmap: more of the mat loaded than the list holds is dropped.
                _framesDropped++;
                return false;
            }
            int length = FrameMessage.EncodePayload((uint)nowMs, loaded, _geometry.Rows, _packet, PayloadAt, FreeBytes);
            if (length >= 0 && Send(MessageType.Frame, length))
            {
                return true;
            }
            _framesDropped++;
            return false;
        }

        /// <summary>
        /// Gives a finished scan its result id and puts it in the outbox; it goes out at the next <see cref="Poll"/>.
        /// False when the outbox is full: the scan is held (<see cref="HoldingResult"/>), and the app starts no new scan
        /// and offers the same scan again on every frame; it keeps the id it was given. Encoding it again costs less
        /// heap than a held copy would.
        /// </summary>
        /// <param name="summedLoads">The still window's summed frame as its loaded sensels (<see cref="Session.SessionTracker.WindowSum"/>); null sends none.</param>
        public bool QueueResult(ScanAnalysis analysis, Calibration.LoadedSensels summedLoads, int nowMs)
        {
            _result.DeviceId = _deviceId;
            _result.ResultCounter = _holding ? _heldCounter : _nextResultCounter++;
            _result.Analysis = analysis;
            _result.HasSummedFrame = summedLoads != null;
            _result.Rows = _geometry.Rows;
            _result.Cols = _geometry.Cols;
            _result.SummedLoads = summedLoads;
            // While the outbox holds results the free bytes are fewer: a result that needs more waits for them (held)
            // rather than go without its summed frame, which only one larger than any packet of this device does.
            bool allRoom = FreeBytes >= _payloadBytes;
            int length = _result.EncodePayload(_packet, PayloadAt, FreeBytes, allRoom);
            if (length < 0 && allRoom)
            {
                return false;
            }
            if (length >= 0 && _outbox.TryAdd(_result.ResultCounter, _packet, PayloadAt, length, nowMs))
            {
                _holding = false;
                return true;
            }
            _holding = true;
            _heldCounter = _result.ResultCounter;
            return false;
        }

        /// <summary>Sends the <see cref="SenselMask"/> (after a new self-test); false when not paired, no mask, or the link refused it.</summary>
        public bool SendSenselMap()
        {
            byte[] mask = SenselMask;
            if (!Paired || mask == null || mask.Length != _geometry.SenselCount)
            {
                return false;
            }
            return Send(MessageType.SenselMap, SenselMapMessage.EncodePayload(mask, _geometry.Rows, _geometry.Cols, _packet, PayloadAt, FreeBytes));
        }

        /// <summary>Sends <see cref="Status"/> with the link's own fields filled in; false when the link refused it.</summary>
        public bool SendStatus()
        {
            if (!Connected)
            {
                return false;
            }
            Status.OutboxPending = _outbox.Count > 255 ? 255 : _outbox.Count;
            Status.Flags = _outbox.Refusing || _holding ? StatusMessage.FlagOutboxFull : 0;
            Status.FramesDropped = _framesDropped;
            int length = Status.EncodePayload(_packet, PayloadAt, FreeBytes);
            return Send(MessageType.Status, length);
        }

        /// <summary>
        /// Call often (every frame): reads what the display sent (acks, commands) and sends the results that are due.
        /// Notices a transport that has failed and disconnects.
        /// </summary>
        public void Poll(int nowMs)
        {
            _nowMs = nowMs;
            if (_transport == null)
            {
                return;
            }
            if (!_transport.IsOpen)
            {
                Disconnect();
                return;
            }
            int read;
            while (_transport != null && (read = _transport.Receive(_received, 0, _received.Length)) > 0)
            {
                _decoder.Feed(_received, 0, read);
            }
            SendDueResults(nowMs);
        }

        private void SendDueResults(int nowMs)
        {
            // NextDue is -1 until the Hello is acked (the outbox is told it is connected only then).
            int due;
            while (Paired && (due = _outbox.NextDue(nowMs)) >= 0)
            {
                if (!SendHeld(_outbox.OffsetAt(due), _outbox.LengthAt(due)))
                {
                    return;
                }
                _outbox.MarkSent(due, nowMs);
            }
        }

        public void OnPacket(DecodedPacket packet)
        {
            int offset = packet.PayloadOffset;
            int count = packet.PayloadLength;
            switch (packet.Type)
            {
                case MessageType.Ack:
                    if (_ack.DecodePayload(packet.Buffer, offset, count))
                    {
                        OnAck();
                    }
                    break;
                case MessageType.Challenge:
                    if (_challenge.DecodePayload(packet.Buffer, offset, count))
                    {
                        OnChallenge();
                    }
                    break;
                case MessageType.CalibrateZero:
                    Reply(packet.Sequence, Commands == null ? AckStatus.Busy : Commands.CalibrateZero());
                    break;
                case MessageType.CalibrateGain:
                    if (!_gain.DecodePayload(packet.Buffer, offset, count))
                    {
                        Reply(packet.Sequence, AckStatus.BadValue);
                    }
                    else
                    {
                        Reply(packet.Sequence, Commands == null ? AckStatus.Busy : Commands.CalibrateGain(_gain.KnownWeightGrams));
                    }
                    break;
                case MessageType.SetConfig:
                    // No key is settable over the link yet (docs/protocol.md: an unknown key is status 2).
                    Reply(packet.Sequence, AckStatus.UnknownKey);
                    break;
                case MessageType.Reboot:
                    Reply(packet.Sequence, Commands == null ? AckStatus.Busy : Commands.Reboot());
                    break;
            }
        }

        public void OnRejected(long streamOffset, long byteCount)
        {
            // Garbage from the display is not ours to repair; the display resends what it needs.
        }

        private void OnAck()
        {
            if (_ack.HasResultId)
            {
                // Any status forgets the result (docs/protocol.md): a bad-value ack must not hold a slot for ever.
                if (_ack.DeviceId == _deviceId)
                {
                    _outbox.Acknowledge(_ack.ResultCounter);
                }
                return;
            }
            if (_ack.AckedSequence == _helloSequence && !_paired)
            {
                _helloStatus = _ack.Status;
                _paired = _ack.Status == AckStatus.Ok;
                if (_paired)
                {
                    _outbox.OnConnected(_nowMs);
                    // A display may have restarted, or never have seen this mat: it learns the map on every connection.
                    SendSenselMap();
                }
            }
        }

        /// <summary>
        /// The display knows this device and wants the key proved: the Hello goes again with the proof over the
        /// display's nonce. A challenge to an older Hello, or after the Hello was accepted, is not answered.
        /// </summary>
        private void OnChallenge()
        {
            if (_paired || _challenge.HelloSequence != _helloSequence || _pairingKey == null)
            {
                return;
            }
            new PairingProof(_pairingKey).Compute(_deviceId, _challenge.Nonce, 0, Hello.Proof, 0);
            SendHello(HelloMessage.ProofHmacSha256);
        }

        private void Reply(uint sequence, AckStatus status)
        {
            _ack.AckedSequence = sequence;
            _ack.Status = status;
            _ack.HasResultId = false;
            _ack.DeviceId = 0;
            _ack.ResultCounter = 0;
            Send(MessageType.Ack, _ack.EncodePayload(_packet, PayloadAt, FreeBytes));
        }

        /// <summary>Sends the payload just encoded at <see cref="PayloadAt"/>.</summary>
        private bool Send(MessageType type, int payloadLength)
        {
            if (_transport == null || payloadLength < 0)
            {
                return false;
            }
            int payloadAt = PayloadAt;
            int wireBytes = PacketFramer.EncodeInPlaceAt(type, _sequence, _packet, payloadAt, payloadLength);
            if (wireBytes == 0 || !_transport.TrySend(_packet, payloadAt - PacketFramer.InPlaceHeadroomFor(payloadLength), wireBytes))
            {
                return false;
            }
            _sequence++;
            return true;
        }

        /// <summary>
        /// Sends a result the outbox holds, framed where it lies, and puts it back as it was for a resend: the payload
        /// (<see cref="PacketFramer.UnframeInPlace"/>) and the bytes around it that the framing covered.
        /// </summary>
        private bool SendHeld(int offset, int length)
        {
            if (_transport == null || length > _payloadBytes)
            {
                return false;
            }
            byte[] pool = _packet;
            int before = PacketFramer.InPlaceHeadroomFor(length);
            System.Array.Copy(pool, offset - before, _margins, 0, before);
            System.Array.Copy(pool, offset + length, _margins, before, PacketFormat.CrcBytes);
            int wireBytes = PacketFramer.EncodeInPlaceAt(MessageType.Result, _sequence, pool, offset, length);
            if (wireBytes == 0)
            {
                return false;
            }
            bool sent;
            try
            {
                sent = _transport.TrySend(pool, offset - before, wireBytes);
            }
            finally
            {
                PacketFramer.UnframeInPlace(pool, offset, length);
                System.Array.Copy(_margins, 0, pool, offset - before, before);
                System.Array.Copy(_margins, before, pool, offset + length, PacketFormat.CrcBytes);
            }
            if (sent)
            {
                _sequence++;
            }
            return sent;
        }
    }
}
