using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Kiosk.Display.Tests;

/// <summary>
/// What the shopper sees for the scans that need honest words: one foot on the mat, a child, one flat and one high
/// foot, a foot between two arch types. Each result is a real one: the virtual mat plays the shopper through the
/// firmware's loop and the protocol to a display, whose event stream gives the page's JSON; the page is then held on
/// that result with its clock stopped (as <see cref="CrowdedResultLayoutTests"/> does) to be read, fitted and photographed in
/// /tmp/kiosk-screenshots (result-advice-NAME-WxH-VIEW.png).
/// </summary>
[Collection("browser")]
public sealed class ShopperAdviceBrowserTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly (int Width, int Height)[] Screens = [(1080, 1920), (1920, 1080)];

    /// <summary>One result of each kind, read once for all the tests here from a display with its own virtual mat (a
    /// failure is read once too, so each test fails at once rather than waiting again).</summary>
    private static readonly Lazy<Task<Dictionary<string, string>>> Results = new(async () =>
    {
        // The fast virtual mat playing these three shoppers, at four times real time.
        await using var server = KioskServer.WithFastVirtualMat(("VirtualMat:Scenarios:0", "one-foot"),
            ("VirtualMat:Scenarios:1", "child"), ("VirtualMat:Scenarios:2", "flat-left-high-right"),
            ("VirtualMat:Speed", "4"), ("VirtualMat:PauseSeconds", "0.5"), ("Kiosk:EmptyResetSeconds", "0.3"));
        return await ResultsAsync(server.StartKestrel());
    });

    private static string? Kind(JsonNode r)
    {
        if (r["notAdultSized"]!.GetValue<bool>()) return "child";
        if (r["oneFootOnly"]!.GetValue<bool>()) return "one-foot";
        string? left = r["left"]?["archType"]?.GetValue<string>(), right = r["right"]?["archType"]?.GetValue<string>();
        if (left == "low" && right == "high") return "mixed";
        return null;
    }

    /// <summary>
    /// A foot near the line between normal and flat, as the display words it: no scripted shopper reads reliably
    /// inside the borderline band (their arches sit well inside their classes), so the analysis's report is given the
    /// band's answer and the display's own view of it (the JSON its event stream sends) is what the page holds.
    /// </summary>
    private static string Borderline()
    {
        var scan = TestScans.Result("borderline-1", "normal");
        var report = scan.Report;
        scan = scan with
        {
            Report = report with
            {
                Right = report.Right! with { ArchIndex = 0.252, ArchBorderlineWith = "low" },
                RearfootPct = 55,
                MidfootPct = 9,
                ForefootPct = 36,
            },
        };
        var advice = new Recommender(RecommendationRules.Load(RecommendationRules.DefaultPath))
            .Advise(FootProfile.From(scan.Report), RecommendationRuleTests.Catalog, ShopperAnswers.None);
        return JsonSerializer.Serialize(ShopperView.Result(scan, "session-borderline", advice, ShopperAnswers.None),
            new JsonSerializerOptions(JsonSerializerDefaults.Web));
    }

    private static async Task<Dictionary<string, string>> ResultsAsync(Uri server)
    {
        // The client's timeout ends waiting for the headers only: the stream itself is read under its own deadline,
        // so a shopper who never comes fails the test instead of holding the run.
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        using var client = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(120) };
        using var response = await client.GetAsync("/api/shopper/events", HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(deadline.Token));
        var found = new Dictionary<string, string>();
        var seen = new List<string>();
        bool isResult = false;
        while (found.Count < 3 && !deadline.IsCancellationRequested && await ReadLineAsync(reader, deadline.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) isResult = line == "event: result";
            else if (isResult && line.StartsWith("data: ", StringComparison.Ordinal))
            {
                string json = line["data: ".Length..];
                var result = JsonNode.Parse(json)!;
                if (Kind(result) is { } kind) found.TryAdd(kind, json);
                else seen.Add($"{result["left"]?["archType"]}/{result["left"]?["archBorderlineWith"]} {result["right"]?["archType"]}/{result["right"]?["archBorderlineWith"]}");
            }
        }
        Assert.True(found.Count == 3, $"only these shoppers came within the deadline: {string.Join(", ", found.Keys)}; other results (left/near right/near): {string.Join("; ", seen)}");
        return found;
    }

    private static async Task<string?> ReadLineAsync(StreamReader reader, CancellationToken ct)
    {
        try
        {
            return await reader.ReadLineAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>The page holding this result at each screen size: every view fits, and <paramref name="check"/> reads it.</summary>
    private async Task ShowAsync(string kind, Func<IPage, Task> check)
    {
        foreach (var (width, height) in Screens)
        {
            var page = await browser.PageAsync(width, height);
            await ShopperStream.HoldAsync(page, kind == "borderline" ? Borderline() : (await Results.Value)[kind]);
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
            // the scripted feet are 260 mm long; the size is the rule's for the longer foot as the mat measured it
            var result = JsonNode.Parse((await Results.Value)["mixed"])!;
            double longer = Math.Max(result["left"]!["lengthMm"]!.GetValue<double>(), result["right"]!["lengthMm"]!.GetValue<double>());
            Assert.InRange(longer, 250, 270);
            var size = ShoeSize.FromFootLength(longer)!;
            Assert.Contains(FormattableString.Invariant($"Your size: EU {size.Eu:0.#} · UK {size.Uk:0.#} · US {size.UsMen:0.#} men's / {size.UsWomen:0.#} women's."),
                await TextAsync(page, "#shoe-size"));
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
            Assert.Contains("Length 26.2 cm · width 9.6 cm", await TextAsync(page, "#feet"));
            Assert.Equal(3, await page.Locator("#weight .hf .split-bar > div[data-share]").CountAsync()); // heels, midfeet, fronts
        });
    }
}
