using Kiosk.Display.Recommend;
using Kiosk.Display.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kiosk.Display.Pages.Staff;

/// <summary>One stored scan with the advice the current catalog gives for it (shared by the scan and report pages).</summary>
public abstract class ScanPageModel(IScanStore store, ICatalogStore catalog, Recommender recommender) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Activity { get; set; } = "everyday";
    public StoredScan Scan { get; private set; } = null!;
    public FootProfile Profile { get; private set; } = null!;
    public Advice Advice { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ShopperAnswers.Activities.Contains(Activity)) Activity = ShopperAnswers.DefaultActivity;
        if (await store.GetScanAsync(Id, ct) is not { } scan) return NotFound();
        Scan = scan;
        Profile = FootProfile.From(scan.Result.Report);
        Advice = recommender.Advise(Profile, await catalog.ListProductsAsync(false, ct), ShopperAnswers.None with { Activity = Activity });
        return Page();
    }
}
