namespace Kiosk.Display.Pages.Tech;

/// <summary>The technician's overview: what needs attention, the mats, the commands and what became of them, the log.</summary>
public class DevicesModel(IDeviceStore devices, ICommandStore commands, ILogStore log, StoreHealth health, MatAlerts alerts) : PageModel
{
    /// <summary>The log's filter: a level (info, warning, error) and a mat; empty for any.</summary>
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? Mat { get; set; }
    [BindProperty(SupportsGet = true, Name = "logPage")] public int LogPage { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = "matPage")] public int MatPage { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = "commandPage")] public int CommandPage { get; set; } = 1;

    public StoreHealth.WriteProblem? WriteProblem => health.Problem;
    public IReadOnlyList<MatAlert> Alerts { get; private set; } = [];
    /// <summary>Every mat the display knows: for the alerts and the waiting list (at most <see cref="DeviceStore.MaxWaitingMats"/>).</summary>
    public IReadOnlyList<DeviceRecord> Devices { get; private set; } = [];
    /// <summary>The page of the mats' table.</summary>
    public Paged<DeviceRecord> DevicePage { get; private set; } = null!;
    public Paged<DeviceCommandRecord> Commands { get; private set; } = null!;
    public Paged<LogEntry> Log { get; private set; } = null!;
    public IReadOnlyList<string> LoggedMats { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Devices = await devices.ListDevicesAsync(ct);
        DevicePage = Paged<DeviceRecord>.Of(Devices, new PageRequest(MatPage));
        Alerts = await alerts.ForAsync(Devices, ct);
        Commands = await commands.ListCommandsAsync(new PageRequest(CommandPage, 20), null, ct);
        if (!LogQuery.Levels.Contains(Level)) Level = null;
        if (string.IsNullOrWhiteSpace(Mat)) Mat = null;
        Log = await log.ListLogAsync(new LogQuery(Level, Mat), new PageRequest(LogPage), ct);
        LoggedMats = await log.LoggedDevicesAsync(ct);
    }
}
