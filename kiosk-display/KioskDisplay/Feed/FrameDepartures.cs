using System.Collections.Concurrent;

namespace Kiosk.Display.Feed;

/// <summary>
/// When each live frame of the built-in virtual mat left it, on the display's clock: the mat stamps frames with its
/// own uptime only, and for the in-process mat the display can note the wall time as the frame is handed to the
/// link. So the shopper page's latency figure runs from the mat to the screen. A real mat's clock is not the
/// display's; its frames count from the moment the listener took them off the link.
/// </summary>
public sealed class FrameDepartures
{
    /// <summary>Frames remembered per mat: a few seconds at 20 frames a second, far more than a frame spends in transit.</summary>
    private const int Remembered = 128;

    private readonly ConcurrentDictionary<(string DeviceId, uint CapturedAtMs), DateTimeOffset> _departures = new();
    private readonly ConcurrentQueue<(string, uint)> _order = new();

    public void Record(string deviceId, uint capturedAtMs, DateTimeOffset leftAt)
    {
        if (_departures.TryAdd((deviceId, capturedAtMs), leftAt))
        {
            _order.Enqueue((deviceId, capturedAtMs));
        }
        while (_order.Count > Remembered && _order.TryDequeue(out var oldest))
        {
            _departures.TryRemove(oldest, out _);
        }
    }

    /// <summary>When the frame left its mat; null when that was not seen (a real mat, or long forgotten).</summary>
    public DateTimeOffset? LeftAt(string deviceId, uint capturedAtMs) =>
        _departures.TryGetValue((deviceId, capturedAtMs), out DateTimeOffset at) ? at : null;
}
