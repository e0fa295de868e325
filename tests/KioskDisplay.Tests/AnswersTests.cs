namespace Kiosk.Display.Tests;

/// <summary>The shopper's answers to the warning-sign questions: through the page's API, and on the staff's pages.</summary>
public sealed class AnswersTests() : DisplayPerTest(new KioskServer(settings: new() { ["Kiosk:EmptyResetSeconds"] = "30", ["Kiosk:KioskDeviceId"] = "mat-1" }), startHost: true)
{
    /// <summary>A shopper steps on the result's mat and gets <paramref name="result"/>: its session id.</summary>
    private Task<string> ShopperOnTheMatAsync(ScanResult result) => ShopperOnTheMatAsync(server, result);

    private static async Task<string> ShopperOnTheMatAsync(KioskServer server, ScanResult result)
    {
        var sessions = server.Get<ShopperSessions>();
        // a frame every probe: one sent before the sessions listen (the host starts them in the background) is not seen
        await EventuallyAsync(() =>
        {
            server.Get<IScanFeed>().PublishFrame(new LiveFrame(result.DeviceId, SyntheticFeet.Frame("normal", 1, 0, new Random(3)), DateTimeOffset.UtcNow));
            return sessions.Snapshot(result.DeviceId).OfType<SessionStateEvent>().FirstOrDefault(s => s.State == "standing");
        });
        await server.Get<IScanFeed>().PublishResultAsync(result);
        var shown = await EventuallyAsync(() =>
            sessions.Snapshot(result.DeviceId).OfType<SessionResultEvent>().FirstOrDefault(e => e.Result.ResultId == result.ResultId));
        return shown.SessionId;
    }

    private static async Task<T> EventuallyAsync<T>(Func<T?> probe) where T : class
    {
        for (int i = 0; i < 200; i++)
        {
            if (probe() is { } value) return value;
            await Task.Delay(50);
        }
        throw new TimeoutException("the shopper never got there");
    }

    private Task<JsonElement> AnswerAsync(string resultId, string sessionId, object answers, string activity = "everyday") =>
        AnswerAsync(server, resultId, sessionId, answers, activity);

    private static async Task<JsonElement> AnswerAsync(KioskServer server, string resultId, string sessionId, object answers, string activity = "everyday")
    {
        var response = await server.Client().PostAsJsonAsync("/api/shopper/advice", new { resultId, sessionId, activity, answers });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task AYesToAWarningSignPutsItsReferralFirst()
    {
        var result = TestScans.Result("answers-1", device: "mat-1");
        string session = await ShopperOnTheMatAsync(result);

        var advice = await AnswerAsync(result.ResultId, session, new Dictionary<string, bool> { ["diabetes"] = true, ["swelling"] = false });
        var referrals = advice.GetProperty("advice").GetProperty("referrals").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(["referral.diabetes"], referrals);
        var questions = advice.GetProperty("questions").EnumerateArray().ToDictionary(q => q.GetProperty("id").GetString()!, q => q.GetProperty("answer"));
        Assert.True(questions["diabetes"].GetBoolean());
        Assert.False(questions["swelling"].GetBoolean());
        Assert.Equal(JsonValueKind.Null, questions["numbness"].ValueKind);
    }

    [Fact]
    public async Task AnswersAreKeptWithTheScanAndLaidOverEachOtherForTheStaffAndTheReport()
    {
        var result = TestScans.Result("answers-2", device: "mat-1");
        string session = await ShopperOnTheMatAsync(result);
        await AnswerAsync(result.ResultId, session, new Dictionary<string, bool> { ["knee-hip-pain"] = true }, activity: "running");
        var second = await AnswerAsync(result.ResultId, session, new Dictionary<string, bool> { ["numbness"] = false }, activity: "running");
        Assert.Equal(["referral.knee-hip-pain"], second.GetProperty("advice").GetProperty("referrals").EnumerateArray().Select(r => r.GetProperty("id").GetString()));

        var stored = (await server.Get<IScanStore>().GetScanAsync(result.ResultId))!.Answers!;
        Assert.Equal(("running", true, false), (stored.Activity, stored.Signs["knee-hip-pain"], stored.Signs["numbness"]));

        var staff = await server.SignedInAsync("staff");
        foreach (string page in new[] { "/staff/scan/answers-2", "/staff/report/answers-2" })
        {
            string html = await staff.GetStringAsync(page);
            Assert.Contains("Answered at the kiosk", html);
            Assert.Contains("activity running", html);
            Assert.Contains("knee or hip pain: <span class=\"bad\">yes</span>", html);
            Assert.Contains("numbness or tingling: <span class=\"\">no</span>", html);
            Assert.Matches(@"diabetes: <span class="""">(–|&#x2013;)</span>", html); // not answered
            Assert.Contains("Thank you for telling us about your knee or hip pain", html); // the referral, as the shopper saw it
            Assert.Contains("[activity-running]", html);                                      // recommended for their activity
        }
        // the staff can still look at another activity
        Assert.Contains("[activity-walking]", await staff.GetStringAsync("/staff/scan/answers-2?activity=walking"));
    }

    [Fact]
    public async Task APageThatReconnectsGetsTheAnswersAlreadyGiven()
    {
        var result = TestScans.Result("answers-3", device: "mat-1");
        string session = await ShopperOnTheMatAsync(result);
        await AnswerAsync(result.ResultId, session, new Dictionary<string, bool> { ["swelling"] = true });

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30)); // the stream never ends by itself
        using var client = server.Client();
        using var stream = await client.GetAsync("/api/shopper/events?device=mat-1", HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        Assert.True(stream.IsSuccessStatusCode, $"{stream.StatusCode}");
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(deadline.Token));
        string? data = null;
        var lines = new List<string>();
        for (bool isResult = false; data is null && await reader.ReadLineAsync(deadline.Token) is { } line;)
        {
            lines.Add(line.Length > 80 ? line[..80] : line);
            if (line.StartsWith("event: ")) isResult = line == "event: result";
            else if (isResult && line.StartsWith("data: ")) data = line["data: ".Length..];
        }
        Assert.True(data is not null, "no result in the stream: " + string.Join(" | ", lines));
        var replayed = JsonDocument.Parse(data).RootElement;
        Assert.Equal("referral.swelling", replayed.GetProperty("advice").GetProperty("referrals")[0].GetProperty("id").GetString());
    }

    /// <summary>The display's scans, unable to keep answers (a full disk, a database gone away).</summary>
    private sealed class AnswersNotKept(IScanStore inner) : IScanStore
    {
        public Task<SavedResult> SaveResultAsync(ScanResult result, CancellationToken ct = default) => inner.SaveResultAsync(result, ct);
        public Task<StoredScan?> GetScanAsync(string resultId, CancellationToken ct = default) => inner.GetScanAsync(resultId, ct);
        public Task<IReadOnlyList<StoredScan>> ListScansAsync(ScanFilter filter, CancellationToken ct = default) => inner.ListScansAsync(filter, ct);
        public Task<Paged<ListedScan>> ListScansAsync(ScanFilter filter, PageRequest page, CancellationToken ct = default) => inner.ListScansAsync(filter, page, ct);
        public Task<IReadOnlyList<ListedScan>> ListScanReportsAsync(ScanFilter filter, CancellationToken ct = default) => inner.ListScanReportsAsync(filter, ct);
        public Task<IReadOnlyList<(string ResultId, DateTimeOffset ScannedAt)>> ListScanTimesAsync(ScanFilter filter, CancellationToken ct = default) =>
            inner.ListScanTimesAsync(filter, ct);
        public Task<int> DeleteScansBeforeAsync(DateTimeOffset cutoff, CancellationToken ct = default) => inner.DeleteScansBeforeAsync(cutoff, ct);
        public Task<bool> SaveAnswersAsync(string resultId, ShopperAnswers answers, CancellationToken ct = default) =>
            throw new Microsoft.Data.Sqlite.SqliteException("SQLite Error 13: 'database or disk is full'.", 13);
    }

    [Fact]
    public async Task AnswersThatCannotBeKeptStillGetTheirAdvice()
    {
        await using var failing = new KioskServer(settings: new() { ["Kiosk:EmptyResetSeconds"] = "30" },
            services: s => s.AddSingleton<IScanStore>(p => new AnswersNotKept(new ScanStore(p.GetRequiredService<SqlDatabase>()))));
        var result = TestScans.Result("answers-4", device: "mat-1");
        string session = await ShopperOnTheMatAsync(failing, result);
        var advice = await AnswerAsync(failing, result.ResultId, session, new Dictionary<string, bool> { ["numbness"] = true });
        Assert.Equal("referral.numbness", advice.GetProperty("advice").GetProperty("referrals")[0].GetProperty("id").GetString());
        Assert.Contains(failing.Logs.Entries, e => e.Message.Contains("could not be kept"));
    }

    [Fact]
    public async Task AnUnknownQuestionIsRefused()
    {
        var response = await server.Client().PostAsJsonAsync("/api/shopper/advice",
            new { resultId = "x", sessionId = "y", answers = new Dictionary<string, bool> { ["star-sign"] = true } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("knee-hip-pain", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StaffPageShowsTheAnswersTheSizeAndSteadiness()
    {
        await server.Get<IScanStore>().SaveResultAsync(TestScans.Result("staff-1"));
        var staff = await server.SignedInAsync("staff");
        string page = await staff.GetStringAsync("/staff/scan/staff-1");
        Assert.Contains("Steadiness during the scan", page);
        Assert.Contains("not a balance test", page);
        Assert.Contains("EU 41.5 · UK 7.5 · US men 8.5 / women 10", page); // the synthetic feet are 262 mm
        Assert.Matches(@"Answered at the kiosk:</b>\s*nothing", page);
    }
}
