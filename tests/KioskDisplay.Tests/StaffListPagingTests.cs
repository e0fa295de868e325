using System.Diagnostics;
using System.Text.RegularExpressions;
using Kiosk.Display.Endpoints;
using Microsoft.Playwright;

namespace Kiosk.Display.Tests;

/// <summary>
/// Every staff and technician list shows a page at a time with links to the next: a busy day's 1,700 scans, a large
/// catalog, many mats. A page keeps the list's filters in its links.
/// </summary>
public sealed class StaffListPagingTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Opening = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private static int Rows(string html, string table = "list") =>
        Regex.Match(html, $"<table class=\"{table}\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value.Split("<tr").Length - 2; // less the heading row

    private static string Decoded(string html) => System.Net.WebUtility.HtmlDecode(html);

    [Fact]
    public async Task ABusyDaysScansArePagedWithANextLinkThatKeepsTheFilter()
    {
        await using var server = new KioskServer(settings: new() { ["Kiosk:TimeZone"] = "UTC" });
        var store = server.Get<IScanStore>();
        var low = TestScans.Result("template-low", "low");
        var high = TestScans.Result("template-high", "high");
        for (int i = 0; i < 1700; i++)
        {
            // every 18 s from 08:00: 8.5 hours of a busy store; every fourth shopper high-arched
            await store.SaveResultAsync((i % 4 == 3 ? high : low) with { ResultId = $"240ac4000001-{i + 1}", ScannedAt = Opening.AddSeconds(18 * i) });
        }
        var staff = await server.SignedInAsync("staff");
        await staff.GetStringAsync("/staff?date=2026-11-20"); // warm up: the first page view compiles the page
        string first = "";
        for (int i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            first = Decoded(await staff.GetStringAsync("/staff?date=2026-11-20"));
            output.WriteLine($"/staff with 1,700 scans of the day: {first.Length:N0} characters in {watch.ElapsedMilliseconds} ms (a figure, not a check)");
        }

        Assert.Contains("1700 scans", first);
        Assert.Equal(PageRequest.DefaultSize, Rows(first));
        Assert.Contains("page 1 of 34 (1–50 of 1700)", first);
        Assert.Contains("240ac4000001-1700", first); // newest first
        Assert.Contains("href=\"/staff?date=2026-11-20&scanPage=2\" rel=\"next\"", first);

        string last = Decoded(await staff.GetStringAsync("/staff?date=2026-11-20&scanPage=34"));
        Assert.Equal(50, Rows(last));
        Assert.Contains("240ac4000001-1\"", last); // the day's first scan, on the last page
        Assert.DoesNotContain("rel=\"next\"", last);
        Assert.Contains("rel=\"prev\"", last);

        string highArched = Decoded(await staff.GetStringAsync("/staff?date=2026-11-20&arch=high"));
        Assert.Contains("425 scans", highArched);
        Assert.Contains("page 1 of 9", highArched);
        Assert.Contains("href=\"/staff?date=2026-11-20&arch=high&scanPage=2\" rel=\"next\"", highArched);

        var api = await staff.GetAsync("/api/staff/scans?date=2026-11-20&page=17");
        var items = await api.Content.ReadFromJsonAsync<List<System.Text.Json.Nodes.JsonObject>>();
        Assert.Equal("1700", api.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(100, items!.Count);
        Assert.Equal(("240ac4000001-100", "240ac4000001-1"), ((string?)items[0]["resultId"], (string?)items[^1]["resultId"])); // the day's first 100
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task EachStorePagesTheScansNewestFirstWithTheFilterAndTheProductsInListOrder(string kind)
    {
        await using var test = await TestStore.CreateAsync(kind);
        var store = test.Stores;
        var day = DateOnly.FromDateTime(Opening.UtcDateTime);
        var low = TestScans.Result("template-low", "low");
        var high = TestScans.Result("template-high", "high");
        for (int i = 0; i < 7; i++)
        {
            await store.Scans.SaveResultAsync((i % 2 == 0 ? low : high) with { ResultId = $"scan-{i}", ScannedAt = Opening.AddMinutes(i) });
        }
        await store.Scans.SaveResultAsync(low with { ResultId = "next-day", ScannedAt = Opening.AddDays(1) });

        var second = await store.Scans.ListScansAsync(new ScanFilter(day), new PageRequest(2, 3));
        Assert.Equal((7, 3, 4, 6), (second.Total, second.PageCount, second.First, second.Last));
        Assert.Equal(["scan-3", "scan-2", "scan-1"], second.Items.Select(s => s.ResultId));
        Assert.Equal("high", second.Items[0].Report.Left!.ArchType);
        CloseInTime(Opening.AddMinutes(3), second.Items[0].ScannedAt);
        var lowOnly = await store.Scans.ListScansAsync(new ScanFilter(day, "low"), new PageRequest(2, 3));
        Assert.Equal(4, lowOnly.Total);
        Assert.Equal(["scan-0"], lowOnly.Items.Select(s => s.ResultId));
        Assert.Empty((await store.Scans.ListScansAsync(new ScanFilter(day), new PageRequest(9, 3))).Items);

        var products = await store.Catalog.ListProductsAsync(true);
        var page = await store.Catalog.ListProductsAsync(true, new PageRequest(2, 5));
        Assert.Equal(products.Count, page.Total);
        Assert.Equal(products.Skip(5).Take(5).Select(p => p.Sku), page.Items.Select(p => p.Sku));
    }

    private static void CloseInTime(DateTimeOffset expected, DateTimeOffset actual) =>
        Assert.InRange((actual - expected).Duration(), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));

    /// <summary>Adds 120 walking shoes to the demo catalog: a large catalog, several pages long. Returns how many products it has.</summary>
    internal static async Task<int> AddManyProductsAsync(ICatalogStore catalog)
    {
        for (int i = 0; i < 120; i++)
        {
            await catalog.AddProductAsync(new Product(0, $"PAGE-{i:000}", $"Walking shoe {i:000}", "walking-shoe", 2, 2, 2, 36, 46, 5, 80m));
        }
        return (await catalog.ListProductsAsync(true)).Count;
    }

    [Fact]
    public async Task TheCatalogIsPaged()
    {
        await using var server = new KioskServer();
        int total = await AddManyProductsAsync(server.Get<ICatalogStore>());
        var staff = await server.SignedInAsync("staff");
        string first = Decoded(await staff.GetStringAsync("/staff/catalog"));
        Assert.Contains($"{total} products", first);
        Assert.Equal(PageRequest.DefaultSize, Rows(first));
        Assert.Contains($"page 1 of {(total + 49) / 50}", first);
        Assert.Contains("href=\"/staff/catalog?productPage=2\" rel=\"next\"", first);
        string last = Decoded(await staff.GetStringAsync($"/staff/catalog?productPage={(total + 49) / 50}"));
        Assert.Equal(total - 50 * ((total - 1) / 50), Rows(last));
    }

    [Fact]
    public async Task TheCatalogApiGivesAPageAtATimeWithTheTotalAndLinksToTheOtherPages()
    {
        await using var server = new KioskServer();
        var catalog = server.Get<ICatalogStore>();
        int total = await AddManyProductsAsync(catalog);
        await catalog.SetRetiredAsync((await catalog.ListProductsAsync(true))[0].Id, true);
        var staff = await server.SignedInAsync("staff");

        var first = await staff.GetAsync("/api/staff/catalog");
        var firstItems = await first.Content.ReadFromJsonAsync<List<Product>>();
        Assert.Equal(ApiPaging.PageSize, firstItems!.Count);
        Assert.Equal(total.ToString(), first.Headers.GetValues("X-Total-Count").Single());
        var links = Links(first);
        Assert.Equal(["first", "next", "last"], links.Keys);
        Assert.Equal("/api/staff/catalog?page=2", links["next"]);
        Assert.Equal($"/api/staff/catalog?page={(total + 99) / 100}", links["last"]);

        var second = await staff.GetAsync(links["next"]);
        var secondItems = await second.Content.ReadFromJsonAsync<List<Product>>();
        Assert.Equal(total - ApiPaging.PageSize, secondItems!.Count);
        Assert.Equal(["first", "prev", "last"], Links(second).Keys); // the last page: no next
        // The two pages are the whole catalog in its list order, each product once, retired ones too.
        Assert.Equal((await catalog.ListProductsAsync(true)).Select(p => p.Sku), firstItems.Concat(secondItems).Select(p => p.Sku));

        // The filter stays in the links, and the total counts what the filter keeps.
        var current = await staff.GetAsync("/api/staff/catalog?includeRetired=false");
        Assert.Equal((await catalog.ListProductsAsync(false)).Count.ToString(), current.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal("/api/staff/catalog?includeRetired=false&page=2", Links(current)["next"]);

        // Past the end: an empty page (the catalog may have shrunk since), still with the total and a way back.
        var beyond = await staff.GetAsync("/api/staff/catalog?page=9");
        Assert.Equal(HttpStatusCode.OK, beyond.StatusCode);
        Assert.Empty((await beyond.Content.ReadFromJsonAsync<List<Product>>())!);
        Assert.Equal(total.ToString(), beyond.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal("/api/staff/catalog?page=2", Links(beyond)["prev"]);
    }

    /// <summary>The Link header's pages by their relation, in the header's order.</summary>
    private static Dictionary<string, string> Links(HttpResponseMessage response) =>
        Regex.Matches(string.Join(", ", response.Headers.GetValues("Link")), "<([^>]*)>; rel=\"([a-z]+)\"")
            .ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value);

    [Theory]
    [InlineData("/api/staff/catalog", "0")]
    [InlineData("/api/staff/catalog", "-1")]
    [InlineData("/api/staff/catalog", "two")]
    [InlineData("/api/staff/catalog", "1.5")]
    [InlineData("/api/staff/catalog", "99999999999")]
    [InlineData("/api/staff/catalog", "21474837")] // one past the highest page: its first row would be past int.MaxValue
    [InlineData("/api/staff/scans", "0")]
    [InlineData("/api/staff/scans", "two")]
    [InlineData("/api/tech/log", "0")]
    [InlineData("/api/tech/log", "two")]
    public async Task EveryApiListRefusesABadPageNumberWithAClear400(string path, string page)
    {
        await using var server = new KioskServer();
        var client = await server.SignedInAsync(path.StartsWith("/api/tech", StringComparison.Ordinal) ? "tech" : "staff");
        var response = await client.GetAsync($"{path}?page={Uri.EscapeDataString(page)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>();
        Assert.Equal($"page must be a whole number from 1 to {ApiPaging.MaxPage}, not '{page}'", problem!.Detail);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{path}?page={ApiPaging.MaxPage}")).StatusCode); // the highest page is a page
    }

    [Fact]
    public async Task TheMatsArePaged()
    {
        await using var server = new KioskServer();
        var devices = server.Get<IDeviceStore>();
        for (int i = 0; i < 20; i++)
        {
            await devices.PairDeviceAsync($"240ac40002{i:00}", "00112233445566778899aabbccddeeff");
        }
        for (int i = 0; i < 60; i++)
        {
            await devices.NoteWaitingAsync($"240ac40001{i:00}", DateTimeOffset.UtcNow);
        }
        int mats = 20 + DeviceStore.MaxWaitingMats; // the store keeps no more waiting mats than this
        var tech = await server.SignedInAsync("tech");
        string first = Decoded(await tech.GetStringAsync("/tech"));
        Assert.Equal(PageRequest.DefaultSize, Rows(first));
        Assert.Contains($"(1–50 of {mats})", first);
        Assert.Contains("href=\"/tech?matPage=2\" rel=\"next\"", first);
        string second = Decoded(await tech.GetStringAsync("/tech?matPage=2&level=warning"));
        Assert.Equal(mats - 50, Rows(second));
        Assert.Contains($"(51–{mats} of {mats})", second);
        Assert.Contains("href=\"/tech?matPage=1&level=warning\">« first", second); // the log's filter stays
    }

    [Fact]
    public async Task TheCommandHistoryIsPagedOnTheOverviewAndOnEachMatsPage()
    {
        await using var server = new KioskServer();
        const string mat = "240ac4000301";
        await server.Get<IDeviceStore>().PairDeviceAsync(mat, "00112233445566778899aabbccddeeff");
        var commands = server.Get<ICommandStore>();
        var start = DateTimeOffset.UtcNow.AddHours(-2);
        for (int i = 0; i < 45; i++)
        {
            await commands.AddCommandAsync(new DeviceCommandRecord(i % 3 == 0 ? "240ac4000302" : mat, "zero", null, $"tech-{i}", start.AddMinutes(i), "done"));
        }
        var tech = await server.SignedInAsync("tech");

        string overview = Decoded(await tech.GetStringAsync("/tech"));
        Assert.Equal(20, Rows(overview, "list commands-list"));
        Assert.Contains("tech-44", overview); // newest first
        Assert.Contains("(1–20 of 45)", overview);
        Assert.Contains("href=\"/tech?commandPage=3\">last", overview);
        string oldest = Decoded(await tech.GetStringAsync("/tech?commandPage=3"));
        Assert.Equal(5, Rows(oldest, "list commands-list"));
        Assert.Contains("tech-0<", oldest);

        string device = Decoded(await tech.GetStringAsync($"/tech/device/{mat}?commandPage=2"));
        Assert.Equal(10, Rows(device, "list commands-list"));
        Assert.Contains("(11–20 of 30)", device); // this mat's only
        Assert.DoesNotContain("240ac4000302", Regex.Match(device, "<table class=\"list commands-list\">.*?</table>", RegexOptions.Singleline).Value);
    }
}

/// <summary>The staff page a large catalog through in the browser, with the pager's links, and stay on their page when they retire a product.</summary>
[Collection("browser")]
public sealed class CatalogPagingBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task StaffPageThroughALargeCatalogAndStayOnTheirPageWhenTheyRetireAProduct()
    {
        // Its own server: 120 more products must not reach the other browser tests' catalog and recommendations.
        await using var server = new KioskServer(kestrel: true);
        var baseAddress = server.StartKestrel();
        int total = await StaffListPagingTests.AddManyProductsAsync(server.Get<ICatalogStore>());
        int pages = (total + PageRequest.DefaultSize - 1) / PageRequest.DefaultSize;
        var page = await browser.SignedInPageAsync("staff", baseAddress);
        await page.GotoAsync("/staff/catalog");
        var pager = page.Locator("nav.pager");
        var rows = page.Locator("table.list tr:has(td)");

        await Assertions.Expect(pager).ToContainTextAsync($"page 1 of {pages} (1–50 of {total})");
        await Assertions.Expect(rows).ToHaveCountAsync(PageRequest.DefaultSize);
        var firstSku = rows.First.Locator("td").First;
        string pageOneFirst = await firstSku.InnerTextAsync();
        await Assertions.Expect(pager.GetByRole(AriaRole.Link, new() { Name = "‹ previous" })).ToHaveCountAsync(0);

        await pager.GetByRole(AriaRole.Link, new() { Name = "next ›" }).ClickAsync();
        await Assertions.Expect(pager).ToContainTextAsync($"page 2 of {pages} (51–100 of {total})");
        await Assertions.Expect(rows).ToHaveCountAsync(PageRequest.DefaultSize);
        await Assertions.Expect(firstSku).Not.ToHaveTextAsync(pageOneFirst);

        // Retiring a product on page 2, and restoring it, comes back to page 2 with the product marked each time.
        string sku = await rows.Nth(3).Locator("td").First.InnerTextAsync();
        Assert.StartsWith("PAGE-", sku); // one of the shoes this test added, not the demo catalog's
        var row = page.Locator("table.list tr", new() { HasText = sku });
        await row.GetByRole(AriaRole.Button, new() { Name = "retire" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Product retired");
        await Assertions.Expect(pager).ToContainTextAsync($"page 2 of {pages}");
        await Assertions.Expect(row).ToHaveClassAsync("retired");
        await row.GetByRole(AriaRole.Button, new() { Name = "restore" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Product restored");
        await Assertions.Expect(pager).ToContainTextAsync($"page 2 of {pages}");
        await Assertions.Expect(row).Not.ToHaveClassAsync("retired");

        await pager.GetByRole(AriaRole.Link, new() { Name = "last »" }).ClickAsync();
        await Assertions.Expect(pager).ToContainTextAsync($"page {pages} of {pages}");
        await Assertions.Expect(rows).ToHaveCountAsync(total - PageRequest.DefaultSize * (pages - 1));
        await Assertions.Expect(pager.GetByRole(AriaRole.Link, new() { Name = "next ›" })).ToHaveCountAsync(0);

        await pager.GetByRole(AriaRole.Link, new() { Name = "« first" }).ClickAsync();
        await Assertions.Expect(pager).ToContainTextAsync($"page 1 of {pages}");
        await Assertions.Expect(firstSku).ToHaveTextAsync(pageOneFirst);
        await page.Context.CloseAsync();
    }
}
