using Kiosk.Mat.Session;
using Xunit.Abstractions;

namespace Kiosk.Mat.Simulation.Tests.Link;

/// <summary>
/// Results survive a display that dies mid-scan and comes back: the virtual mat, over real TCP on 127.0.0.1, keeps
/// them in its outbox and resends after reconnecting; the display stores each id once. Live frames may be lost.
/// </summary>
public class DeliveryTests(ITestOutputHelper output)
{
    // A small mat keeps the test quick; three shoppers give three results.
    private static readonly MatGeometry Mat = new(40, 40, 10000);
    private const int MaxDrainFrames = 2000;

    [Fact]
    public void EveryResultIsStoredExactlyOnceAcrossADisplayRestart()
    {
        var store = new DisplayStore();
        var display = new LoopbackDisplay(store);
        int port = display.Port;
        var mat = new VirtualMat(Mat);
        using var link = ReopeningLink.Tcp("127.0.0.1", port);
        mat.Dial = link.Dial;
        try
        {
            mat.Start();
            // The first result is stored, but its ack is lost: the display drops the connection before acking.
            display.LoseNextAck = true;
            mat.Run(Shopper("normal-arches-still"), _ => Thread.Sleep(1));
            mat.Run(Shopper("flat-feet-still"), atMs =>
            {
                // Mid-scan of the second shopper: the display dies; it comes back on the same port 2 s later.
                if (atMs == 3000)
                {
                    Assert.Equal(SessionState.Capturing, mat.Tracker.State);
                    display.Kill();
                }
                if (atMs == 6000)
                {
                    display = new LoopbackDisplay(store, port);
                }
                Thread.Sleep(1);
            });
            mat.Run(Shopper("high-arches-still"), _ => Thread.Sleep(1));
            bool drained = mat.Drain(MaxDrainFrames, () => Thread.Sleep(2));

            output.WriteLine($"{mat.ScansCompleted} scans, stored {string.Join(", ", store.Stored)}, {store.ResultPacketsReceived} result packets received over {store.Connections} connections, {mat.Link.FramesDropped} live frames dropped");
            Assert.True(drained, "the outbox should empty once the display is back");
            Assert.Equal(3, mat.ScansCompleted);
            Assert.Equal(["5eed00000001-1", "5eed00000001-2", "5eed00000001-3"], store.Stored.Order());
            Assert.True(store.ResultPacketsReceived > 3, "the result whose ack was lost must have been resent");
            Assert.True(store.Connections >= 2);
        }
        finally
        {
            display.Dispose();
        }
    }

    private static ShopperTimeline Shopper(string name) => ShopperScenarios.Find(name)!.Timeline(Mat);
}
