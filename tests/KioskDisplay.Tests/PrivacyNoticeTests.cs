namespace Kiosk.Display.Tests;

/// <summary>The shopper is told, before stepping on, what the store keeps of a scan and for how long: the truth.</summary>
[Collection("browser")]
public sealed class PrivacyNoticeTests(BrowserFixture browser)
{
    [Fact]
    public async Task TheIdleScreenSaysWhatIsKeptAndForHowManyDays()
    {
        int days = await browser.Server.Get<ScanExpiryJob>().RetentionDaysAsync();
        var page = await browser.PageAsync();
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("#idle:not([hidden])");

        string notice = await page.InnerTextAsync("#privacy");

        Assert.Contains($"{days} days", notice);
        foreach (string kept in new[] { "pressure map", "weight", "foot size", "time", "answers", "deletes" })
        {
            Assert.Contains(kept, notice);
        }
        Assert.DoesNotContain("Nothing personal", await page.ContentAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheNoticeFollowsTheStaffsRetentionSetting()
    {
        await using var server = new KioskServer();
        await server.Get<ISettingsStore>().SetSettingAsync(ScanExpiryJob.RetentionSetting, "14");
        var locale = await server.Client().GetFromJsonAsync<JsonElement>("/api/shopper/locale");
        Assert.Equal(14, locale.GetProperty("retentionDays").GetInt32());
    }
}
