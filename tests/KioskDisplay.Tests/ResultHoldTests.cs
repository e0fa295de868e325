using Microsoft.Playwright;

namespace Kiosk.Display.Tests;

/// <summary>
/// After the shopper steps off, their result stays on the screen long enough to scan the take-home code (the first
/// view, held still), and goes at once when the next shopper steps on: through the whole chain, with the virtual mat.
/// </summary>
[Collection("browser")]
public sealed class ResultHoldTests(BrowserFixture browser) : IAsyncLifetime
{
    // Longer than the fast virtual mat's 0.5 s: a loaded machine can hold up the live frames for half a second.
    private const double EmptyResetSeconds = 1.5;

    // Flat-footed shoppers at twice real time with 12 s of empty mat between them, each result held 30 s.
    private readonly KioskServer server = KioskServer.WithFastVirtualMat(
        ("Kiosk:EmptyResetSeconds", EmptyResetSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Kiosk:ResultHoldSeconds", "30"),
        ("VirtualMat:PauseSeconds", "24"));

    private Uri address = null!;

    public Task InitializeAsync()
    {
        address = server.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task TheResultStaysForThePhoneAfterTheShopperStepsOffAndGoesWhenTheNextStepsOn()
    {
        var page = await browser.PageAsync(baseAddress: address, timeoutMs: 30_000);
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("#result:not([hidden])");
        // Every screen the page shows from here on.
        await page.EvaluateAsync("""
            () => {
              window.screensShown = [];
              const kiosk = document.getElementById("kiosk");
              new MutationObserver(() => window.screensShown.push(kiosk.dataset.screen)).observe(kiosk, { attributeFilter: ["data-screen"] });
            }
            """);

        // Stepped off: held, on the view with the code, with the time left in the footer's bar.
        await page.WaitForSelectorAsync("#kiosk[data-held]");
        await page.WaitForTimeoutAsync((float)(3 * EmptyResetSeconds * 1000)); // the page used to reset after EmptyResetSeconds
        Assert.True(await page.IsVisibleAsync("#result"), "the result went before the shopper could scan its code");
        Assert.True(await page.IsVisibleAsync("#view-essentials #take-home #qr svg"), "the take-home code is not on the screen");
        Assert.NotNull(await page.GetAttributeAsync("#kiosk", "data-held"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(ShopperResultLayoutTests.ScreenshotFolder, "result-held-1080x1920.png") });

        // The next shopper: their live screen straight away, not after the hold and not through the idle screen.
        await page.WaitForSelectorAsync("#live:not([hidden])");
        string[] shown = await page.EvaluateAsync<string[]>("() => window.screensShown.filter((s, i, all) => s !== all[i - 1])");
        Assert.True(shown is ["live"], $"after the result the page showed {string.Join(", ", shown)}; expected the next shopper's live screen only");
        Assert.Null(await page.GetAttributeAsync("#kiosk", "data-held"));
        await page.Context.CloseAsync();
    }
}
