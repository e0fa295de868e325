using Kiosk.Mat.Host.Protocol;
using Kiosk.Mat.Protocol;
using Microsoft.Extensions.Logging;

namespace Kiosk.Display.MatLink;

/// <summary>
/// One mat's link, over any byte stream (a TCP connection or a serial port): reads it, decodes its packets with the
/// core's <see cref="PacketDecoder"/> (bounded to <see cref="MatLinkOptions.MaxPacketBytes"/>, garbage skipped) and
/// hands each, in arrival order, to the <see cref="PacketDispatcher"/>. Everything but frames is handled on this read
/// loop, so a slow store slows the mat down through TCP back-pressure instead of queueing results in memory; frames
/// go through the <see cref="FramePump"/>. Nothing a mat sends can throw out of <see cref="RunAsync"/>.
/// The pieces, by concern: <see cref="PairingHandshake"/> (Hello, Challenge, proof), <see cref="ResultAckRules"/>
/// (when a result is acked), <see cref="CommandsAwaitingAck"/>, <see cref="PacketSender"/>, <see cref="PacketRecords"/>
/// (packets to the sink's records) and <see cref="SinkDelivery"/>.
/// </summary>
public sealed class MatConnection : IPacketSink
{
    /// <summary>Bytes read from the stream per call; also bounds how many packets one Feed can yield.</summary>
    private const int ReadChunkBytes = 4096;

    private readonly Stream _stream;
    private readonly MatLinkContext _context;
    private readonly MatLinkOptions _options;
    private readonly ILogger _logger;
    private readonly PacketDecoder _decoder;
    private readonly List<ReceivedPacket> _received = [];
    private readonly CancellationTokenSource _closing = new();
    private readonly PacketSender _sender;
    private readonly PairingHandshake _handshake;
    private readonly FramePump _frames;
    private readonly PacketDispatcher _dispatcher;

    public MatConnection(Stream stream, string remoteEndpoint, MatLinkContext context)
    {
        _stream = stream;
        RemoteEndpoint = remoteEndpoint;
        _context = context;
        _options = context.Options;
        _logger = context.LoggerFactory.CreateLogger<MatConnection>();
        _decoder = new PacketDecoder(this, _options.MaxPacketBytes);
        var commands = new CommandsAwaitingAck();
        var delivery = new SinkDelivery(context.Sink, _logger);
        _sender = new PacketSender(stream, commands, _closing.Token);
        _handshake = new PairingHandshake(this, context, _sender, delivery, _logger);
        _frames = new FramePump(context, delivery, _logger);
        _dispatcher = new PacketDispatcher(_handshake, new PacketRecords(), new ResultAckRules(_sender, context.Sink, _logger),
            commands, _frames, delivery, _logger);
    }

    public string RemoteEndpoint { get; }

    /// <summary>When the link opened (UTC ticks), so the listener can close the oldest unproven socket first.</summary>
    internal long OpenedAtTicks { get; } = DateTime.UtcNow.Ticks;

    /// <summary>A mat proved its key on this link (its Hello was accepted).</summary>
    internal bool Accepted => DeviceId != null;

    /// <summary>Closed or closing: no longer counted against the listener's limits.</summary>
    internal bool Closing => _closing.IsCancellationRequested;

    /// <summary>The paired device on this link, or null before its Hello is accepted.</summary>
    public long? DeviceId => _handshake.Grid == null ? null : _handshake.DeviceId;

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

    /// <summary>Sends a packet on this link (technician commands); false when it did not fit or the link is gone.</summary>
    internal Task<bool> SendAsync(MessageType type, Func<byte[], int> writePayload, CancellationToken token) =>
        _sender.SendAsync(type, writePayload, token);

    /// <summary>Reads until the stream ends, times out, is closed or <paramref name="stoppingToken"/> fires; then cleans up.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, _closing.Token);
        _frames.Start(lifetime.Token);
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
            lifetime.Cancel();
            await _frames.StopAsync(RemoteEndpoint);
            await EndAsync();
        }
    }

    private async Task ReadLoopAsync(CancellationToken token)
    {
        var buffer = new byte[ReadChunkBytes];
        while (!PastDeadline())
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
                await _dispatcher.HandleAsync(packet, token);
            }
        }
    }

    /// <summary>
    /// Checked before every read, not only by the read's timeout: a sender that never lets a read wait (it keeps
    /// writing) must still be closed when its deadline for an accepted Hello, or a refused mat's linger, is over.
    /// </summary>
    private bool PastDeadline()
    {
        long closeAtTicks = _handshake.CloseAtTicks;
        if (closeAtTicks == 0 || DateTime.UtcNow.Ticks < closeAtTicks)
        {
            return false;
        }
        _logger.LogDebug("Mat link {Remote} closed: {Reason}", RemoteEndpoint, _handshake.Refused ? "refused, its linger is over" : "no Hello accepted in time");
        return true;
    }

    /// <summary>A link not yet accepted (or refused) gets what is left to its deadline; an accepted one the idle timeout.</summary>
    private TimeSpan ReadTimeout()
    {
        TimeSpan idle = TimeSpan.FromMilliseconds(_options.IdleTimeoutMs);
        long closeAtTicks = _handshake.CloseAtTicks;
        if (closeAtTicks == 0)
        {
            return idle;
        }
        TimeSpan left = TimeSpan.FromTicks(closeAtTicks - DateTime.UtcNow.Ticks);
        return left <= TimeSpan.Zero ? TimeSpan.FromTicks(1) : (left < idle ? left : idle);
    }

    void IPacketSink.OnPacket(DecodedPacket packet) => _received.Add(ReceivedPacket.CopyOf(packet));

    void IPacketSink.OnRejected(long streamOffset, long byteCount) =>
        _logger.LogDebug("Mat link {Remote}: {Count} bytes without a valid packet at offset {Offset}", RemoteEndpoint, byteCount, streamOffset);

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
                await _context.Sink.OnDisconnectedAsync(deviceId.Value, RemoteEndpoint, CancellationToken.None);
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
