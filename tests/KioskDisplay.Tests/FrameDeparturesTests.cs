using Kiosk.Display.Link;

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
            departures.Record(7, frame * 50, start.AddMilliseconds(frame * 50));
        }

        Assert.Equal(start.AddMilliseconds(199 * 50), departures.LeftAt(7, 199 * 50));
        Assert.Null(departures.LeftAt(8, 199 * 50)); // another mat's frame of the same uptime
        Assert.Null(departures.LeftAt(7, 0)); // long forgotten: memory stays bounded
    }
}
