using Microsoft.Extensions.Logging;

namespace Kiosk.Display.MatLink;

/// <summary>What every connection needs, whichever transport (TCP, serial) it came in on.</summary>
public sealed class MatLinkContext(
    IMatEventSink sink,
    IPairingRegistry pairing,
    ConnectedMats connectedMats,
    MatLinkOptions options,
    ILoggerFactory loggerFactory)
{
    public IMatEventSink Sink { get; } = sink;
    public IPairingRegistry Pairing { get; } = pairing;
    public ConnectedMats ConnectedMats { get; } = connectedMats;
    public MatLinkOptions Options { get; } = options;
    public ILoggerFactory LoggerFactory { get; } = loggerFactory;

    /// <summary>Live frames dropped because a sink was slower than its mat, all connections since start; for the technician page.</summary>
    public long LiveFramesDropped => Interlocked.Read(ref _liveFramesDropped);

    private long _liveFramesDropped;

    internal void CountDroppedFrame() => Interlocked.Increment(ref _liveFramesDropped);
}
