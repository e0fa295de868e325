namespace Kiosk.Display.Tests;

/// <summary>
/// The shopper page only ever gets the result of the shopper standing on the mat now, or of the one who just stepped
/// off (held for their take-home code until the next steps on).
/// </summary>
public sealed class ShopperSessionTests() : DisplayPerTest(new KioskServer(settings: new() { ["Kiosk:EmptyResetSeconds"] = "0.3", ["Kiosk:ResultHoldSeconds"] = "4" }), startHost: true)
{
    private void Frame(double weight) =>
        server.Get<IScanFeed>().PublishFrame(new LiveFrame("mat-1", SyntheticFeet.Frame("normal", weight, 0, new Random(3)), DateTimeOffset.UtcNow));

    /// <summary>Waits for the probe to find something; <paramref name="each"/> runs before every look (a mat sends frames all the time).</summary>
    private static async Task<T> EventuallyAsync<T>(Func<T?> probe, Action? each = null) where T : class
    {
        for (int i = 0; i < 300; i++)
        {
            each?.Invoke();
            if (probe() is { } value) return value;
            await Task.Delay(50);
        }
        throw new TimeoutException("the condition never held");
    }

    [Fact]
    public async Task ResultGoesToTheShopperOnTheMatAndIsGoneOnceTheyStepOff()
    {
        var sessions = server.Get<ShopperSessions>();
        await server.Get<IScanFeed>().PublishResultAsync(TestScans.Result("nobody-on-mat", device: "mat-1"));
        Assert.IsType<SessionStateEvent>(Assert.Single(sessions.Snapshot("mat-1"))); // stored, shown to nobody

        // Frames until the session starts (the sessions service may subscribe to the feed after the first one).
        var standing = await EventuallyAsync(() => sessions.Snapshot("mat-1").OfType<SessionStateEvent>().FirstOrDefault(s => s.State == "standing"), () => Frame(1));
        await server.Get<IScanFeed>().PublishResultAsync(TestScans.Result("theirs", device: "mat-1"));
        var shown = await EventuallyAsync(() => sessions.Snapshot("mat-1").OfType<SessionResultEvent>().FirstOrDefault());
        Assert.Equal(("theirs", standing.SessionId), (shown.Result.ResultId, shown.SessionId));
        Assert.NotNull(sessions.CurrentResult("theirs", standing.SessionId!));
        Assert.Null(sessions.CurrentResult("theirs", "another-session"));

        Frame(0); // stepped off; the result is held for ResultHoldSeconds, then the page resets
        await EventuallyAsync(() => sessions.Snapshot("mat-1").OfType<SessionStateEvent>().FirstOrDefault(s => s.State == "idle"));
        Assert.Null(sessions.CurrentResult("theirs", standing.SessionId!));
        Assert.DoesNotContain(sessions.Snapshot("mat-1"), e => e is SessionResultEvent);
    }

    [Fact]
    public async Task AResultStaysAfterItsShopperSteppedOffUntilTheNextStepsOn()
    {
        var sessions = server.Get<ShopperSessions>();
        using var subscription = sessions.Subscribe();
        var first = await EventuallyAsync(() => sessions.Snapshot("mat-1").OfType<SessionStateEvent>().FirstOrDefault(s => s.State == "standing"), () => Frame(1));
        await server.Get<IScanFeed>().PublishResultAsync(TestScans.Result("first-shopper", device: "mat-1"));
        await EventuallyAsync(() => sessions.Snapshot("mat-1").OfType<SessionResultEvent>().FirstOrDefault());

        Frame(0); // stepped off: after EmptyResetSeconds (0.3 s) the result is held, with the time it has left
        var held = await EventuallyAsync(() => sessions.Snapshot("mat-1").OfType<SessionStateEvent>().FirstOrDefault(s => s.State == "held"));
        Assert.Equal(first.SessionId, held.SessionId);
        Assert.InRange(held.ShowsForSeconds, 0.01, 4 - 0.3);
        Assert.NotNull(sessions.CurrentResult("first-shopper", first.SessionId!)); // the code, ask-staff and the questions still work
        Assert.Contains(sessions.Snapshot("mat-1"), e => e is SessionResultEvent r && r.Result.ResultId == "first-shopper"); // a page reconnecting sees it too

        Frame(1); // the next shopper: their own session at once, the held result gone, no idle screen between
        var next = await EventuallyAsync(() => sessions.Snapshot("mat-1").OfType<SessionStateEvent>().FirstOrDefault(s => s.State == "standing" && s.SessionId != first.SessionId));
        Assert.Null(sessions.CurrentResult("first-shopper", first.SessionId!));
        Assert.DoesNotContain(sessions.Snapshot("mat-1"), e => e is SessionResultEvent);
        var states = new List<string>();
        while (subscription.Reader.TryRead(out var e)) if (e is SessionStateEvent s) states.Add($"{s.State} {(s.SessionId == first.SessionId ? "first" : s.SessionId == next.SessionId ? "next" : s.SessionId)}");
        Assert.Equal(["standing first", "held first", "standing next"], states);

        Frame(0); // the next shopper leaves before a result: the page resets after EmptyResetSeconds, nothing held
        await EventuallyAsync(() => sessions.Snapshot("mat-1").OfType<SessionStateEvent>().FirstOrDefault(s => s.State == "idle"));
    }

    [Fact]
    public void MalformedFrameIsDroppedWithoutStartingASession()
    {
        server.Get<IScanFeed>().PublishFrame(new LiveFrame("mat-2", new MatGrid(10, 10, 10, new int[5]), DateTimeOffset.UtcNow));
        Assert.Equal("idle", Assert.IsType<SessionStateEvent>(Assert.Single(server.Get<ShopperSessions>().Snapshot("mat-2"))).State);
    }
}
