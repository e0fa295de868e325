namespace Kiosk.Display.Pages.Staff;

/// <summary>One stored scan with the advice the current catalog gives for it (shared by the scan and report pages).</summary>
public abstract class ScanPageModel(IScanStore store, ICatalogStore catalog, Recommender recommender) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    /// <summary>The activity to recommend for: the shopper's own choice unless the staff pick another.</summary>
    [BindProperty(SupportsGet = true)] public string? Activity { get; set; }
    public StoredScan Scan { get; private set; } = null!;
    public FootProfile Profile { get; private set; } = null!;
    /// <summary>What the shopper answered at the kiosk (nothing answered: <see cref="ShopperAnswers.None"/>).</summary>
    public ShopperAnswers Answers { get; private set; } = ShopperAnswers.None;
    public Advice Advice { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await store.GetScanAsync(Id, ct) is not { } scan) return NotFound();
        Scan = scan;
        Answers = scan.Answers ?? ShopperAnswers.None;
        if (Activity is null || !ShopperAnswers.Activities.Contains(Activity)) Activity = Answers.Activity;
        Profile = FootProfile.From(scan.Result.Report);
        Advice = recommender.Advise(Profile, await catalog.ListProductsAsync(false, ct), Answers with { Activity = Activity });
        return Page();
    }
}
