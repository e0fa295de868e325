namespace Kiosk.Display.Feed;

/// <summary>
/// The seam between the mats and the display. Whatever receives mat data (the mat listener, through
/// <c>MatLinkFeedSink</c>) publishes here; the store, the shopper page and the technician page subscribe.
/// </summary>
public interface IScanFeed
{
    /// <summary>A live frame; dropped for slow subscribers rather than queued without bound.</summary>
    void PublishFrame(LiveFrame frame);

    /// <summary>
    /// Stores the result (each id once) and then tells subscribers. Acknowledged is true when the result is safely
    /// stored, now or earlier: only then may the mat forget it. A repeated id is a no-op and still acknowledged.
    /// </summary>
    Task<ResultAck> PublishResultAsync(ScanResult result, CancellationToken cancellationToken = default);

    /// <summary>Records the mat's status (online, firmware, dead sensels) and tells subscribers.</summary>
    Task PublishStatusAsync(DeviceStatus status, CancellationToken cancellationToken = default);

    /// <summary>A stream of every event from now on; dispose it to unsubscribe.</summary>
    Broadcaster<FeedEvent>.Subscription Subscribe();
}
