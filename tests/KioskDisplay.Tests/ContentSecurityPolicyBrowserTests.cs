using Microsoft.Playwright;

namespace Kiosk.Display.Tests;

/// <summary>The pages work under their Content-Security-Policy in real Chromium: nothing is refused, the heatmaps draw.</summary>
[Collection("browser")]
public sealed class ContentSecurityPolicyBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task ShopperStaffAndTechnicianPagesRunWithNothingRefusedByThePolicy()
    {
        await browser.Server.Get<IScanStore>().SaveResultAsync(TestScans.Result("csp-check-1", "normal"));
        var refused = new List<string>();
        void Watch(IPage page) => page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) refused.Add($"{page.Url}: {message.Text}");
        };

        var shopper = await browser.PageAsync();
        Watch(shopper);
        await shopper.GotoAsync("/");
        await shopper.WaitForSelectorAsync("#live:not([hidden])");
        var staff = await browser.SignedInPageAsync("staff");
        Watch(staff);
        foreach (string path in new[] { "/staff/scan/csp-check-1", "/staff/report/csp-check-1" })
        {
            await staff.GotoAsync(path);
            // The stored heatmap is drawn by the page's script file, which an inline script would not be.
            await staff.WaitForFunctionAsync("() => [...document.querySelectorAll('canvas')].some(c => c.width > 0)");
        }
        var tech = await browser.SignedInPageAsync("tech");
        Watch(tech);
        await tech.GotoAsync("/tech");

        Assert.Empty(refused);
        foreach (var page in new[] { shopper, staff, tech })
        {
            await page.Context.CloseAsync();
        }
    }
}
