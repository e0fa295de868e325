using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Kiosk.Display.MatLink;

/// <summary>
/// One link's live frames on their way to <see cref="IMatEventSink.OnFrameAsync"/>: a small drop-oldest queue and a
/// pump of its own, so a slow heatmap never holds up a result on the read loop.
/// </summary>
internal sealed class FramePump
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly Channel<LiveFrame> _frames;
    private readonly SinkDelivery _delivery;
    private readonly ILogger _logger;
    private Task _pump = Task.CompletedTask;

    public FramePump(MatLinkContext context, SinkDelivery delivery, ILogger logger)
    {
        _delivery = delivery;
        _logger = logger;
        _frames = Channel.CreateBounded<LiveFrame>(
            new BoundedChannelOptions(context.Options.LiveFrameQueueLength)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleReader = true,
                SingleWriter = true,
            },
            _ => context.CountDroppedFrame());
    }

    public void Start(CancellationToken token) => _pump = PumpAsync(token);

    /// <summary>Never blocks: a full queue drops its oldest frame (counted), because the heatmap wants the newest.</summary>
    public void Queue(LiveFrame frame) => _frames.Writer.TryWrite(frame);

    private async Task PumpAsync(CancellationToken token)
    {
        try
        {
            await foreach (LiveFrame frame in _frames.Reader.ReadAllAsync(token))
            {
                await _delivery.DeliverAsync(sink => sink.OnFrameAsync(frame, token), "frame", frame.DeviceId);
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended; frames still queued are live data nobody needs any more.
        }
    }

    /// <summary>
    /// Ends the queue and waits for the pump (its token is cancelled by then); a sink that ignores cancellation must
    /// not keep a dead connection (and the display's shutdown) waiting forever.
    /// </summary>
    public async Task StopAsync(string remoteEndpoint)
    {
        _frames.Writer.TryComplete();
        try
        {
            await _pump.WaitAsync(StopTimeout);
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("Mat link {Remote}: the live frame sink did not return; leaving it behind", remoteEndpoint);
        }
    }
}
