using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kiosk.Display.Feed;
using Kiosk.Display.Storage;

namespace Kiosk.Display.Tests;

/// <summary>The shopper's answers to the warning-sign questions: through the page's API, and on the staff's pages.</summary>
public sealed class AnswersTests() : DisplayPerTest(new KioskServer(settings: new() { ["Kiosk:EmptyResetSeconds"] = "30" }), startHost: true)
{
    /// <summary>A shopper steps on mat-1 and gets <paramref name="result"/>: its session id.</summary>
    private async Task<string> ShopperOnTheMatAsync(ScanResult result)
    {
        var sessions = server.Get<ShopperSessions>();
        server.Get<IScanFeed>().PublishFrame(new LiveFrame(result.DeviceId, SyntheticFeet.Frame("normal", 1, 0, new Random(3)), DateTimeOffset.UtcNow));
        await server.Get<IScanFeed>().PublishResultAsync(result);
        for (int i = 0; i < 100; i++)
        {
            if (sessions.Snapshot(result.DeviceId).OfType<SessionResultEvent>().FirstOrDefault(e => e.Result.ResultId == result.ResultId) is { } shown)
            {
                return shown.SessionId;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("the result never reached the shopper");
    }

    private async Task<JsonElement> AnswerAsync(string resultId, string sessionId, object answers, string activity = "everyday")
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
    }
}
