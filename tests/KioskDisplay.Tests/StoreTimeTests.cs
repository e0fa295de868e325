namespace Kiosk.Display.Tests;

/// <summary>The staff's day is the store's day: a scan just after local midnight belongs to the new day, wherever UTC is.</summary>
public class StoreTimeTests
{
    [Fact]
    public async Task ScansOfADayAreTheStoresDayAndShownInStoreTime()
    {
        // New Zealand in November is UTC+13: 12:30 UTC on the 25th is 01:30 on the 26th in the store.
        await using var server = new KioskServer(settings: new() { ["Kiosk:TimeZone"] = "Pacific/Auckland" });
        var at = new DateTimeOffset(2026, 11, 25, 12, 30, 0, TimeSpan.Zero);
        await server.Get<IScanStore>().SaveResultAsync(TestScans.Result("after-local-midnight", at: at));
        await server.Get<IScanStore>().SaveResultAsync(TestScans.Result("late-local-evening", at: at.AddHours(-2)));
        var staff = await server.SignedInAsync("staff");

        string day26 = await staff.GetStringAsync("/staff?date=2026-11-26");
        string day25 = await staff.GetStringAsync("/staff?date=2026-11-25");

        Assert.Contains("after-local-midnight", day26);
        Assert.Contains("01:30:00", day26);
        Assert.Contains("Pacific/Auckland", day26);
        Assert.DoesNotContain("late-local-evening", day26);
        Assert.Contains("late-local-evening", day25);
        Assert.Contains("23:30:00", day25);
        var api = await staff.GetFromJsonAsync<List<System.Text.Json.Nodes.JsonObject>>("/api/staff/scans?date=2026-11-26");
        Assert.Single(api!);
    }

    [Fact]
    public void DayStartsAtLocalMidnightAcrossAClockChange()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var filter = new ScanFilter(new DateOnly(2026, 10, 25), Zone: berlin); // the day summer time ends: 25 hours long
        Assert.Equal(new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero), filter.Start(filter.Day).ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(25), filter.Start(filter.Day.AddDays(1)) - filter.Start(filter.Day));
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero), new ScanFilter(new DateOnly(2026, 11, 25)).Start(new DateOnly(2026, 11, 25)));
    }

    [Fact]
    public async Task UnknownTimeZoneIsRefusedAtStartUpWithAClearMessage()
    {
        await using var server = new KioskServer(settings: new() { ["Kiosk:TimeZone"] = "Mars/Olympus_Mons" });
        var error = Assert.ThrowsAny<Exception>(() => server.Client());
        Assert.Contains("Kiosk:TimeZone must be a time zone id", error.ToString());
    }
}
