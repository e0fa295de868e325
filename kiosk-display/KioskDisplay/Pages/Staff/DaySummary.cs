using Kiosk.Mat.Host.Json;

namespace Kiosk.Display.Pages.Staff;

/// <summary>One bar of a chart: what it counts, how many, and the words a pointer or a screen reader gets.</summary>
public sealed record SummaryBar(string Label, int Count, string Title);

/// <summary>What one scan adds to its day's summary: the arch label of each foot on the mat, the products advised.</summary>
public sealed record ScanTally(IReadOnlyList<AdviceLine> Arches, IReadOnlyList<Product> Products)
{
    /// <summary>As the scan page shows the scan: today's catalog, the everyday activity.</summary>
    public static ScanTally Of(AnalysisReport report, IReadOnlyList<Product> catalog, Recommender recommender)
    {
        var profile = FootProfile.From(report);
        return new ScanTally(
            new[] { profile.Left, profile.Right }.OfType<FootFacts>().Select(foot => Recommender.ArchLabel(foot, profile)).ToList(),
            recommender.Advise(profile, catalog, ShopperAnswers.None).Products.Select(r => r.Product).ToList());
    }
}

/// <summary>
/// A store's day at a glance for the staff page (<c>_DaySummary.cshtml</c> draws it as SVG): shoppers scanned per
/// hour of store time, the arch types their feet read (per foot), and which products the advice recommends most.
/// It counts the scans of the staff's day, so the demo mat's scans are left out of a store's (<see cref="ScanFilter.IncludeDemo"/>).
/// </summary>
public sealed record DaySummary(int Scans, IReadOnlyList<SummaryBar> PerHour, IReadOnlyList<SummaryBar> Arches, IReadOnlyList<SummaryBar> Products)
{
    /// <summary>The hours the chart always shows (a shop's usual day), widened to any hour with a scan.</summary>
    public const int FirstHour = 8, LastHour = 19;

    /// <summary>The products chart shows this many, the most recommended first.</summary>
    public const int TopProducts = 8;

    private static readonly string[] ArchOrder =
        ["arch.low", "arch.normal-low", "arch.normal", "arch.normal-high", "arch.high", "arch.unclear", "arch.not-adult"];

    /// <param name="local">Store time of an instant (<see cref="Feed.StoreClock.Local"/>).</param>
    public static DaySummary Of(IReadOnlyList<(DateTimeOffset ScannedAt, ScanTally Tally)> scans, Func<DateTimeOffset, DateTime> local)
    {
        var hours = scans.Select(s => local(s.ScannedAt).Hour).ToList();
        int first = Math.Min(FirstHour, hours.DefaultIfEmpty(FirstHour).Min()), last = Math.Max(LastHour, hours.DefaultIfEmpty(LastHour).Max());
        var perHour = Enumerable.Range(first, last - first + 1).Select(h =>
        {
            int n = hours.Count(x => x == h);
            return new SummaryBar($"{h:00}", n, $"{h:00}:00–{h + 1:00}:00: {Plural(n, "scan")}");
        }).ToList();
        var arches = scans.SelectMany(s => s.Tally.Arches).GroupBy(a => a.Id)
            .OrderBy(g => Array.IndexOf(ArchOrder, g.Key) is var i and >= 0 ? i : ArchOrder.Length)
            .Select(g => new SummaryBar(g.First().Text, g.Count(), $"{g.First().Text}: {Plural(g.Count(), "foot", "feet")}")).ToList();
        var products = scans.SelectMany(s => s.Tally.Products).GroupBy(p => p.Id)
            .Select(g => (Product: g.First(), Count: g.Count())).OrderByDescending(p => p.Count).ThenBy(p => p.Product.Name).Take(TopProducts)
            .Select(p => new SummaryBar(p.Product.Name, p.Count, $"{p.Product.Name} ({p.Product.Sku}): recommended to {Plural(p.Count, "shopper")}")).ToList();
        return new DaySummary(scans.Count, perHour, arches, products);
    }

    private static string Plural(int n, string one, string? many = null) => $"{n} {(n == 1 ? one : many ?? one + "s")}";
}

/// <summary>
/// The day's summary for the staff page, each scan advised once: a busy day's 1,700 scans cost a query of ids and
/// times per page view, not 1,700 reports read and advised. The tallies are kept per result id while the catalog
/// stays the same (a catalog edit can change every scan's products, so it starts them afresh).
/// </summary>
public sealed class DaySummaries(IScanStore scans, ICatalogStore catalog, Recommender recommender, Feed.StoreClock clock)
{
    /// <summary>Up to this many new scans are read one by one; more (a day's first view) are read in one query.</summary>
    private const int FewNewScans = 20;

    /// <summary>Tallies kept, a few busy days' worth: beyond it they start afresh.</summary>
    private const int MaxTallies = 20_000;

    private readonly Lock _lock = new();
    private Dictionary<string, ScanTally> _tallies = [];
    private int _catalogHash;

    public async Task<DaySummary> ForAsync(ScanFilter day, CancellationToken ct)
    {
        var products = await catalog.ListProductsAsync(false, ct);
        int catalogHash = products.Aggregate(products.Count, (hash, p) => HashCode.Combine(hash, p));
        Dictionary<string, ScanTally> tallies;
        lock (_lock)
        {
            if (catalogHash != _catalogHash || _tallies.Count > MaxTallies)
            {
                (_tallies, _catalogHash) = ([], catalogHash);
            }
            tallies = _tallies;
        }
        var times = await scans.ListScanTimesAsync(day, ct);
        List<string> fresh;
        lock (_lock) fresh = times.Select(t => t.ResultId).Where(id => !tallies.ContainsKey(id)).ToList();
        var added = new List<(string Id, ScanTally Tally)>();
        if (fresh.Count > FewNewScans)
        {
            foreach (var s in await scans.ListScanReportsAsync(day, ct)) added.Add((s.ResultId, ScanTally.Of(s.Report, products, recommender)));
        }
        else
        {
            foreach (string id in fresh)
            {
                if (await scans.GetScanAsync(id, ct) is { } s) added.Add((id, ScanTally.Of(s.Result.Report, products, recommender)));
            }
        }
        var counted = new List<(DateTimeOffset, ScanTally)>(times.Count);
        lock (_lock)
        {
            foreach (var (id, tally) in added) tallies[id] = tally;
            foreach (var (id, at) in times)
            {
                if (tallies.TryGetValue(id, out var tally)) counted.Add((at, tally));
            }
        }
        return DaySummary.Of(counted, clock.Local);
    }
}
