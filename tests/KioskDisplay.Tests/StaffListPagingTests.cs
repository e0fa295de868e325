using System.Diagnostics;
using System.Text.RegularExpressions;

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

    [Fact]
    public async Task TheCatalogIsPaged()
    {
        await using var server = new KioskServer();
        var catalog = server.Get<ICatalogStore>();
        int demo = (await catalog.ListProductsAsync(true)).Count;
        for (int i = 0; i < 120; i++)
        {
            await catalog.AddProductAsync(new Product(0, $"PAGE-{i:000}", $"Walking shoe {i:000}", "walking-shoe", 2, 2, 2, 36, 46, 5, 80m));
        }
        var staff = await server.SignedInAsync("staff");
        string first = Decoded(await staff.GetStringAsync("/staff/catalog"));
        int total = demo + 120;
        Assert.Contains($"{total} products", first);
        Assert.Equal(PageRequest.DefaultSize, Rows(first));
        Assert.Contains($"page 1 of {(total + 49) / 50}", first);
        Assert.Contains("href=\"/staff/catalog?productPage=2\" rel=\"next\"", first);
        string last = Decoded(await staff.GetStringAsync($"/staff/catalog?productPage={(total + 49) / 50}"));
        Assert.Equal(total - 50 * ((total - 1) / 50), Rows(last));
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
