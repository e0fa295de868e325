using Microsoft.Playwright;

namespace Kiosk.Display.Tests;

/// <summary>
/// One real server (Kestrel on a free loopback port, its virtual mat playing flat-footed shoppers through the real
/// protocol) and one headless Debian
/// Chromium, shared by the browser tests. Needs <c>apt-get install -y chromium</c>; never downloads a browser.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public KioskServer Server { get; } = KioskServer.WithFastVirtualMat();
    public Uri BaseAddress { get; private set; } = null!;
    private IPlaywright playwright = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"the browser tests need Debian's Chromium at {ChromiumPath}: apt-get install -y chromium");
        }
        BaseAddress = Server.StartKestrel();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>
    /// A page of its own (a new context) at <paramref name="baseAddress"/>, the shared server by default; a test that
    /// waits for a shopper on a server of its own may give its waits longer. Closing the page's context closes both.
    /// </summary>
    public async Task<IPage> PageAsync(int width = 1080, int height = 1920, Uri? baseAddress = null, int timeoutMs = 20_000)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (baseAddress ?? BaseAddress).ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(timeoutMs);
        return await context.NewPageAsync();
    }

    public async Task<IPage> SignedInPageAsync(string name, Uri? baseAddress = null)
    {
        var page = await PageAsync(1280, 900, baseAddress);
        await page.GotoAsync("/login");
        await page.FillAsync("input[name=name]", name);
        await page.FillAsync("input[name=password]", name);
        await page.ClickAsync("form button");
        // Signed in once the staff layout's sign-out button shows. A locator waits for the element itself: waiting for
        // a load event ("load", then "DOMContentLoaded") timed out on a loaded 2-core machine after the page had come.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync();
        return page;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;

[Collection("browser")]
public sealed class BrowserTests(BrowserFixture browser)
{
    /// <summary>Waits for a whole new shopper: the live heatmap, then the result screen.</summary>
    private static async Task NextShopperAsync(IPage page)
    {
        await page.WaitForSelectorAsync("#idle:not([hidden])"); // not one who is already half-way through
        await page.WaitForSelectorAsync("#live:not([hidden])");
        await page.WaitForFunctionAsync("() => Number(document.getElementById('heatmap').dataset.frames || 0) >= 5");
        await page.WaitForSelectorAsync("#result:not([hidden])");
    }

    [Fact]
    public async Task FlatFootedShopperSeesTheLiveHeatmapThenLowArchAndAnArchSupportProduct()
    {
        var page = await browser.PageAsync();
        await page.GotoAsync("/");
        await NextShopperAsync(page);

        var arches = await page.Locator(".arch").AllInnerTextsAsync();
        Assert.Equal(2, arches.Count);
        Assert.All(arches, a => Assert.Contains("Flat / low arch", a));
        Assert.Contains("Your footprints show a low arch", await page.TextContentAsync(".products-card"));
        Assert.Contains("not a diagnosis", await page.InnerTextAsync("#result"));
        double frames = await page.EvaluateAsync<double>("() => window.kioskStats.frames");
        Assert.True(frames >= 5, $"only {frames} live frames drawn"); // as many as NextShopperAsync waited for: how many more is speed, not behaviour
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task StaffAddsAProductAndTheNextScanRecommendsIt()
    {
        var staff = await browser.SignedInPageAsync("staff");
        await staff.GotoAsync("/staff/product");
        await staff.FillAsync("input[name=sku]", "ARCH-MAX-99");
        await staff.FillAsync("input[name=name]", "ArchMax Test Insole");
        await staff.SelectOptionAsync("select[name=category]", "insole");
        foreach (string level in new[] { "archSupport", "cushioning", "stability" }) await staff.SelectOptionAsync($"select[name={level}]", "3");
        await staff.FillAsync("input[name=sizeMin]", "35");
        await staff.FillAsync("input[name=sizeMax]", "48");
        await staff.FillAsync("input[name=stock]", "100"); // ties between products go to the one with most in stock
        await staff.FillAsync("input[name=price]", "49.90");
        await staff.ClickAsync("form.product-form button");
        // Saved: the catalog lists it (a locator that waits for the row, not for the page's load event).
        await staff.Locator("table.list tr", new() { HasText = "ArchMax Test Insole" }).WaitForAsync();

        var shopper = await browser.PageAsync();
        await shopper.GotoAsync("/");
        await NextShopperAsync(shopper);
        Assert.Contains("ArchMax Test Insole", await shopper.TextContentAsync("#result"));
        await staff.Context.CloseAsync();
        await shopper.Context.CloseAsync();
    }

    [Fact]
    public async Task ShopperPageHasNoWayToStaffPages()
    {
        var page = await browser.PageAsync();
        await page.GotoAsync("/");
        Assert.Equal(0, await page.Locator("a[href]").CountAsync());
        foreach (string path in new[] { "/staff", "/staff/catalog", "/tech" })
        {
            await page.GotoAsync(path);
            Assert.Contains("/login", page.Url);
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CsvWithABadRowIsRefusedWholeAndTheLineIsShown()
    {
        var page = await browser.SignedInPageAsync("staff");
        await page.GotoAsync("/staff/import");
        await page.FillAsync("textarea[name=text]",
            "sku,name,category,arch_support,cushioning,stability,size_min,size_max,stock,price\n" +
            "GOOD-ROW-1,Good Row,insole,2,2,2,36,46,4,20.00\n" +
            "BAD-ROW-2,Bad Row,insole,2,2,2,36,46,lots,20.00\n");
        await page.ClickAsync("main form button");
        string problems = await page.InnerTextAsync("#import-problems");
        Assert.Contains("line 3, column 9 (stock)", problems);
        Assert.Contains("Nothing was imported", problems);
        await page.GotoAsync("/staff/catalog");
        Assert.DoesNotContain("GOOD-ROW-1", await page.InnerTextAsync("table.list"));
        await page.ClickAsync("header form button"); // sign out
        await page.Locator("input[name=password]").WaitForAsync(); // the sign-in form again
        await page.GotoAsync("/staff/catalog");
        Assert.Contains("/login", page.Url);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task HeatmapDrawsSubContactNoiseAsBackgroundAndContactInColour()
    {
        var page = await browser.PageAsync(400, 400);
        await page.GotoAsync("/login");
        // Five 10 mm sensels: 15 g (1.5 kPa, below contact), three empty, 200 g (about 20 kPa); one pixel from the middle of each of three.
        int[] centres = await page.EvaluateAsync<int[]>("""
            async () => {
              const { createHeatmap } = await import("/js/heatmap.js");
              const canvas = document.createElement("canvas");
              const map = createHeatmap(canvas, { scale: 4 });
              map.draw({ rows: 1, cols: 5, pitchMm: 10, loads: [15, 0, 0, 0, 200] });
              const px = (x) => Array.from(canvas.getContext("2d").getImageData(x, 2, 1, 1).data.slice(0, 3)).reduce((a, b) => a + b, 0);
              return [px(2), px(10), px(18)];
            }
            """);
        Assert.Equal(centres[1], centres[0]); // the noisy sensel looks like the empty one
        Assert.True(centres[2] > centres[1] + 100, $"the loaded sensel is not coloured: {string.Join(", ", centres)}");
        await page.Context.CloseAsync();
    }

    /// <summary>Not a check: pictures of every screen for a person to look at, in <see cref="ShopperResultLayoutTests.ScreenshotFolder"/>.</summary>
    [Fact]
    public async Task SaveScreenshots()
    {
        string folder = ShopperResultLayoutTests.ScreenshotFolder;
        foreach (var (width, height, name) in new[] { (1080, 1920, "portrait"), (1920, 1080, "landscape") })
        {
            var page = await browser.PageAsync(width, height);
            await page.GotoAsync("/");
            await page.WaitForSelectorAsync("#live:not([hidden])");
            await page.WaitForFunctionAsync("() => Number(document.getElementById('heatmap').dataset.frames || 0) >= 12");
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"shopper-{name}-2-live.png") });
            await page.WaitForSelectorAsync("#result:not([hidden])");
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"shopper-{name}-3-result.png") });
            await page.WaitForSelectorAsync("#idle:not([hidden])"); // stepped off: the page resets itself
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"shopper-{name}-1-idle.png") });
            await page.Context.CloseAsync();
        }
        var staff = await browser.SignedInPageAsync("staff");
        await staff.GotoAsync("/staff");
        await staff.ScreenshotAsync(new() { Path = Path.Combine(folder, "staff-day.png"), FullPage = true });
        await staff.ClickAsync("table.list a >> nth=0");
        await staff.WaitForSelectorAsync("canvas[data-grid]");
        await staff.ScreenshotAsync(new() { Path = Path.Combine(folder, "staff-scan.png"), FullPage = true });
        await staff.ClickAsync("text=Printable report");
        await staff.WaitForSelectorAsync("canvas[data-grid]");
        await staff.EmulateMediaAsync(new() { Media = Media.Print });
        await staff.ScreenshotAsync(new() { Path = Path.Combine(folder, "staff-report-print.png"), FullPage = true });
        byte[] pdf = await staff.PdfAsync(new() { Path = Path.Combine(folder, "staff-report.pdf"), Format = "A4", PrintBackground = true });
        int pages = System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count;
        Assert.Equal(1, pages); // the report is one printed page
        await staff.EmulateMediaAsync(new() { Media = Media.Screen });
        await staff.GotoAsync("/staff/catalog");
        await staff.ScreenshotAsync(new() { Path = Path.Combine(folder, "staff-catalog.png"), FullPage = true });
        await staff.Context.CloseAsync();
        var tech = await browser.SignedInPageAsync("tech");
        await tech.GotoAsync("/tech/device/5eed00000001"); // the built-in virtual mat
        await tech.ScreenshotAsync(new() { Path = Path.Combine(folder, "tech-device.png"), FullPage = true });
        await tech.Context.CloseAsync();
    }
}
