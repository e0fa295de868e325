using System.Net.Sockets;
using System.Text;

namespace Kiosk.Display.Tests;

/// <summary>The browser tests' reader of the shopper's event stream gives up at its deadline instead of hanging a run.</summary>
public class ShopperStreamDeadlineTests
{
    [Fact]
    public async Task AStreamThatNeverBringsAResultEndsAtTheDeadline()
    {
        // A server that answers the event stream with an idle state and then keeps the connection open, saying nothing.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var quiet = Task.Run(async () =>
        {
            using TcpClient client = await listener.AcceptTcpClientAsync();
            NetworkStream stream = client.GetStream();
            await stream.ReadAtLeastAsync(new byte[4096], 1); // the request's start: its rest does not matter
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\nevent: state\ndata: {\"state\":\"idle\"}\n\n"));
            await Task.Delay(TimeSpan.FromSeconds(30));
        });
        var address = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");

        Task<string> next = ShopperStream.NextResultJsonAsync(address, TimeSpan.FromSeconds(1));
        Task first = await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(20)));

        Assert.Same(next, first);
        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => next);
        Assert.Contains("within 1 s", timeout.Message);
        listener.Stop();
    }
}
