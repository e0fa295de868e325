
namespace Kiosk.Display.Tests;

public class FrameDeparturesTests
{
    [Fact]
    public void KnowsWhenARecentFrameLeftItsMatAndForgetsOldOnes()
    {
        var departures = new FrameDepartures();
        var start = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        for (uint frame = 0; frame < 200; frame++)
        {
            departures.Record("000000000007", frame * 50, start.AddMilliseconds(frame * 50));
        }

        Assert.Equal(start.AddMilliseconds(199 * 50), departures.LeftAt("000000000007", 199 * 50));
        Assert.Null(departures.LeftAt("000000000008", 199 * 50)); // another mat's frame of the same uptime
        Assert.Null(departures.LeftAt("000000000007", 0)); // long forgotten: memory stays bounded
    }
}
