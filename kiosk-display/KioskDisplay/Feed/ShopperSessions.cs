namespace Kiosk.Display.Feed;

/// <summary>A message for the shopper page.</summary>
public abstract record ShopperEvent(string DeviceId);
/// <param name="State">idle, standing (a shopper on the mat) or held (their result stays after they stepped off).</param>
/// <param name="ShowsForSeconds">Held: how long the result stays on the screen from now.</param>
public sealed record SessionStateEvent(string DeviceId, string State, string? SessionId, int HoldStillSeconds, double ShowsForSeconds = 0) : ShopperEvent(DeviceId);
public sealed record SessionFrameEvent(string DeviceId, string SessionId, LiveFrame Frame) : ShopperEvent(DeviceId);
public sealed record SessionResultEvent(string DeviceId, string SessionId, ScanResult Result) : ShopperEvent(DeviceId);

/// <summary>
/// Who is on which mat now. A session starts when the load passes <see cref="KioskOptions.OccupiedLoadGrams"/> and ends
/// after the mat has been empty for <see cref="KioskOptions.EmptyResetSeconds"/>. A result is shown only to the session
/// that is on the mat when it arrives, so the page never shows a previous shopper's result.
/// A session with a result outlives its shopper: once the mat has been empty for EmptyResetSeconds the result is
/// "held" (state <c>held</c>) until <see cref="KioskOptions.ResultHoldSeconds"/> after they stepped off, long enough to
/// scan the take-home code, and the next shopper stepping on ends it at once with a session of their own.
/// </summary>
public sealed class ShopperSessions(IScanFeed feed, IOptions<KioskOptions> options) : BackgroundService
{
    private sealed class Session(string id, DateTimeOffset now)
    {
        public string Id { get; } = id;
        public DateTimeOffset LastOccupied { get; set; } = now;
        public ScanResult? Result { get; set; }

        /// <summary>The shopper has left and their result stays on the screen for them: anyone stepping on is the next shopper.</summary>
        public bool Held { get; set; }
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
                if (session.Held) list.Add(HeldEvent(device, session));
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
            if (occupied && sessions.TryGetValue(frame.DeviceId, out var held) && held.Held)
            {
                sessions.Remove(frame.DeviceId); // the next shopper: the held result goes at once
            }
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

    /// <summary>How long a result stays after its shopper stepped off (never less than an empty mat's reset).</summary>
    private double HoldSeconds => Math.Max(kiosk.EmptyResetSeconds, kiosk.ResultHoldSeconds);

    /// <summary>The result stays, the shopper has gone: how many seconds it has left on the screen.</summary>
    private SessionStateEvent HeldEvent(string device, Session session) =>
        new(device, "held", session.Id, kiosk.HoldStillSeconds,
            Math.Max(0, HoldSeconds - (DateTimeOffset.UtcNow - session.LastOccupied).TotalSeconds));

    private async Task ExpireLoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var now = DateTimeOffset.UtcNow;
                lock (gate)
                {
                    foreach (var (device, session) in sessions.ToList())
                    {
                        double emptySeconds = (now - session.LastOccupied).TotalSeconds;
                        if (emptySeconds < kiosk.EmptyResetSeconds) continue;
                        if (session.Result is not null && emptySeconds < HoldSeconds)
                        {
                            if (!session.Held)
                            {
                                session.Held = true;
                                events.Publish(HeldEvent(device, session));
                            }
                            continue;
                        }
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
