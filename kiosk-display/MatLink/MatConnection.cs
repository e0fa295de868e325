using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Threading.Channels;
using Kiosk.Mat.Host.Json;
using Kiosk.Mat.Host.Protocol;
using Kiosk.Mat.Pairing;
using Kiosk.Mat.Protocol;
using Microsoft.Extensions.Logging;

namespace Kiosk.Display.MatLink;

/// <summary>
/// One mat's link, over any byte stream (a TCP connection or a serial port): decodes its packets with the core's
/// <see cref="PacketDecoder"/> (bounded to <see cref="MatLinkOptions.MaxPacketBytes"/>, garbage skipped), answers its
/// Hello, hands a paired mat's data to the <see cref="IMatEventSink"/> and acks each result only once the sink has
/// stored it (docs/protocol.md, "The receiver's rule"). Frames go through a small drop-oldest queue to their own
/// pump; everything else is handled in arrival order on the read loop, so a slow store slows the mat down through
/// TCP back-pressure instead of queueing results in memory. Nothing a mat sends can throw out of <see cref="RunAsync"/>.
/// </summary>
public sealed class MatConnection : IPacketSink
{
    /// <summary>Bytes read from the stream per call; also bounds how many packets one Feed can yield.</summary>
    private const int ReadChunkBytes = 4096;

    /// <summary>Room for the largest packet the display sends: a SetConfig with the longest key and value.</summary>
    private const int MaxSentPayloadBytes = 2 + SetConfigMessage.MaxKeyBytes + SetConfigMessage.MaxValueBytes;

    /// <summary>Commands remembered while awaiting the device's ack; a device that never acks cannot grow this.</summary>
    private const int MaxCommandsAwaitingAck = 32;

    /// <summary>How much of a malformed result is written to the log, in bytes (the whole payload can be 32 KiB).</summary>
    private const int MaxLoggedPayloadBytes = 512;

    private static readonly TimeSpan PumpStopTimeout = TimeSpan.FromSeconds(5);

    private readonly Stream _stream;
    private readonly MatLinkContext _context;
    private readonly MatLinkOptions _options;
    private readonly IMatEventSink _sink;
    private readonly ILogger _logger;
    private readonly PacketDecoder _decoder;
    private readonly List<ReceivedPacket> _received = [];
    private readonly CancellationTokenSource _closing = new();

    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly byte[] _sendPayload = new byte[MaxSentPayloadBytes];
    private readonly byte[] _sendWire = new byte[PacketFormat.MaxWireBytes(MaxSentPayloadBytes + PacketFormat.HeaderBytes + PacketFormat.CrcBytes)];
    private readonly Dictionary<uint, byte> _commandsAwaitingAck = [];
    private uint _nextSequence;

    private readonly HelloMessage _hello = new();
    private readonly StatusMessage _status = new();
    private readonly AckMessage _ack = new();
    private readonly ChallengeMessage _challenge = new();

    /// <summary>The device whose proof over <see cref="_challenge"/>'s nonce is awaited; null when no challenge is open.</summary>
    private long? _challengedDeviceId;
    private readonly Channel<LiveFrame> _frames;

    /// <summary>Set once a paired device's Hello is accepted; sized from its grid.</summary>
    private long _deviceId;
    private MatGrid? _grid;
    private FrameMessage? _frame;
    private ResultMessage? _result;

    /// <summary>A refused or challenged device is closed at this time (UTC ticks of the display clock), 0 while accepted or not yet answered.</summary>
    private long _closeAtTicks;

    public MatConnection(Stream stream, string remoteEndpoint, MatLinkContext context)
    {
        _stream = stream;
        RemoteEndpoint = remoteEndpoint;
        _context = context;
        _options = context.Options;
        _sink = context.Sink;
        _logger = context.LoggerFactory.CreateLogger<MatConnection>();
        _decoder = new PacketDecoder(this, _options.MaxPacketBytes);
        _frames = Channel.CreateBounded<LiveFrame>(
            new BoundedChannelOptions(_options.LiveFrameQueueLength)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleReader = true,
                SingleWriter = true,
            },
            _ => context.CountDroppedFrame());
    }

    public string RemoteEndpoint { get; }

    /// <summary>The paired device on this link, or null before its Hello is accepted.</summary>
    public long? DeviceId => _grid == null ? null : _deviceId;

    /// <summary>Bytes that held no valid packet (garbage, oversized or corrupt packets), for the log and tests.</summary>
    public long RejectedBytes => Interlocked.Read(ref _decoder.RejectedBytes);

    /// <summary>Ends the connection from outside (replaced by a newer one, unpaired, display stopping).</summary>
    public void Close()
    {
        try
        {
            _closing.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already finished.
        }
    }

    /// <summary>Reads until the stream ends, times out, is closed or <paramref name="stoppingToken"/> fires; then cleans up.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, _closing.Token);
        Task pump = PumpFramesAsync(lifetime.Token);
        try
        {
            await ReadLoopAsync(lifetime.Token);
        }
        catch (OperationCanceledException)
        {
            // Closed, stopping, idle or a refused device's time is up: all normal ends.
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            _logger.LogInformation("Mat link {Remote} closed: {Reason}", RemoteEndpoint, e.Message);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Mat link {Remote} failed", RemoteEndpoint);
        }
        finally
        {
            _frames.Writer.TryComplete();
            lifetime.Cancel();
            await WaitForPumpAsync(pump);
            await EndAsync();
        }
    }

    private async Task ReadLoopAsync(CancellationToken token)
    {
        var buffer = new byte[ReadChunkBytes];
        while (true)
        {
            int count;
            // A deadline per read, so time spent in the sink (a slow store) never counts as the mat being idle.
            using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(token))
            {
                deadline.CancelAfter(ReadTimeout());
                count = await _stream.ReadAsync(buffer, deadline.Token);
            }
            if (count == 0)
            {
                _decoder.Flush();
                return;
            }
            _received.Clear();
            _decoder.Feed(buffer, 0, count);
            foreach (ReceivedPacket packet in _received)
            {
                await HandleAsync(packet, token);
            }
        }
    }

    /// <summary>A refused device gets what is left of its linger time; everyone else the idle timeout.</summary>
    private TimeSpan ReadTimeout()
    {
        TimeSpan idle = TimeSpan.FromMilliseconds(_options.IdleTimeoutMs);
        if (_closeAtTicks == 0)
        {
            return idle;
        }
        TimeSpan left = TimeSpan.FromTicks(_closeAtTicks - DateTime.UtcNow.Ticks);
        return left <= TimeSpan.Zero ? TimeSpan.FromTicks(1) : (left < idle ? left : idle);
    }

    void IPacketSink.OnPacket(DecodedPacket packet) => _received.Add(ReceivedPacket.CopyOf(packet));

    void IPacketSink.OnRejected(long streamOffset, long byteCount) =>
        _logger.LogDebug("Mat link {Remote}: {Count} bytes without a valid packet at offset {Offset}", RemoteEndpoint, byteCount, streamOffset);

    private async Task HandleAsync(ReceivedPacket packet, CancellationToken token)
    {
        if (packet.Type == MessageType.Hello)
        {
            await HandleHelloAsync(packet, token);
            return;
        }
        if (_grid == null)
        {
            // Before an accepted Hello (or from a refused device) nothing is delivered or acked: the device keeps its results.
            return;
        }
        switch (packet.Type)
        {
            case MessageType.Frame:
                QueueFrame(packet);
                break;
            case MessageType.Result:
                await HandleResultAsync(packet, token);
                break;
            case MessageType.Status:
                await HandleStatusAsync(packet, token);
                break;
            case MessageType.Ack:
                await HandleCommandAckAsync(packet, token);
                break;
            case MessageType.SenselMap:
                await HandleSenselMapAsync(packet, token);
                break;
            default:
                // Newer message types are ignored, as docs/protocol.md "Versioning" requires.
                break;
        }
    }

    private async Task HandleHelloAsync(ReceivedPacket packet, CancellationToken token)
    {
        if (!_hello.DecodePayload(packet.Payload, 0, packet.Payload.Length))
        {
            _logger.LogWarning("Mat link {Remote}: malformed Hello dropped ({Bytes} bytes)", RemoteEndpoint, packet.Payload.Length);
            return;
        }
        long deviceId = _hello.DeviceId;
        byte[]? key;
        try
        {
            key = await _context.Pairing.PairingKeyOfAsync(deviceId, token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Neither accept nor refuse on a guess (database down): end the link unanswered; the device retries later.
            _logger.LogError(e, "Pairing registry failed for mat {Device}: closing its link without an answer", PacketJson.DeviceIdText(deviceId));
            Close();
            return;
        }
        if (key == null)
        {
            _logger.LogInformation("Mat {Device} at {Remote} is not paired: refused", PacketJson.DeviceIdText(deviceId), RemoteEndpoint);
            await RefuseAsync(packet.Sequence, AckStatus.UnknownDevice, token);
            await Deliver(() => _sink.OnDeviceWaitingForPairingAsync(deviceId, RemoteEndpoint, token), "waiting-for-pairing");
            return;
        }
        if (_challengedDeviceId != deviceId || _hello.ProofKind != HelloMessage.ProofHmacSha256)
        {
            await ChallengeAsync(packet.Sequence, deviceId, token);
            return;
        }
        // One proof per nonce: whatever it says, the next Hello is challenged afresh.
        _challengedDeviceId = null;
        if (!ProofHolds(key, deviceId))
        {
            _logger.LogWarning("Mat {Device} at {Remote} proved another pairing key: refused", PacketJson.DeviceIdText(deviceId), RemoteEndpoint);
            await RefuseAsync(packet.Sequence, AckStatus.BadProof, token);
            await Deliver(() => _sink.OnDeviceKeyRefusedAsync(deviceId, RemoteEndpoint, token), "key-refused");
            return;
        }
        await SendAsync(MessageType.Ack, payload => EncodeAck(payload, packet.Sequence, AckStatus.Ok), token);
        var grid = new MatGrid(_hello.Rows, _hello.Cols, _hello.PitchUm);
        if (_grid == null || _deviceId != deviceId || _grid != grid)
        {
            if (_grid != null && _deviceId != deviceId)
            {
                Unpair();
            }
            // Sized to the device's own grid: a frame claiming a larger grid does not decode and is dropped.
            _frame = new FrameMessage(grid.Rows * grid.Cols);
            // Any grid the protocol allows (256 KiB once per link): a result that failed to decode would be acked as
            // bad-value and so lost, which a summed frame of another size than the Hello's must not cause.
            _result ??= new ResultMessage(SparseLoads.MaxSide * SparseLoads.MaxSide);
        }
        _deviceId = deviceId;
        _grid = grid;
        _closeAtTicks = 0;
        _context.ConnectedMats.Register(deviceId, this);
        var hello = new MatHello(deviceId, $"{_hello.FirmwareMajor}.{_hello.FirmwareMinor}.{_hello.FirmwarePatch}", grid, _hello.CalibrationId, RemoteEndpoint);
        _logger.LogInformation("Mat {Device} connected from {Remote}, firmware {Firmware}, {Rows}x{Cols} at {PitchUm} um",
            hello.DeviceIdText, RemoteEndpoint, hello.FirmwareVersion, grid.Rows, grid.Cols, grid.PitchUm);
        await Deliver(() => _sink.OnHelloAsync(hello, token), "hello");
    }

    /// <summary>
    /// Asks a paired mat to prove its key: a fresh random nonce for this Hello. Nothing is delivered or acked until
    /// the proof holds, and a mat that never answers is closed after <see cref="MatLinkOptions.ProofTimeoutMs"/>.
    /// </summary>
    private async Task ChallengeAsync(uint helloSequence, long deviceId, CancellationToken token)
    {
        if (_grid != null)
        {
            // A Hello starts the link over: until this one is proved, the device is not reachable here.
            Unpair();
        }
        _challenge.HelloSequence = helloSequence;
        RandomNumberGenerator.Fill(_challenge.Nonce);
        _challengedDeviceId = deviceId;
        CloseUnlessAcceptedWithin(_options.ProofTimeoutMs);
        await SendAsync(MessageType.Challenge, payload => _challenge.EncodePayload(payload, 0, payload.Length), token);
    }

    private bool ProofHolds(byte[] key, long deviceId)
    {
        if (_hello.ProofLength != PairingProof.ProofBytes)
        {
            return false;
        }
        var expected = new byte[PairingProof.ProofBytes];
        new PairingProof(key).Compute(deviceId, _challenge.Nonce, 0, expected, 0);
        // Constant time, so how long the check takes says nothing about how much of the proof was right.
        return CryptographicOperations.FixedTimeEquals(expected, _hello.Proof.AsSpan(0, PairingProof.ProofBytes));
    }

    /// <summary>Answers a Hello with a refusal and closes the link after the linger time; nothing it sends is taken.</summary>
    private async Task RefuseAsync(uint helloSequence, int status, CancellationToken token)
    {
        await SendAsync(MessageType.Ack, payload => EncodeAck(payload, helloSequence, status), token);
        if (_grid != null)
        {
            Unpair();
        }
        CloseUnlessAcceptedWithin(_options.UnpairedLingerMs);
    }

    /// <summary>Set on the first refusal or challenge only: a device repeating its Hello cannot stretch its stay.</summary>
    private void CloseUnlessAcceptedWithin(int milliseconds)
    {
        if (_closeAtTicks == 0)
        {
            _closeAtTicks = DateTime.UtcNow.Ticks + TimeSpan.FromMilliseconds(milliseconds).Ticks;
        }
    }

    /// <summary>The device on this link changed or was refused by a later Hello: it is no longer reachable here.</summary>
    private void Unpair()
    {
        _context.ConnectedMats.Unregister(_deviceId, this);
        _grid = null;
    }

    private void QueueFrame(ReceivedPacket packet)
    {
        FrameMessage frame = _frame!;
        if (!frame.DecodePayload(packet.Payload, 0, packet.Payload.Length))
        {
            _logger.LogDebug("Mat {Device}: malformed Frame dropped", PacketJson.DeviceIdText(_deviceId));
            return;
        }
        var loads = frame.LoadGrams.AsSpan(0, frame.Rows * frame.Cols).ToArray();
        var grid = new MatGrid(frame.Rows, frame.Cols, _grid!.PitchUm);
        // Never blocks: a full queue drops its oldest frame (counted), because the heatmap wants the newest.
        _frames.Writer.TryWrite(new LiveFrame(_deviceId, grid, loads, frame.CapturedAtMs, DateTimeOffset.UtcNow));
    }

    private async Task PumpFramesAsync(CancellationToken token)
    {
        try
        {
            await foreach (LiveFrame frame in _frames.Reader.ReadAllAsync(token))
            {
                await Deliver(() => _sink.OnFrameAsync(frame, token), "frame");
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended; frames still queued are live data nobody needs any more.
        }
    }

    private async Task HandleResultAsync(ReceivedPacket packet, CancellationToken token)
    {
        ResultMessage result = _result!;
        byte[] payload = packet.Payload;
        if (!result.DecodePayload(payload, 0, payload.Length))
        {
            await RefuseMalformedResultAsync(packet, token);
            return;
        }
        string resultId = PacketJson.ResultId(result.DeviceId, result.ResultCounter);
        if (result.DeviceId != _deviceId)
        {
            // Pairing vouched for the Hello's device only; the device keeps this result, so nothing is lost.
            _logger.LogWarning("Mat {Device} sent result {ResultId} of another device: not stored, not acked",
                PacketJson.DeviceIdText(_deviceId), resultId);
            return;
        }
        SummedFrame? summed = result.HasSummedFrame
            ? new SummedFrame(new MatGrid(result.Rows, result.Cols, _grid!.PitchUm), result.SummedLoadGrams.AsSpan(0, result.Rows * result.Cols).ToArray())
            : null;
        var scan = new ScanResult(resultId, result.DeviceId, result.ResultCounter, AnalysisReport.From(result.Analysis), summed, DateTimeOffset.UtcNow);
        bool stored;
        try
        {
            stored = await _sink.OnResultAsync(scan, token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
        {
            _logger.LogError(e, "Storing result {ResultId} failed: not acked, the mat will resend it", resultId);
            return;
        }
        if (!stored)
        {
            _logger.LogWarning("Result {ResultId} was not stored: not acked, the mat will resend it", resultId);
            return;
        }
        long deviceId = result.DeviceId;
        uint counter = result.ResultCounter;
        await SendAsync(MessageType.Ack, buffer => EncodeAck(buffer, packet.Sequence, AckStatus.Ok, (deviceId, counter)), token);
    }

    /// <summary>
    /// A result with a good CRC that does not parse is a device bug: log its bytes and ack it as bad-value when its
    /// id can be read, so one bad result cannot hold an outbox slot forever (docs/protocol.md, rule 4).
    /// </summary>
    private async Task RefuseMalformedResultAsync(ReceivedPacket packet, CancellationToken token)
    {
        byte[] payload = packet.Payload;
        string bytes = Convert.ToHexString(payload, 0, Math.Min(payload.Length, MaxLoggedPayloadBytes));
        const int IdBytes = 12;
        if (payload.Length < IdBytes)
        {
            _logger.LogError("Mat {Device} sent a malformed result without an id ({Length} bytes): {Bytes}",
                PacketJson.DeviceIdText(_deviceId), payload.Length, bytes);
            return;
        }
        long deviceId = BinaryPrimitives.ReadInt64LittleEndian(payload);
        uint counter = BinaryPrimitives.ReadUInt32LittleEndian(payload.AsSpan(8));
        _logger.LogError("Mat {Device} sent malformed result {ResultId} ({Length} bytes, first {Logged} shown): {Bytes}",
            PacketJson.DeviceIdText(_deviceId), PacketJson.ResultId(deviceId, counter), payload.Length, Math.Min(payload.Length, MaxLoggedPayloadBytes), bytes);
        if (deviceId == _deviceId)
        {
            await SendAsync(MessageType.Ack, buffer => EncodeAck(buffer, packet.Sequence, AckStatus.BadValue, (deviceId, counter)), token);
        }
    }

    private async Task HandleStatusAsync(ReceivedPacket packet, CancellationToken token)
    {
        StatusMessage s = _status;
        if (!s.DecodePayload(packet.Payload, 0, packet.Payload.Length))
        {
            _logger.LogDebug("Mat {Device}: malformed Status dropped", PacketJson.DeviceIdText(_deviceId));
            return;
        }
        var status = new MatStatus(_deviceId, s.UptimeSeconds, s.FreeMemoryBytes, s.FrameRateHzX10 / 10.0, s.DeadSenselCount,
            s.RssiDbm == StatusMessage.RssiNone ? null : s.RssiDbm, s.OutboxPending, s.OutboxFull, s.FramesDropped, DateTimeOffset.UtcNow);
        await Deliver(() => _sink.OnStatusAsync(status, token), "status");
    }

    private async Task HandleSenselMapAsync(ReceivedPacket packet, CancellationToken token)
    {
        // Sized to the Hello's grid, as frames are: a map of another size does not decode and is dropped.
        var message = new SenselMapMessage(_grid!.Rows * _grid.Cols);
        if (!message.DecodePayload(packet.Payload, 0, packet.Payload.Length) || message.Rows != _grid.Rows || message.Cols != _grid.Cols)
        {
            _logger.LogWarning("Mat {Device}: malformed sensel map dropped", PacketJson.DeviceIdText(_deviceId));
            return;
        }
        var faulty = new List<int>();
        for (int i = 0; i < message.Rows * message.Cols; i++)
        {
            if (message.Statuses[i] != 0)
            {
                faulty.Add(i);
            }
        }
        var map = new MatSenselMap(_deviceId, message.Rows, message.Cols, [.. faulty], [.. faulty.Select(i => message.Statuses[i])], DateTimeOffset.UtcNow);
        await Deliver(() => _sink.OnSenselMapAsync(map, token), "sensel-map");
    }

    private async Task HandleCommandAckAsync(ReceivedPacket packet, CancellationToken token)
    {
        if (!_ack.DecodePayload(packet.Payload, 0, packet.Payload.Length))
        {
            return;
        }
        byte command;
        lock (_commandsAwaitingAck)
        {
            if (!_commandsAwaitingAck.Remove(_ack.AckedSequence, out command))
            {
                // An ack of nothing we sent (or of a command forgotten long ago): nothing to report.
                return;
            }
        }
        var ack = new CommandAck(_deviceId, MessageType.Name(command), AckStatus.Name(_ack.Status));
        await Deliver(() => _sink.OnCommandAckAsync(ack, token), "command-ack");
    }

    /// <summary>
    /// Sends one packet with the next sequence number; the payload is written by <paramref name="writePayload"/> into
    /// a buffer of the connection (return its length, or -1 when it does not fit). Serialised, because commands come
    /// from other threads than the read loop. False when the payload did not fit or the link is gone.
    /// </summary>
    internal async Task<bool> SendAsync(byte type, Func<byte[], int> writePayload, CancellationToken token)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, _closing.Token);
        try
        {
            await _sendLock.WaitAsync(linked.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            return false;
        }
        try
        {
            int length = writePayload(_sendPayload);
            if (length < 0)
            {
                return false;
            }
            uint sequence = _nextSequence++;
            int wireBytes = PacketFramer.Encode(type, sequence, _sendPayload, 0, length, _sendWire, 0);
            if (wireBytes == 0)
            {
                return false;
            }
            if (type >= MessageType.CalibrateZero)
            {
                RememberCommand(sequence, type);
            }
            await _stream.WriteAsync(_sendWire.AsMemory(0, wireBytes), linked.Token);
            await _stream.FlushAsync(linked.Token);
            return true;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            return false;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private void RememberCommand(uint sequence, byte type)
    {
        lock (_commandsAwaitingAck)
        {
            if (_commandsAwaitingAck.Count >= MaxCommandsAwaitingAck)
            {
                _commandsAwaitingAck.Clear();
            }
            _commandsAwaitingAck[sequence] = type;
        }
    }

    /// <summary>An Ack of the other side's packet; <paramref name="resultId"/> names the result it acknowledges, if any.</summary>
    private static int EncodeAck(byte[] buffer, uint ackedSequence, int status, (long DeviceId, uint Counter)? resultId = null)
    {
        AckMessage ack = new()
        {
            AckedSequence = ackedSequence,
            Status = status,
            HasResultId = resultId != null,
            DeviceId = resultId?.DeviceId ?? 0,
            ResultCounter = resultId?.Counter ?? 0,
        };
        return ack.EncodePayload(buffer, 0, buffer.Length);
    }

    /// <summary>
    /// A sink that throws is the web app's bug or outage; it is logged and must not end the mat's link.
    /// Only a cancellation (the link or the display ending) passes through.
    /// </summary>
    private async Task Deliver(Func<Task> call, string what)
    {
        try
        {
            await call();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogError(e, "The display failed to take a {What} from mat {Device}", what, PacketJson.DeviceIdText(_deviceId));
        }
    }

    /// <summary>A sink that ignores cancellation must not keep a dead connection (and the display's shutdown) waiting forever.</summary>
    private async Task WaitForPumpAsync(Task pump)
    {
        try
        {
            await pump.WaitAsync(PumpStopTimeout);
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("Mat link {Remote}: the live frame sink did not return; leaving it behind", RemoteEndpoint);
        }
    }

    private async Task EndAsync()
    {
        long? deviceId = DeviceId;
        // A connection replaced by the same device's newer one stays silent: the device is still connected.
        if (deviceId != null && _context.ConnectedMats.Unregister(deviceId.Value, this))
        {
            _logger.LogInformation("Mat {Device} at {Remote} disconnected", PacketJson.DeviceIdText(deviceId.Value), RemoteEndpoint);
            try
            {
                // The stopping token may have fired already; the sink still deserves to hear of the disconnect.
                await _sink.OnDisconnectedAsync(deviceId.Value, RemoteEndpoint, CancellationToken.None);
            }
            catch (Exception e)
            {
                _logger.LogError(e, "The display failed to take the disconnect of mat {Device}", PacketJson.DeviceIdText(deviceId.Value));
            }
        }
        // The send lock and the closing token are left to the collector: a command racing the end must find them usable.
        await _stream.DisposeAsync();
    }
}
