using Kiosk.Display.Storage;
using Microsoft.Extensions.Options;

namespace Kiosk.Display.Feed;

/// <summary>A message for the shopper page.</summary>
public abstract record ShopperEvent(string DeviceId);
public sealed record SessionStateEvent(string DeviceId, string State, string? SessionId, int HoldStillSeconds) : ShopperEvent(DeviceId);
public sealed record SessionFrameEvent(string DeviceId, string SessionId, LiveFrame Frame) : ShopperEvent(DeviceId);
public sealed record SessionResultEvent(string DeviceId, string SessionId, ScanResult Result) : ShopperEvent(DeviceId);

/// <summary>
/// Who is on which mat now. A session starts when the load passes <see cref="KioskOptions.OccupiedLoadGrams"/> and ends
/// after the mat has been empty for <see cref="KioskOptions.EmptyResetSeconds"/>. A result is shown only to the session
/// that is on the mat when it arrives, so the page never shows a previous shopper's result.
/// </summary>
public sealed class ShopperSessions(IScanFeed feed, IOptions<KioskOptions> options) : BackgroundService
{
    private sealed class Session(string id, DateTimeOffset now)
    {
        public string Id { get; } = id;
        public DateTimeOffset LastOccupied { get; set; } = now;
        public ScanResult? Result { get; set; }
    }

    private readonly KioskOptions kiosk = options.Value;
    private readonly Lock gate = new();
    private readonly Dictionary<string, Session> sessions = [];
    private readonly Broadcaster<ShopperEvent> events = new(capacityPerReader: 32);

    public Broadcaster<ShopperEvent>.Subscription Subscribe() => events.Subscribe();

    /// <summary>What a page that connects now should see first: the state and, for the shopper on the mat, the result.</summary>
    public IReadOnlyList<ShopperEvent> Snapshot(string? deviceId)
    {
        lock (gate)
        {
            var list = new List<ShopperEvent>();
            foreach (var (device, session) in sessions)
            {
                if (deviceId is not null && device != deviceId) continue;
                list.Add(new SessionStateEvent(device, "standing", session.Id, kiosk.HoldStillSeconds));
                if (session.Result is not null) list.Add(new SessionResultEvent(device, session.Id, session.Result));
            }
            if (list.Count == 0) list.Add(new SessionStateEvent(deviceId ?? "", "idle", null, kiosk.HoldStillSeconds));
            return list;
        }
    }

    /// <summary>The result of the shopper on the mat now, if <paramref name="resultId"/> is theirs; otherwise null.</summary>
    public ScanResult? CurrentResult(string resultId, string sessionId)
    {
        lock (gate)
        {
            return sessions.Values.FirstOrDefault(s => s.Id == sessionId && s.Result?.ResultId == resultId)?.Result;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = feed.Subscribe();
        var expiry = ExpireLoopAsync(stoppingToken);
        try
        {
            await foreach (var item in subscription.Reader.ReadAllAsync(stoppingToken))
            {
                if (item is FrameEvent frame) OnFrame(frame.Frame);
                else if (item is ResultEvent result) OnResult(result.Result);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await expiry;
    }

    private void OnFrame(LiveFrame frame)
    {
        lock (gate)
        {
            bool occupied = frame.Grid.TotalGrams() >= kiosk.OccupiedLoadGrams;
            if (!sessions.TryGetValue(frame.DeviceId, out var session))
            {
                if (!occupied) return;
                session = new Session(Guid.NewGuid().ToString("N")[..16], frame.CapturedAt);
                sessions[frame.DeviceId] = session;
                events.Publish(new SessionStateEvent(frame.DeviceId, "standing", session.Id, kiosk.HoldStillSeconds));
            }
            if (occupied) session.LastOccupied = DateTimeOffset.UtcNow;
            events.Publish(new SessionFrameEvent(frame.DeviceId, session.Id, frame));
        }
    }

    private void OnResult(ScanResult result)
    {
        lock (gate)
        {
            if (!sessions.TryGetValue(result.DeviceId, out var session)) return; // nobody on the mat: stored, not shown
            session.Result = result;
            events.Publish(new SessionResultEvent(result.DeviceId, session.Id, result));
        }
    }

    private async Task ExpireLoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var cutoff = DateTimeOffset.UtcNow - TimeSpan.FromSeconds(kiosk.EmptyResetSeconds);
                lock (gate)
                {
                    foreach (var (device, session) in sessions.Where(s => s.Value.LastOccupied < cutoff).ToList())
                    {
                        sessions.Remove(device);
                        events.Publish(new SessionStateEvent(device, "idle", null, kiosk.HoldStillSeconds));
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}
