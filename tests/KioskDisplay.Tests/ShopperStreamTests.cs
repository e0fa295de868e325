namespace Kiosk.Display.Tests;

/// <summary>
/// The shopper page's live stream (/api/shopper/events) carries one mat only: the kiosk's own. Anyone who can open
/// the shopper page sees what the kiosk's screen shows, and no more: never every mat's shoppers at once.
/// </summary>
public sealed class ShopperStreamTests
{
    private static void StandOn(KioskServer server, string device) =>
        server.Get<IScanFeed>().PublishFrame(new LiveFrame(device, SyntheticFeet.Frame("normal", 1, 0, new Random(3)), DateTimeOffset.UtcNow));

    /// <summary>
    /// Opens the stream, waits for its first event (the snapshot), runs <paramref name="meanwhile"/>, and returns the
    /// events sent until <paramref name="last"/> matches one (or the guard time is up), as (name, data) pairs.
    /// </summary>
    private static async Task<List<(string Name, string Data)>> ListenAsync(HttpClient client, string path, Func<Task> meanwhile, Func<string, string, bool> last)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        var events = new List<(string, string)>();
        string name = "";
        while (await reader.ReadLineAsync(cancel.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line[7..];
                continue;
            }
            if (!line.StartsWith("data: ", StringComparison.Ordinal)) continue;
            events.Add((name, line[6..]));
            if (events.Count == 1) await meanwhile();
            if (last(name, line[6..])) break;
        }
        return events;
    }

    /// <summary>The status of a stream's answer, without reading the stream (an accepted one never ends by itself).</summary>
    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead).WaitAsync(TimeSpan.FromSeconds(30));
        return response.StatusCode;
    }

    [Fact]
    public async Task TheStreamCarriesTheKiosksOwnMatAndRefusesAnother()
    {
        await using var server = new KioskServer(settings: new() { ["Kiosk:KioskDeviceId"] = "240ac40000aa" });
        var client = server.Client();

        var events = await ListenAsync(client, "/api/shopper/events", async () =>
        {
            StandOn(server, "240ac40000bb");
            await server.Get<IScanFeed>().PublishResultAsync(TestScans.Result("240ac40000bb-1", device: "240ac40000bb"));
            StandOn(server, "240ac40000aa");
        }, (name, _) => name == "frame");

        Assert.Contains(events, e => e.Name == "frame" && e.Data.Contains("240ac40000aa"));
        Assert.DoesNotContain(events, e => e.Data.Contains("240ac40000bb"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(client, "/api/shopper/events?device=240ac40000bb"));
    }

    [Fact]
    public async Task WithoutAConfiguredMatTheStreamFollowsTheOnePairedMatAndNeverEveryMat()
    {
        await using var server = new KioskServer();
        var devices = server.Get<IDeviceStore>();
        await devices.PairDeviceAsync("240ac40000aa", "00112233-44556677-8899aabb-ccddeeff");
        var client = server.Client();
        var events = await ListenAsync(client, "/api/shopper/events", () =>
        {
            StandOn(server, "240ac40000bb");
            StandOn(server, "240ac40000aa");
            return Task.CompletedTask;
        }, (name, _) => name == "frame");
        Assert.Contains(events, e => e.Data.Contains("240ac40000aa"));
        Assert.DoesNotContain(events, e => e.Data.Contains("240ac40000bb"));

        // A second paired mat: which one is this kiosk's must be said (?device= or Kiosk:KioskDeviceId).
        await devices.PairDeviceAsync("240ac40000bb", "00112233-44556677-8899aabb-ccddeeff");
        Assert.Equal(HttpStatusCode.Conflict, await StatusAsync(client, "/api/shopper/events"));
        Assert.Contains("KioskDeviceId", await (await client.GetAsync("/api/shopper/events")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(client, "/api/shopper/events?device=240ac40000cc"));
    }
}

/// <summary>When the display cannot tell which mat is this kiosk's, the shopper page says so, and recovers once it can.</summary>
[Collection("browser")]
public sealed class ShopperStreamPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task WithTwoPairedMatsAndNoneNamedTheIdleScreenSaysWhatToSetAndRecoversWhenOneIsUnpaired()
    {
        await using var server = new KioskServer(kestrel: true);
        var address = server.StartKestrel();
        var devices = server.Get<IDeviceStore>();
        await devices.PairDeviceAsync("240ac40000aa", "00112233-44556677-8899aabb-ccddeeff");
        await devices.PairDeviceAsync("240ac40000bb", "00112233-44556677-8899aabb-ccddeeff");
        var page = await browser.PageAsync(baseAddress: address);
        await page.GotoAsync("/");

        var problem = await page.WaitForSelectorAsync("#mat-problem:not([hidden])");
        string text = await problem!.InnerTextAsync();
        Assert.Contains("which mat", text);
        Assert.Contains("Kiosk:KioskDeviceId", text);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ShopperResultLayoutTests.ScreenshotFolder, "idle-mat-problem.png") });

        // The page asks again: with one paired mat left it streams that mat, and the notice goes.
        await devices.UnpairDeviceAsync("240ac40000bb");
        await page.WaitForSelectorAsync("#mat-problem[hidden]", new() { State = Microsoft.Playwright.WaitForSelectorState.Attached, Timeout = 30_000 });
        await page.Context.CloseAsync();
    }
}
