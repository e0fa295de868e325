using System.Text.RegularExpressions;

namespace Kiosk.Display.Tests;

/// <summary>
/// The technician's lists say what happened: a command's outcome is the mat's answer, not "sent"; the log filters by
/// level and mat and pages; a mat offline or with new faulty sensels raises an alert until a technician has seen it.
/// </summary>
public sealed class TechnicianListsTests : DisplayPerTest
{
    private const long Mat = 0x240ac4000001;
    private const string MatText = "240ac4000001";

    private Task<long> WaitingAsync(string command) => server.Get<ICommandStore>().AddCommandAsync(
        new DeviceCommandRecord(MatText, command, null, "tech", DateTimeOffset.UtcNow, CommandOutcome.Awaiting));

    private async Task<string[]> StatesAsync() =>
        [.. (await server.Get<ICommandStore>().ListCommandsAsync(10, deviceId: MatText)).Select(c => c.State).Reverse()];

    [Fact]
    public async Task TheMatsAnswerBecomesTheCommandsOutcomeInTheOrderTheCommandsWent()
    {
        var sink = server.Get<IMatEventSink>();
        await WaitingAsync("zero");
        await WaitingAsync("calibrate");
        await WaitingAsync("zero");
        await WaitingAsync("zero");

        await sink.OnCommandAckAsync(new CommandAck(Mat, "calibrate-zero", "busy"), default);
        await sink.OnCommandAckAsync(new CommandAck(Mat, "calibrate-gain", "ok"), default);
        await sink.OnCommandAckAsync(new CommandAck(Mat, "calibrate-zero", "ok"), default);
        Assert.Equal(["not done: the mat was busy (zero needs an empty mat: is someone on it?)", "done", "done", CommandOutcome.Awaiting],
            await StatesAsync());

        // The link closes before the last answer: it will get none, and says so.
        await sink.OnDisconnectedAsync(Mat, "192.0.2.7:50000", default);
        Assert.Equal(CommandOutcome.Disconnected, (await StatesAsync())[^1]);

        var tech = await server.SignedInAsync("tech");
        string page = await tech.GetStringAsync("/tech");
        Assert.Contains("not done: the mat was busy (zero needs an empty mat", page);
        Assert.Contains(CommandOutcome.Disconnected, page);
        Assert.DoesNotContain(CommandOutcome.Awaiting, page);
    }

    [Fact]
    public void ACommandWithoutAnAnswerForLongSaysSo()
    {
        var sent = new DeviceCommandRecord(MatText, "zero", null, "tech", DateTimeOffset.UtcNow, CommandOutcome.Awaiting);
        Assert.Equal(CommandOutcome.Awaiting, CommandOutcome.Shown(sent, sent.RequestedAt.AddSeconds(2)));
        Assert.Equal("sent, no answer from the mat", CommandOutcome.Shown(sent, sent.RequestedAt + CommandOutcome.AnswerExpectedWithin + TimeSpan.FromSeconds(1)));
        Assert.Equal("done", CommandOutcome.Shown(sent with { State = "done" }, sent.RequestedAt.AddHours(1)));
    }

    [Fact]
    public async Task TheLogFiltersByLevelAndMatAndPages()
    {
        var log = server.Get<ILogStore>();
        for (int i = 0; i < 120; i++)
        {
            await log.AddLogAsync(i % 3 == 0 ? "warning" : "info", i % 2 == 0 ? MatText : "240ac4000002", $"entry {i}");
        }
        var tech = await server.SignedInAsync("tech");

        string page = await tech.GetStringAsync($"/tech?level=warning&mat={MatText}");
        var rows = Regex.Matches(page, @"<tr class=""level-(\w+)""><td>[^<]*</td><td>\w+</td><td>(\w+)</td><td>entry (\d+)</td>");
        Assert.Equal(20, rows.Count); // i = 0, 6, 12, ... 114
        Assert.All(rows, r => Assert.Equal(("warning", MatText), (r.Groups[1].Value, r.Groups[2].Value)));
        Assert.Equal("114", rows[0].Groups[3].Value); // newest first

        page = await tech.GetStringAsync("/tech");
        Assert.Equal(PageRequest.DefaultSize, Regex.Matches(page, @"<td>entry \d+</td>").Count);
        Assert.Contains("page 1 of 3", page);
        page = await tech.GetStringAsync("/tech?logPage=3");
        var last = Regex.Matches(page, @"<td>entry (\d+)</td>").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(Enumerable.Range(0, 20).Reverse(), last.Where(i => i < 20)); // the oldest page holds the first entries
        Assert.Contains("page 3 of 3", page);
        Assert.Contains("?logPage=2#log", page.Replace("&amp;", "&"));

        var api = await tech.GetStringAsync($"/api/tech/log?level=info&mat=240ac4000002");
        Assert.DoesNotContain("warning", api);
        Assert.DoesNotContain(MatText, api);
    }

    [Fact]
    public async Task AnOfflineMatAndNewFaultySenselsRaiseAnAlertUntilSeen()
    {
        var devices = server.Get<IDeviceStore>();
        var tech = await server.SignedInAsync("tech");
        Assert.DoesNotContain("Needs attention", await tech.GetStringAsync("/tech"));

        // Paired, then never heard from: offline.
        await devices.PairDeviceAsync(MatText, "00112233-44556677-8899aabb-ccddeeff");
        await devices.UpsertDeviceStatusAsync(new Feed.DeviceStatus(MatText, "0.2.0", 100, 20, -60, 0, null, DateTimeOffset.UtcNow.AddMinutes(-5)));
        string page = await tech.GetStringAsync("/tech");
        Assert.Contains("Needs attention", page);
        Assert.Contains($"Mat {MatText} is offline", page);

        // Online again, and its self-test finds two faulty sensels: an alert for them, and they are outlined on its page.
        var sink = server.Get<IMatEventSink>();
        await devices.UpsertDeviceStatusAsync(new Feed.DeviceStatus(MatText, "0.2.0", 100, 20, -60, 0, null, DateTimeOffset.UtcNow));
        await sink.OnSenselMapAsync(new MatSenselMap(Mat, 4, 4, [1, 6], [2, 1], DateTimeOffset.UtcNow), default);
        page = await tech.GetStringAsync("/tech");
        Assert.DoesNotContain("is offline", page);
        Assert.Contains($"Mat {MatText}: 2 new faulty sensels", page);
        Assert.Equal(2, Regex.Matches(await tech.GetStringAsync($"/tech/device/{MatText}"), @"class=""dead kind-\d new""").Count);

        // Seen: quiet, until the next self-test finds one more.
        await server.Get<Pages.Tech.MatAlerts>().MarkSeenAsync((await devices.GetDeviceAsync(MatText))!, default);
        Assert.DoesNotContain("Needs attention", await tech.GetStringAsync("/tech"));
        await sink.OnSenselMapAsync(new MatSenselMap(Mat, 4, 4, [1, 6, 9], [2, 1, 2], DateTimeOffset.UtcNow), default);
        Assert.Contains($"Mat {MatText}: 1 new faulty sensel in its self-test (1 dead", await tech.GetStringAsync("/tech"));
    }
}
