namespace Kiosk.Display.MatLink.Tests;

/// <summary>
/// Nobody on the store's network can shut a paired mat out: sockets that never prove a key have a small budget of
/// their own and a deadline that bytes do not extend, and one link earns one refusal however much it sends.
/// </summary>
public class ShutOutTests
{
    [Theory]
    [InlineData(15)] // the number that filled the old limit of 16 beside the virtual mat
    [InlineData(45)] // more than MaxConnections
    public async Task IdleSocketsDoNotLockAPairedMatOut(int idleSockets)
    {
        // One mat already connected (as the built-in virtual mat is), then sockets that never say Hello and send a
        // zero byte now and then, then a paired mat reconnecting after a Wi-Fi drop.
        const long SecondMat = 0x24_0A_C4_00_00_02;
        await using var link = await LinkHarness.StartWithMatAsync();
        await link.Pairing.PairAsync(SecondMat, FakeMat.DefaultKey, CancellationToken.None);
        var idle = new List<FakeMat>();
        for (int i = 0; i < idleSockets; i++)
        {
            idle.Add(await FakeMat.ConnectAsync(link.Endpoint, 0x77));
        }
        using var stopIdle = new CancellationTokenSource();
        Task keepAlive = KeepSendingZerosAsync(idle, stopIdle.Token);
        try
        {
            var (mat, helloAck) = await FakeMat.ConnectAndHelloAsync(link.Endpoint, SecondMat);
            await using var _ = mat;
            Assert.Equal(AckStatus.Ok, helloAck.Status);
            await mat.SendStatusAsync(42);
            MatStatus status = await link.Sink.Statuses.NextAsync();
            Assert.Equal((SecondMat, 42u), (status.DeviceId, status.UptimeSeconds));
        }
        finally
        {
            stopIdle.Cancel();
            await keepAlive;
            foreach (FakeMat socket in idle)
            {
                await socket.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task UnprovenSocketsHaveABudgetOfTheirOwnAndTheOldestGoesFirst()
    {
        await using var link = await LinkHarness.StartAsync(o => o.MaxUnprovenConnections = 3);
        var sockets = new List<FakeMat>();
        for (int i = 0; i < 5; i++)
        {
            sockets.Add(await FakeMat.ConnectAsync(link.Endpoint, 0x77));
            // Each counted before the next arrives, so "oldest" is well defined.
            await Guard.Until(() => link.Listener.ConnectionCount >= Math.Min(i + 1, 3), "the socket was taken");
        }
        try
        {
            Assert.Null(await sockets[0].NextOrClosedAsync());
            Assert.Null(await sockets[1].NextOrClosedAsync());
            await Guard.Until(() => link.Listener.ConnectionCount == 3, "three unproven sockets are left");
        }
        finally
        {
            foreach (FakeMat socket in sockets)
            {
                await socket.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task BytesDoNotExtendTheDeadlineForAnAcceptedHello()
    {
        // The idle timeout is far away; the Hello deadline is not, and zero bytes every 100 ms do not move it.
        await using var link = await LinkHarness.StartAsync(o => (o.ProofTimeoutMs, o.IdleTimeoutMs) = (500, 60_000));
        await using var socket = await FakeMat.ConnectAsync(link.Endpoint, 0x77);
        using var stop = new CancellationTokenSource();
        Task zeros = KeepSendingZerosAsync([socket], stop.Token);

        Assert.Null(await socket.NextOrClosedAsync());
        stop.Cancel();
        await zeros;
    }

    [Fact]
    public async Task RefusedMatIsClosedAfterItsLingerWhileItKeepsWriting()
    {
        await using var link = await LinkHarness.StartAsync(o => (o.UnpairedLingerMs, o.IdleTimeoutMs) = (300, 60_000));
        var (mat, helloAck) = await FakeMat.ConnectAndHelloAsync(link.Endpoint, 0x11_22_33_44_55_66);
        await using var _ = mat;
        Assert.Equal(AckStatus.UnknownDevice, helloAck.Status);

        // Status packets back to back, so a read never has to wait for data: the linger must end the link anyway.
        var writing = Task.Run(async () =>
        {
            byte[] status = mat.Encode(MessageType.Status, new byte[16]);
            var burst = Enumerable.Repeat(status, 64).SelectMany(b => b).ToArray();
            var until = DateTime.UtcNow + Guard.Timeout;
            while (DateTime.UtcNow < until)
            {
                try
                {
                    await mat.SendRawAsync(burst);
                }
                catch (Exception e) when (e is IOException or ObjectDisposedException)
                {
                    return true;
                }
            }
            return false;
        });

        Assert.Null(await mat.NextOrClosedAsync());
        Assert.True(await Guard.Within(writing), "the display kept reading the refused mat");
    }

    [Fact]
    public async Task OneLinkEarnsOneRefusalHoweverManyHellosItSends()
    {
        await using var link = await LinkHarness.StartAsync(o => o.UnpairedLingerMs = 2000);
        await using var flood = await FakeMat.ConnectAsync(link.Endpoint, 0x1000);
        for (long id = 0x1000; id < 0x1000 + 200; id++)
        {
            var hello = new HelloMessage { DeviceId = id, FirmwareMajor = 1, Rows = 48, Cols = 48, PitchUm = 10_000 };
            await flood.SendAsync(MessageType.Hello, b => hello.EncodePayload(b, 0, b.Length));
        }
        Assert.Equal(AckStatus.UnknownDevice, (await flood.NextAsync()).Ack().Status);

        Assert.Null(await flood.NextOrClosedAsync());
        Assert.Equal(0x1000, await link.Sink.WaitingForPairing.NextAsync());
        Assert.False(link.Sink.WaitingForPairing.Reader.TryRead(out _), "a second waiting mat was reported from the same link");
    }

    [Fact]
    public async Task OneLinkEarnsOneBadProofReportHoweverOftenItTries()
    {
        await using var link = await LinkHarness.StartAsync(o => o.UnpairedLingerMs = 2000);
        byte[] wrongKey = Convert.FromHexString("ffeeddccbbaa99887766554433221100");
        await using var mat = await FakeMat.ConnectAsync(link.Endpoint);
        int refusals = 0, challenges = 0;
        for (int attempt = 0; attempt < 20; attempt++)
        {
            await mat.SendHelloAsync();
            MatPacket? answer = await mat.NextOrClosedAsync();
            if (answer?.Type != MessageType.Challenge)
            {
                break;
            }
            challenges++;
            await mat.SendHelloAsync(FakeMat.Proof(wrongKey, mat.DeviceId, answer.Challenge().Nonce));
            if ((await mat.NextOrClosedAsync())?.Ack().Status == AckStatus.BadProof)
            {
                refusals++;
            }
        }

        Assert.Equal((1, 1), (challenges, refusals));
        Assert.Equal(mat.DeviceId, await link.Sink.KeyRefused.NextAsync());
        Assert.False(link.Sink.KeyRefused.Reader.TryRead(out _));
    }

    [Fact]
    public async Task TwentyMatsAndTheVirtualMatAreServedWithTheDefaults()
    {
        await using var link = await LinkHarness.StartAsync();
        var mats = new List<FakeMat>();
        try
        {
            for (long id = 1; id <= 21; id++)
            {
                await link.Pairing.PairAsync(id, FakeMat.DefaultKey, CancellationToken.None);
                var (mat, helloAck) = await FakeMat.ConnectAndHelloAsync(link.Endpoint, id);
                mats.Add(mat);
                Assert.Equal(AckStatus.Ok, helloAck.Status);
            }
            // The link acks a Hello before it registers the mat, so the last one may still be on its way.
            DateTime deadline = DateTime.UtcNow.AddSeconds(10);
            while (link.Connected.DeviceIds.Count < 21 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
            Assert.Equal(21, link.Connected.DeviceIds.Count);
        }
        finally
        {
            foreach (FakeMat mat in mats)
            {
                await mat.DisposeAsync();
            }
        }
    }

    private static async Task KeepSendingZerosAsync(IReadOnlyList<FakeMat> sockets, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            foreach (FakeMat socket in sockets)
            {
                try
                {
                    await socket.SendRawAsync(new byte[] { 0 });
                }
                catch (Exception e) when (e is IOException or ObjectDisposedException or TimeoutException)
                {
                    // Closed by the display: what the tests want.
                }
            }
            await Task.Delay(100, stop).ContinueWith(_ => { });
        }
    }
}
