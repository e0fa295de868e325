namespace Kiosk.Display.Tests;

/// <summary>The shopper's "ask a member of staff" button: a call on the staff pages until someone takes it.</summary>
[Collection("browser")]
public sealed class StaffCallTests(BrowserFixture browser)
{
    [Fact]
    public async Task TheShoppersCallAppearsOnTheStaffPageWithTheirScanUntilSomeoneTakesIt()
    {
        var staff = await browser.SignedInPageAsync("staff");
        await staff.GotoAsync("/staff/catalog");
        Assert.True(await staff.IsHiddenAsync("#staff-calls"));

        var shopper = await browser.PageAsync(1280, 800);
        await shopper.GotoAsync("/");
        // The virtual mat's shoppers stay a few seconds: on a loaded machine one may step off before the call
        // arrives (the page then says to wave to staff); the next one calls again.
        for (int attempt = 1; ; attempt++)
        {
            await shopper.WaitForSelectorAsync("#idle:not([hidden])");
            await shopper.WaitForSelectorAsync("#result:not([hidden])");
            await shopper.ClickAsync("#ask-staff");
            await shopper.WaitForSelectorAsync("#ask-staff[data-answer]");
            string answer = await shopper.InnerTextAsync("#ask-staff");
            if (answer.Contains("on the way")) break;
            Assert.True(attempt < 3, $"three shoppers asked and none was answered: {answer}");
        }

        // Within the page's 5 s refresh, on whatever staff page is open.
        var call = staff.Locator("#staff-calls .call");
        await call.WaitForAsync();
        Assert.Contains("asks for help", await call.InnerTextAsync());
        string scanUrl = (await call.Locator("a").GetAttributeAsync("href"))!;
        Assert.StartsWith("/staff/scan/", scanUrl);
        await call.Locator("button").ClickAsync();
        await staff.WaitForSelectorAsync("#staff-calls", new() { State = Microsoft.Playwright.WaitForSelectorState.Hidden });
        Assert.Equal(200, (await staff.GotoAsync(scanUrl))!.Status);
        await staff.Context.CloseAsync();
        await shopper.Context.CloseAsync();
    }

    [Fact]
    public async Task OnlyTheShopperOnTheMatCanCallAndOnlyStaffSeeTheCalls()
    {
        using var client = new HttpClient { BaseAddress = browser.BaseAddress };
        var refused = await client.PostAsJsonAsync("/api/shopper/ask-staff", new { resultId = "5eed00000001-1", sessionId = "nobody" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var calls = await client.GetAsync("/api/staff/calls");
        Assert.NotEqual(HttpStatusCode.OK, calls.StatusCode);
    }

    [Fact]
    public void ACallIsOnePerResultAndCloseAfterAQuarterOfAnHour()
    {
        var clock = new ManualClock();
        var calls = new StaffCalls(clock);
        var first = calls.Call("mat-a", "r1");
        Assert.Same(first, calls.Call("mat-a", "r1"));
        calls.Call("mat-b", "r2");
        Assert.Equal(["r1", "r2"], calls.Open().Select(c => c.ResultId));
        Assert.True(calls.Answer(first.Id));
        Assert.False(calls.Answer(first.Id));
        clock.Now += StaffCalls.Expiry + TimeSpan.FromSeconds(1);
        Assert.Empty(calls.Open());
        for (int i = 0; i < StaffCalls.MaxOpen + 5; i++) calls.Call("mat", $"many-{i}");
        Assert.Equal(StaffCalls.MaxOpen, calls.Open().Count);
        Assert.Equal("many-5", calls.Open()[0].ResultId);
    }

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2025, 6, 2, 10, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
