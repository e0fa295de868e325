using Microsoft.Playwright;

namespace Kiosk.Display.Tests;

/// <summary>
/// The staff's printable report is one sheet of paper for every scan a store gets: real footprints standing on both
/// feet or on one, uneven and heavy, borderline, mixed and child-sized scans, the shopper's activity, and a catalog
/// whose products have names of the full 120 characters. Each is printed to PDF by Chromium on A4 and on US Letter
/// and must be exactly one page. The PDFs go to the screenshots' folder's reports/ for a person to look at.
/// </summary>
[Collection("browser")]
public sealed class PrintedReportTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly string Folder = Directory.CreateDirectory(Path.Combine(ShopperResultLayoutTests.ScreenshotFolder, "reports")).FullName;

    [Fact]
    public async Task EveryShapeOfScanPrintsOnOnePageOfA4AndOfLetter()
    {
        // Its own server: the long product names must not reach the other browser tests' catalog.
        await using var server = new KioskServer(kestrel: true);
        var baseAddress = server.StartKestrel();
        await AddLongNamedProductsAsync(server.Get<ICatalogStore>());
        var shapes = RealScans.EveryShape("240ac4000042");
        foreach (var shape in shapes)
        {
            await server.Get<IScanStore>().SaveResultAsync(shape.Result);
        }
        var page = await browser.SignedInPageAsync("staff", baseAddress);
        var pages = new List<string>();
        foreach (var shape in shapes)
        {
            await page.GotoAsync($"/staff/report/{shape.Result.ResultId}?activity={shape.Activity}");
            await page.WaitForSelectorAsync("canvas[data-grid]");
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            foreach (string paper in new[] { "A4", "Letter" })
            {
                byte[] pdf = await page.PdfAsync(new()
                {
                    Path = Path.Combine(Folder, $"report-{shape.Name}-{paper}.pdf"),
                    Format = paper,
                    PrintBackground = true,
                });
                int count = PdfPageCount(pdf);
                output.WriteLine($"{shape.Name} ({shape.Activity}) on {paper}: {count} page(s), {Describe(shape)}");
                pages.Add($"{shape.Name} {paper}: {count}");
            }
            await page.EmulateMediaAsync(new() { Media = Media.Screen });
        }
        await page.Context.CloseAsync();
        Assert.All(pages, p => Assert.EndsWith(": 1", p));
    }

    [Fact]
    public async Task AFootStandingAloneHasNoLoadShareOnTheReport()
    {
        await using var server = new KioskServer();
        var scan = RealScans.EveryShape("240ac4000042").Single(s => s.Name == "real-one-foot").Result;
        await server.Get<IScanStore>().SaveResultAsync(scan);
        var staff = await server.SignedInAsync("staff");
        string html = await staff.GetStringAsync($"/staff/report/{scan.ResultId}");
        var row = System.Text.RegularExpressions.Regex.Match(html, @"<th>Load share</th><td>([^<]*)</td><td>([^<]*)</td>");
        Assert.True(row.Success, "no load share row");
        Assert.Equal(("–", "–"), (System.Net.WebUtility.HtmlDecode(row.Groups[1].Value), System.Net.WebUtility.HtmlDecode(row.Groups[2].Value))); // not "0.0 %" for the foot that bears it all
    }

    /// <summary>The PDF's page objects (Chromium writes one <c>/Type /Page</c> per page, and one <c>/Type /Pages</c>).</summary>
    public static int PdfPageCount(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count;

    private static string Describe(RealScans.Shape shape)
    {
        var r = shape.Result.Report;
        string Foot(Kiosk.Mat.Host.Json.FootReport? f) => f is null ? "none" : $"{f.ArchType} {f.ArchIndex:0.000}{(f.ArchBorderlineWith is null ? "" : "~" + f.ArchBorderlineWith)}";
        return $"left {Foot(r.Left)}, right {Foot(r.Right)}, {r.LoadLeftPct:0}/{r.LoadRightPct:0}, {r.TotalLoadG / 1000.0:0.0} kg, issues [{string.Join(", ", r.Quality.Issues)}]";
    }

    /// <summary>One product of every category and support level that fits every adult size, each named with 120 characters.</summary>
    private static async Task AddLongNamedProductsAsync(ICatalogStore catalog)
    {
        int n = 0;
        foreach (string category in Product.Categories)
        {
            for (int support = 1; support <= 3; support++)
            {
                n++;
                string name = ($"{Product.CategoryLabel(category)} {n} " + string.Concat(Enumerable.Repeat("Comfort Structured Arch Support Extra ", 5)))[..120];
                await catalog.AddProductAsync(new Product(0, $"LONG-{n:00}", name, category, support, 4 - support, support, 35, 48, 10, 149.90m));
            }
        }
    }
}
