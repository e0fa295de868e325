using Kiosk.Display.Feed;

namespace Kiosk.Display.Tests;

/// <summary>The shopper page only ever gets the result of the shopper standing on the mat now.</summary>
public sealed class ShopperSessionTests : IAsyncLifetime
{
    private readonly KioskServer server = new(settings: new() { ["Kiosk:EmptyResetSeconds"] = "0.3" });

    public Task InitializeAsync()
    {
        server.Client(); // starts the host and its hosted services
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private void Frame(double weight) =>
        server.Get<IScanFeed>().PublishFrame(new LiveFrame("mat-1", SyntheticFeet.Frame("normal", weight, 0, new Random(3)), DateTimeOffset.UtcNow));

    private static async Task<T> EventuallyAsync<T>(Func<T?> probe) where T : class
    {
        for (int i = 0; i < 100; i++)
        {
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

        Frame(1);
        var standing = await EventuallyAsync(() => sessions.Snapshot("mat-1").OfType<SessionStateEvent>().FirstOrDefault(s => s.State == "standing"));
        await server.Get<IScanFeed>().PublishResultAsync(TestScans.Result("theirs", device: "mat-1"));
        var shown = await EventuallyAsync(() => sessions.Snapshot("mat-1").OfType<SessionResultEvent>().FirstOrDefault());
        Assert.Equal(("theirs", standing.SessionId), (shown.Result.ResultId, shown.SessionId));
        Assert.NotNull(sessions.CurrentResult("theirs", standing.SessionId!));
        Assert.Null(sessions.CurrentResult("theirs", "another-session"));

        Frame(0); // stepped off; the page resets after EmptyResetSeconds
        await EventuallyAsync(() => sessions.Snapshot("mat-1").OfType<SessionStateEvent>().FirstOrDefault(s => s.State == "idle"));
        Assert.Null(sessions.CurrentResult("theirs", standing.SessionId!));
        Assert.DoesNotContain(sessions.Snapshot("mat-1"), e => e is SessionResultEvent);
    }

    [Fact]
    public void MalformedFrameIsDroppedWithoutStartingASession()
    {
        server.Get<IScanFeed>().PublishFrame(new LiveFrame("mat-2", new MatGrid(10, 10, 10, new int[5]), DateTimeOffset.UtcNow));
        Assert.Equal("idle", Assert.IsType<SessionStateEvent>(Assert.Single(server.Get<ShopperSessions>().Snapshot("mat-2"))).State);
    }
}
