using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Kiosk.Display.Tests;

/// <summary>
/// What the shopper sees for the scans that need honest words: one foot on the mat, a child, one flat and one high
/// foot, a foot between two arch types. Each result is a real one: the virtual mat plays the shopper through the
/// firmware's loop and the protocol to a display, whose event stream gives the page's JSON; the page is then held on
/// that result with its clock stopped (as <see cref="CrowdedResultLayoutTests"/> does) to be read, fitted and photographed in
/// /tmp/kiosk-screenshots (result-advice-NAME-WxH-VIEW.png).
/// </summary>
[Collection("browser")]
public sealed class ShopperAdviceBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly (int Width, int Height)[] Screens = [(1080, 1920), (1920, 1080)];

    private static readonly Dictionary<string, string?> Shoppers = new()
    {
        ["VirtualMat:Enabled"] = "true",
        ["VirtualMat:Scenarios:0"] = "one-foot",
        ["VirtualMat:Scenarios:1"] = "child",
        ["VirtualMat:Scenarios:2"] = "flat-left-high-right",
        ["VirtualMat:Scenarios:3"] = "normal-arches-still", // its right foot reads normal, near the line to flat
        ["VirtualMat:Speed"] = "4",
        ["VirtualMat:PauseSeconds"] = "0.5",
        ["Kiosk:EmptyResetSeconds"] = "0.3",
        ["Kiosk:HoldStillSeconds"] = "1",
    };

    private static Dictionary<string, string>? results;
    private static readonly SemaphoreSlim Once = new(1);

    /// <summary>One result of each kind, read once for all the tests here from a display with its own virtual mat.</summary>
    public async Task InitializeAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (results is not null) return;
            await using var server = new KioskServer(kestrel: true, settings: Shoppers);
            results = await ResultsAsync(server.StartKestrel());
        }
        finally
        {
            Once.Release();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string? Kind(JsonNode r)
    {
        if (r["notAdultSized"]!.GetValue<bool>()) return "child";
        if (r["oneFootOnly"]!.GetValue<bool>()) return "one-foot";
        string? left = r["left"]?["archType"]?.GetValue<string>(), right = r["right"]?["archType"]?.GetValue<string>();
        if (left == "low" && right == "high") return "mixed";
        bool near = r["left"]?["archBorderlineWith"] is not null || r["right"]?["archBorderlineWith"] is not null;
        return near && left == "normal" && right == "normal" ? "borderline" : null;
    }

    private static async Task<Dictionary<string, string>> ResultsAsync(Uri server)
    {
        using var client = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(120) };
        using var response = await client.GetAsync("/api/shopper/events", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var found = new Dictionary<string, string>();
        bool isResult = false;
        while (found.Count < 4 && await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) isResult = line == "event: result";
            else if (isResult && line.StartsWith("data: ", StringComparison.Ordinal))
            {
                string json = line["data: ".Length..];
                if (Kind(JsonNode.Parse(json)!) is { } kind) found.TryAdd(kind, json);
            }
        }
        Assert.True(found.Count == 4, $"only these shoppers came: {string.Join(", ", found.Keys)}");
        return found;
    }

    /// <summary>The page holding this result at each screen size: every view fits, and <paramref name="check"/> reads it.</summary>
    private async Task ShowAsync(string kind, Func<IPage, Task> check)
    {
        foreach (var (width, height) in Screens)
        {
            var page = await browser.PageAsync(width, height);
            await ShopperStream.HoldAsync(page, results![kind]);
            await check(page);
            await ShopperResultLayoutTests.AssertEveryViewFitsAsync(page, width, height, "advice-" + kind, output);
            await page.Context.CloseAsync();
        }
    }

    private static async Task<string> TextAsync(IPage page, string selector) => await page.TextContentAsync(selector) ?? "";

    [Fact]
    public async Task OneFootOnTheMatAsksForBothFeetAndShowsNoSplit()
    {
        await ShowAsync("one-foot", async page =>
        {
            Assert.Contains("stand with one foot on each outline for a new scan", await TextAsync(page, "#notices"));
            Assert.Contains("Stand with both feet to see how you share your weight.", await TextAsync(page, "#weight"));
            Assert.Equal(0, await page.Locator("#weight .split").CountAsync()); // no 100/0 bar
            Assert.Empty(await TextAsync(page, "#balance"));
            Assert.DoesNotContain("more weight on one foot", await TextAsync(page, "#result"));
            Assert.True(await page.IsHiddenAsync("#referral"));
            Assert.Contains("Not on the mat", await TextAsync(page, "#feet .foot[data-side=right]"));
            Assert.Contains("could not tell your arch type", await TextAsync(page, "#common-reasons"));
        });
    }

    [Fact]
    public async Task AChildSizedScanSaysTheAnalysisIsForAdultsAndAsksForStaff()
    {
        await ShowAsync("child", async page =>
        {
            Assert.Contains("This analysis is made for adult feet. A member of staff will be glad to measure children's feet", await TextAsync(page, "#notices"));
            Assert.Equal(2, await page.Locator(".arch[data-label='arch.not-adult']").CountAsync());
            Assert.Contains("Our suggestions are for adult feet: please ask a member of staff.", await TextAsync(page, "#products-note"));
            Assert.Equal(0, await page.Locator(".product").CountAsync());
            Assert.True(await page.IsHiddenAsync("#shoe-size"));
        });
    }

    [Fact]
    public async Task OneFlatAndOneHighFootGetTheNeutralChoiceAndAReferralNotOpposingProducts()
    {
        await ShowAsync("mixed", async page =>
        {
            Assert.Equal(["Flat / low arch", "High arch"], await page.Locator(".arch").AllTextContentsAsync());
            Assert.Contains("One of your feet measured a low (flat) arch and the other did not", await TextAsync(page, "#referral"));
            Assert.Contains("Your two feet measured differently", await TextAsync(page, "#common-reasons"));
            var rules = await page.Locator(".product").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.rules)");
            Assert.NotEmpty(rules);
            Assert.All(rules, r =>
            {
                Assert.Contains("feet-differ-neutral", r);
                Assert.DoesNotContain("low-arch", r);
                Assert.DoesNotContain("high-arch", r);
            });
            Assert.Contains("Your size: EU 41 · UK 7 · US 8 men's / 9.5 women's.", await TextAsync(page, "#shoe-size")); // 257 mm feet
        });
    }

    [Fact]
    public async Task AFootNearTheLineReadsBetweenNormalAndFlatWithAdviceForBoth()
    {
        await ShowAsync("borderline", async page =>
        {
            Assert.Contains("Between normal and flat", await TextAsync(page, "#feet"));
            Assert.Contains("close to the line between two types", await TextAsync(page, "#notices"));
            Assert.Contains("between normal and low. Medium support suits both", await TextAsync(page, "#common-reasons"));
            Assert.Contains("Length 25.7 cm · width 9.3 cm", await TextAsync(page, "#feet"));
            Assert.Equal(3, await page.Locator("#weight .hf .split-bar > div[data-share]").CountAsync()); // heels, midfeet, fronts
        });
    }
}
