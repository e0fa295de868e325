using Microsoft.Playwright;

namespace Kiosk.Display.Tests;

/// <summary>
/// The technician's mat page: figures a mat never reported say so, unpairing asks first, and a command to the mat shows
/// the mat's answer.
/// </summary>
[Collection("browser")]
public sealed class TechnicianPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task AMatThatNeverSentAStatusShowsNotReportedAndUnpairingAsksFirst()
    {
        const string mat = "0abc00000042"; // paired before it ever connects: its row holds zeros
        var tech = await browser.SignedInPageAsync("tech");
        var paired = await tech.Context.APIRequest.PostAsync($"/api/tech/devices/{mat}/commands", new()
        {
            DataObject = new { command = "pair", argument = "9f86d081884c7d659a2feaa0c55ad015" },
            Headers = new Dictionary<string, string> { ["Origin"] = browser.BaseAddress.GetLeftPart(UriPartial.Authority) },
        });
        Assert.True(paired.Ok, $"pairing answered {paired.Status}");
        await tech.GotoAsync($"/tech/device/{mat}");
        await tech.WaitForSelectorAsync("text=Paired: the display takes");

        string figures = await tech.InnerTextAsync("table.figures");
        Assert.DoesNotContain("0 dBm", figures);
        Assert.DoesNotContain("0 frames/s", figures);
        Assert.DoesNotContain("0.00:00:00", figures);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(figures, "not reported").Count);

        // Dismissed: nothing happens. Accepted: unpaired.
        string? asked = null;
        void Dismiss(object? _, IDialog dialog) { asked = dialog.Message; dialog.DismissAsync(); }
        tech.Dialog += Dismiss;
        await tech.ClickAsync("button[value=unpair]");
        Assert.Contains($"Unpair mat {mat}?", asked);
        Assert.True(await tech.IsVisibleAsync("button[value=unpair]"));
        tech.Dialog -= Dismiss;
        tech.Dialog += (_, dialog) => dialog.AcceptAsync();
        await tech.ClickAsync("button[value=unpair]");
        await tech.WaitForSelectorAsync("text=Not paired");
        await tech.Context.CloseAsync();
    }

    [Fact]
    public async Task AZeroOnTheVirtualMatShowsTheMatsAnswerNotJustSent()
    {
        var tech = await browser.SignedInPageAsync("tech");
        await tech.GotoAsync("/tech/device/5eed00000001");
        await tech.ClickAsync("button[value=zero]");
        await tech.WaitForSelectorAsync("text=zero: sent, waiting for the mat's answer.");
        // The mat answers within a frame or two (done when empty, busy with a shopper on it); the list shows it.
        string state = "";
        for (int attempt = 0; attempt < 50 && (state == "" || state.StartsWith("sent", StringComparison.Ordinal)); attempt++)
        {
            await tech.WaitForTimeoutAsync(200);
            await tech.GotoAsync("/tech/device/5eed00000001");
            state = await tech.InnerTextAsync(".commands-list tr:nth-child(2) td.state");
        }
        Assert.Matches("^(done|not done: the mat)", state);
        Assert.Contains(state, await tech.InnerTextAsync(".commands-list"));
        await tech.GotoAsync("/tech");
        Assert.Contains(state, await tech.InnerTextAsync(".commands-list"));
        await tech.ScreenshotAsync(new() { Path = Path.Combine(ShopperResultLayoutTests.ScreenshotFolder, "tech-overview.png"), FullPage = true });
        await tech.Context.CloseAsync();
    }

    [Fact]
    public async Task TheVirtualMatsMeasuredFiguresStillShow()
    {
        var tech = await browser.SignedInPageAsync("tech");
        await tech.GotoAsync("/tech");
        await tech.WaitForSelectorAsync("table.list");
        string row = await tech.InnerTextAsync("table.list tr:has-text('5eed00000001')");
        Assert.Matches(@"\d+(\.\d)? /s", row);
        await tech.Context.CloseAsync();
    }
}
