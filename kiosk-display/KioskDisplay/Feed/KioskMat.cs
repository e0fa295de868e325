namespace Kiosk.Display.Feed;

/// <summary>
/// Which mat the shopper page's live stream may carry: one mat, the kiosk's own, never every mat. It is
/// <see cref="KioskOptions.KioskDeviceId"/> when set (a page asking for another is refused); else the mat the page
/// names (<c>/?device=ID</c>, a paired one); else the display's only paired mat. With several paired mats and neither
/// said, the page is told to say which. Whoever can open the shopper page sees what the kiosk's screen shows.
/// </summary>
public sealed class KioskMat(IOptions<KioskOptions> options, IDeviceStore devices)
{
    public sealed record Choice(string? DeviceId, int Status = StatusCodes.Status200OK, string? Problem = null);

    public async Task<Choice> ForAsync(string? asked, CancellationToken ct)
    {
        string? configured = string.IsNullOrWhiteSpace(options.Value.KioskDeviceId) ? null : options.Value.KioskDeviceId.Trim().ToLowerInvariant();
        if (configured is not null)
        {
            return asked is null || string.Equals(asked, configured, StringComparison.OrdinalIgnoreCase)
                ? new Choice(configured)
                : new Choice(null, StatusCodes.Status403Forbidden, $"this display's kiosk shows mat {configured} only (Kiosk:KioskDeviceId)");
        }
        var paired = (await devices.ListDevicesAsync(ct)).Where(d => d.Paired).Select(d => d.Status.DeviceId).ToList();
        if (asked is not null)
        {
            return paired.FirstOrDefault(id => string.Equals(id, asked, StringComparison.OrdinalIgnoreCase)) is { } known
                ? new Choice(known)
                : new Choice(null, StatusCodes.Status404NotFound, $"no paired mat {asked}");
        }
        return paired.Count switch
        {
            0 => new Choice(null), // nothing to show yet: the idle screen
            1 => new Choice(paired[0]),
            _ => new Choice(null, StatusCodes.Status409Conflict,
                $"{paired.Count} mats are paired: open the shopper page as /?device=ID, or set Kiosk:KioskDeviceId to this kiosk's mat"),
        };
    }
}
