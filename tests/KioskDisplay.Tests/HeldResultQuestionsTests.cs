namespace Kiosk.Display.Tests;

/// <summary>
/// A shopper answers the questions on the result's second view, often after stepping off the mat: the result is held
/// (as in a store, <c>Kiosk:ResultHoldSeconds</c>) on the view they tapped to, so the answers change the advice however
/// long the taps take. On the shared fast server (no hold) this raced the empty-mat reset on a loaded machine.
/// </summary>
[Collection("browser")]
public sealed class HeldResultQuestionsTests(BrowserFixture browser)
{
    [Fact]
    public async Task ShopperChoosesRunningAndKneePainAndIsAdvisedCalmly()
    {
        // Held a minute; the next shopper steps on 20 s after this one stepped off (40 s at twice real time), which is
        // the time the taps have. The page may open after the first shopper: the second comes within the page's wait.
        await using var server = KioskServer.WithFastVirtualMat(("Kiosk:ResultHoldSeconds", "60"), ("VirtualMat:PauseSeconds", "40"));
        var page = await browser.PageAsync(1920, 1080, server.StartKestrel(), timeoutMs: 45_000);
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("#result:not([hidden])");
        await page.ClickAsync("#next-view"); // the questions are on the second view
        // The shopper steps off (the fast mat's shopper does within seconds): the held result keeps the view they
        // tapped to, rather than jumping back to the take-home code under their finger.
        await page.WaitForSelectorAsync("#kiosk[data-held]");
        Assert.Equal("questions", await page.GetAttributeAsync("#result", "data-view"));
        await page.ClickAsync("#activities button[data-activity=running]");
        await page.WaitForFunctionAsync("() => document.querySelector('#view-essentials .products-card').textContent.includes('For running')");
        await page.ClickAsync("#signs [data-sign=knee-hip-pain] button[data-answer=true]");
        await page.WaitForFunctionAsync("() => !document.getElementById('referral').hidden && document.getElementById('referral').textContent.includes('podiatrist')");
        await page.Context.CloseAsync();
    }
}
