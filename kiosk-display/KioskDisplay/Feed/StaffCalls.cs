namespace Kiosk.Display.Feed;

/// <summary>A shopper on a mat asked for a member of staff (the "ask staff" button), about this result.</summary>
public sealed record StaffCall(long Id, string DeviceId, string ResultId, DateTimeOffset At);

/// <summary>
/// The shoppers' calls for staff, until a member of staff answers or they are <see cref="Expiry"/> old (the shopper
/// has long gone by then). Held in memory: a call is for now, and a restart that loses one loses nothing stored.
/// One call per result; at most <see cref="MaxOpen"/> open, the oldest dropped first.
/// </summary>
public sealed class StaffCalls(TimeProvider time)
{
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(15);
    public const int MaxOpen = 20;

    private readonly Lock gate = new();
    private readonly List<StaffCall> open = [];
    private long nextId = 1;

    /// <summary>The shopper's call, or the one already open for this result.</summary>
    public StaffCall Call(string deviceId, string resultId)
    {
        lock (gate)
        {
            DropExpired();
            if (open.FirstOrDefault(c => c.ResultId == resultId) is { } existing) return existing;
            var call = new StaffCall(nextId++, deviceId, resultId, time.GetUtcNow());
            open.Add(call);
            if (open.Count > MaxOpen) open.RemoveAt(0);
            return call;
        }
    }

    /// <summary>The open calls, the oldest first (who has waited longest).</summary>
    public IReadOnlyList<StaffCall> Open()
    {
        lock (gate)
        {
            DropExpired();
            return [.. open];
        }
    }

    /// <summary>A member of staff is on the way: the call closes. False when it had closed already.</summary>
    public bool Answer(long id)
    {
        lock (gate)
        {
            return open.RemoveAll(c => c.Id == id) > 0;
        }
    }

    private void DropExpired()
    {
        var cutoff = time.GetUtcNow() - Expiry;
        open.RemoveAll(c => c.At < cutoff);
    }
}
