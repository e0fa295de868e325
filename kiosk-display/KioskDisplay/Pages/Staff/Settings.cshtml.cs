namespace Kiosk.Display.Pages.Staff;

public class SettingsModel(ISettingsStore settings, ILogStore log, ScanExpiryJob expiry, IOptions<KioskOptions> options) : PageModel
{
    public KioskOptions Options => options.Value;
    public int RetentionDays { get; private set; }
    public string? Message { get; private set; }
    public bool Ok { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => RetentionDays = await expiry.RetentionDaysAsync(ct);

    public async Task OnPostAsync(string? retentionDays, CancellationToken ct)
    {
        if (int.TryParse(retentionDays, out int days) && days is >= 1 and <= 3650)
        {
            await settings.SetSettingAsync(ScanExpiryJob.RetentionSetting, days.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
            await log.AddLogAsync("info", null, $"{User.Identity!.Name} set scan retention to {days} days", ct);
            (Ok, Message) = (true, $"Scans are now kept for {days} days.");
        }
        else
        {
            (Ok, Message) = (false, "Please enter a whole number of days from 1 to 3650.");
        }
        RetentionDays = await expiry.RetentionDaysAsync(ct);
    }
}
