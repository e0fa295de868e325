namespace Kiosk.Display.Pages.Staff;

public class ScansModel(IScanStore store, DaySummaries summaries, StoreClock clock, IOptions<KioskOptions> kiosk) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "date")] public string? DateText { get; set; }
    [BindProperty(SupportsGet = true)] public string? Arch { get; set; }
    [BindProperty(SupportsGet = true)] public string? Quality { get; set; }
    /// <summary>The list's page ("page" itself is Razor Pages' route value).</summary>
    [BindProperty(SupportsGet = true, Name = "scanPage")] public int PageNumber { get; set; } = 1;
    public DateOnly Date { get; private set; }
    public string? DateProblem { get; private set; }
    public Paged<ListedScan> Scans { get; private set; } = new([], 0, new PageRequest(1));
    /// <summary>The whole day's figures, whatever the list's filters; null for a day that cannot be listed.</summary>
    public DaySummary? Summary { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Date = DateOnly.TryParse(DateText, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : clock.Today;
        if (string.IsNullOrEmpty(Arch) || Arch is not ("low" or "normal" or "high" or "unclassified")) Arch = null;
        bool? ok = Quality switch { "ok" => true, "problem" => false, _ => null };
        if ((DateProblem = ScanFilter.DayProblem(Date)) is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        // A store's day is its shoppers': the demo mat's scans count only on a demo display (Kiosk:Demo).
        Scans = await store.ListScansAsync(new ScanFilter(Date, Arch, ok, clock.Zone, IncludeDemo: kiosk.Value.Demo), new PageRequest(PageNumber), ct);
        Summary = await summaries.ForAsync(new ScanFilter(Date, Zone: clock.Zone, IncludeDemo: kiosk.Value.Demo), ct);
    }
}
