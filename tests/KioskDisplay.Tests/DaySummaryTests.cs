using System.Text.RegularExpressions;
using Kiosk.Display.Auth;
using Kiosk.Display.Pages.Staff;

namespace Kiosk.Display.Tests;

/// <summary>
/// The staff page's summary of the store's day: scans per hour of store time, arch types per foot and the products
/// recommended most, as SVG charts drawn by the server; the demo mat's scans are not a store's shoppers and are left out.
/// </summary>
public sealed class DaySummaryTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 20, 9, 5, 0, TimeSpan.Zero);

    /// <summary>Each bar's label and count, in the chart's order (the charts mark them as data attributes).</summary>
    private static List<(string Label, int Count)> Bars(string html, string chart)
    {
        var figure = Regex.Match(html, $"<figure class=\"chart {chart}\">(.*?)</figure>", RegexOptions.Singleline);
        Assert.True(figure.Success, $"no {chart} chart");
        return Regex.Matches(figure.Value, "<g class=\"bar\" data-label=\"([^\"]*)\" data-count=\"(\\d+)\"")
            .Select(m => (System.Net.WebUtility.HtmlDecode(m.Groups[1].Value), int.Parse(m.Groups[2].Value))).ToList();
    }

    /// <summary>A store's display (Production: no demo accounts, the demo mat's scans out of the day) with one member of staff.</summary>
    private static KioskServer StoreDisplay(string zone) => new(environment: "Production", settings: new()
    {
        ["Kiosk:TimeZone"] = zone,
        ["Kiosk:Users:0:Name"] = "anna",
        ["Kiosk:Users:0:PasswordHash"] = PasswordHashing.Hash("anna's long password"),
        ["Kiosk:Users:0:Roles:0"] = "staff",
    });

    private static async Task<HttpClient> SignedInAsync(KioskServer server)
    {
        var staff = server.Client();
        (await staff.PostAsJsonAsync("/api/auth/login", new { name = "anna", password = "anna's long password" })).EnsureSuccessStatusCode();
        return staff;
    }

    [Fact]
    public async Task TheDayIsChartedByHourArchAndProductWithoutTheDemoMatsScans()
    {
        // A store's display (not a demo one) in Berlin: 09:05 UTC is 10:05 in the store.
        await using var server = StoreDisplay("Europe/Berlin");
        var store = server.Get<IScanStore>();
        var scans = new[]
        {
            TestScans.Result("a-1", "low", Morning), TestScans.Result("a-2", "low", Morning.AddMinutes(20)),
            TestScans.Result("a-3", "normal", Morning.AddMinutes(40)), TestScans.Result("b-1", "high", Morning.AddHours(5)),
            TestScans.Result("late", "low", Morning.AddHours(11)), // 21:05 in the store: after the usual day, so the chart widens
        };
        foreach (var scan in scans) await store.SaveResultAsync(scan);
        await store.SaveResultAsync(TestScans.Result("demo-1", "high", Morning) with { Demo = true, DeviceId = "5eed00000001" });
        await store.SaveResultAsync(TestScans.Result("yesterday", "high", Morning.AddDays(-1)));
        var staff = await SignedInAsync(server);

        string page = await staff.GetStringAsync("/staff?date=2026-11-20&arch=low"); // the list's filter does not narrow the day's summary

        var hours = Bars(page, "hours");
        Assert.Equal(Enumerable.Range(8, 14).Select(h => $"{h:00}"), hours.Select(b => b.Label)); // 08 to 21
        Assert.Equal(3, hours.Single(b => b.Label == "10").Count); // the demo scan at 10:05 left out
        Assert.Equal(1, hours.Single(b => b.Label == "15").Count);
        Assert.Equal(1, hours.Single(b => b.Label == "21").Count);
        Assert.Equal(5, hours.Sum(b => b.Count));
        Assert.Contains("10:00–11:00: 3 scans", System.Net.WebUtility.HtmlDecode(page)); // what a pointer on the bar shows

        Assert.Equal([("Flat / low arch", 6), ("Normal arch", 2), ("High arch", 2)], Bars(page, "arches"));

        // Each product as often as the advice for these scans recommends it (today's catalog, everyday activity).
        var recommender = server.Get<Recommender>();
        var catalog = await server.Get<ICatalogStore>().ListProductsAsync(false);
        var expected = scans.SelectMany(s => recommender.Advise(FootProfile.From(s.Report), catalog, ShopperAnswers.None).Products)
            .GroupBy(r => r.Product.Name).Select(g => (g.Key, g.Count())).OrderByDescending(p => p.Item2).ThenBy(p => p.Key).Take(DaySummary.TopProducts).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Bars(page, "products"));

        // Each scan is advised once and kept: a scan arriving later is counted, a catalog change advises afresh.
        await store.SaveResultAsync(TestScans.Result("b-2", "high", Morning.AddHours(5).AddMinutes(30)));
        var top = catalog.Single(p => p.Name == expected[0].Key);
        await server.Get<ICatalogStore>().SetRetiredAsync(top.Id, true);
        string later = await staff.GetStringAsync("/staff?date=2026-11-20");
        Assert.Equal(2, Bars(later, "hours").Single(b => b.Label == "15").Count);
        Assert.Equal(("High arch", 4), Bars(later, "arches")[^1]);
        Assert.DoesNotContain(Bars(later, "products"), b => b.Label == top.Name);
    }

    [Fact]
    public async Task ADayWithoutScansShowsEmptyCharts()
    {
        await using var server = StoreDisplay("UTC");
        var staff = await SignedInAsync(server);
        string page = await staff.GetStringAsync("/staff?date=2026-11-21");
        Assert.All(Bars(page, "hours"), b => Assert.Equal(0, b.Count));
        Assert.Empty(Bars(page, "arches"));
        Assert.Contains("None yet.", page);
    }
}
