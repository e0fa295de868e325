namespace Kiosk.Display.Feed;

/// <summary>
/// The store's own time (Kiosk:TimeZone, an IANA id such as Europe/Berlin; empty = the machine's zone): the
/// staff's "scans of a day" is the store's day, and every time on the staff and technician pages is store time.
/// Times are stored in UTC; only what people read is converted.
/// </summary>
public sealed class StoreClock(IOptions<KioskOptions> options)
{
    public TimeZoneInfo Zone { get; } = Find(options.Value.TimeZone)
        ?? throw new InvalidOperationException($"Kiosk:TimeZone '{options.Value.TimeZone}' is not a time zone");

    /// <summary>The zone for a Kiosk:TimeZone value; null when there is no such zone.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return TimeZoneInfo.Local;
        }
        return TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out TimeZoneInfo? zone) ? zone : null;
    }

    /// <summary>The wall-clock time in the store at <paramref name="time"/>.</summary>
    public DateTime Local(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Zone).DateTime;

    public DateOnly Today => DateOnly.FromDateTime(Local(DateTimeOffset.UtcNow));

    /// <summary>What the pages say the times are in: "Europe/Berlin", or "UTC".</summary>
    public string ZoneName => Zone.Id;
}
