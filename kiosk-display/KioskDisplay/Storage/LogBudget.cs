namespace Kiosk.Display.Storage;

/// <summary>
/// The technician's log for entries a stranger can cause (unknown mats, wrong pairing keys, failed logins): each
/// kind may write <see cref="EntriesPerKindPerWindow"/> entries a minute; more are counted, not written, and the count
/// is logged with the next entry of that kind. A flood of one kind can then never push the real entries out of view.
/// </summary>
public sealed class LogBudget(ILogStore log, TimeProvider clock, ILogger<LogBudget> logger)
{
    public const int EntriesPerKindPerWindow = 10;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private sealed class Kind
    {
        public DateTimeOffset WindowStart;
        public int Written;
        public int LeftOut;
    }

    private readonly Dictionary<string, Kind> _kinds = [];
    private readonly Lock _gate = new();

    /// <summary>Writes the entry unless its kind has used up this minute's budget; true when written.</summary>
    public async Task<bool> AddAsync(string kind, string level, string? deviceId, string message, CancellationToken ct)
    {
        int leftOut;
        lock (_gate)
        {
            DateTimeOffset now = clock.GetUtcNow();
            if (!_kinds.TryGetValue(kind, out Kind? k))
            {
                k = _kinds[kind] = new Kind { WindowStart = now };
            }
            if (now - k.WindowStart >= Window)
            {
                k.WindowStart = now;
                k.Written = 0;
            }
            if (k.Written >= EntriesPerKindPerWindow)
            {
                k.LeftOut++;
                return false;
            }
            k.Written++;
            leftOut = k.LeftOut;
            k.LeftOut = 0;
        }
        if (leftOut > 0)
        {
            message += $" ({leftOut} more like this were not logged: over {EntriesPerKindPerWindow} a minute)";
            logger.LogWarning("{LeftOut} log entries of kind {Kind} were left out of the technician's log", leftOut, kind);
        }
        await log.AddLogAsync(level, deviceId, message, ct);
        return true;
    }
}
