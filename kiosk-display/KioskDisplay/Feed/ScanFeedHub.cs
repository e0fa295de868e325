namespace Kiosk.Display.Feed;

/// <summary>The in-process <see cref="IScanFeed"/>: stores results and statuses, then broadcasts.</summary>
public sealed class ScanFeedHub(IScanStore store, IDeviceStore devices, ILogStore log, StoreHealth health, DemoMats demoMats, ILogger<ScanFeedHub> logger) : IScanFeed
{
    private readonly Broadcaster<FeedEvent> events = new();

    public void PublishFrame(LiveFrame frame)
    {
        if (frame.Grid.Problem() is { } problem)
        {
            logger.LogWarning("Dropped a live frame from {Device}: {Problem}", frame.DeviceId, problem);
            return;
        }
        events.Publish(new FrameEvent(frame));
    }

    public async Task<ResultAck> PublishResultAsync(ScanResult result, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(result.ResultId) || result.Summed.Problem() is not null)
        {
            string error = string.IsNullOrWhiteSpace(result.ResultId) ? "result has no id" : result.Summed.Problem()!;
            logger.LogWarning("Refused a result from {Device}: {Error}", result.DeviceId, error);
            return new ResultAck(result.ResultId ?? "", false, false, error);
        }
        result = result with { Demo = result.Demo || demoMats.IsDemo(result.DeviceId) };
        try
        {
            SavedResult saved = await store.SaveResultAsync(result, cancellationToken);
            if (saved.Outcome == SaveOutcome.Stored)
            {
                await log.AddLogAsync("info", result.DeviceId, $"result {result.ResultId} stored", cancellationToken);
            }
            else if (saved.Outcome == SaveOutcome.StoredUnderNewId)
            {
                // The protocol's rule is that a mat never reuses an id; one that does lost its counter. Its shopper
                // still gets the result, and the technician hears of it.
                logger.LogWarning("Mat {Device} reused result id {ResultId} for another scan; stored as {StoredAs}", result.DeviceId, result.ResultId, saved.ResultId);
                await log.AddLogAsync("warning", result.DeviceId,
                    $"mat reused result id {result.ResultId} for another scan (its result counter went back: a reset or a fault); stored as {saved.ResultId}",
                    cancellationToken);
            }
            health.WriteSucceeded();
            if (saved.New)
            {
                events.Publish(new ResultEvent(result with { ResultId = saved.ResultId }));
            }
            return new ResultAck(result.ResultId, true, saved.New);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not acknowledged: the mat keeps the result and sends it again. Logged once a minute, not per resend.
            health.WriteFailed($"result {result.ResultId}", e);
            return new ResultAck(result.ResultId, false, false, "the display could not store the result");
        }
    }

    public async Task PublishStatusAsync(DeviceStatus status, CancellationToken cancellationToken = default)
    {
        try
        {
            await devices.UpsertDeviceStatusAsync(status, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A status is news, not a record: the next one replaces it. The failure is the technician's to see.
            health.WriteFailed($"status of mat {status.DeviceId}", e);
        }
        events.Publish(new StatusEvent(status));
    }

    public Broadcaster<FeedEvent>.Subscription Subscribe() => events.Subscribe();
}
