namespace Kiosk.Display.MatLink.Tests;

/// <summary>Bad bytes and a slow display: the link survives, bounded, and loses no result.</summary>
public class HostileInputTests
{
    [Fact]
    public async Task GarbageBetweenPacketsIsSkippedAndTheLinkSurvives()
    {
        await using var link = await LinkHarness.StartWithMatAsync();
        var mat = link.Mat;
        var random = new Random(1234);
        byte[] garbage = new byte[3000];
        random.NextBytes(garbage);
        byte[] result = mat.Encode(MessageType.Result, SampleScan.ResultPayload(mat.DeviceId, 11));
        byte[] corrupted = (byte[])result.Clone();
        corrupted[corrupted.Length / 2] ^= 0x10;

        await mat.SendRawAsync(garbage);
        await mat.SendStatusAsync(1);
        await mat.SendRawAsync(garbage.AsMemory(0, 700));
        await mat.SendRawAsync(corrupted);
        await mat.SendRawAsync(result.AsMemory(0, result.Length / 3));
        uint sequence = await mat.SendResultAsync(SampleScan.ResultPayload(mat.DeviceId, 12));

        Assert.Equal(1u, (await link.Sink.Statuses.NextAsync()).UptimeSeconds);
        AckMessage ack = (await mat.NextAsync()).Ack();
        Assert.Equal((sequence, 12u), (ack.AckedSequence, ack.ResultCounter));
        Assert.Equal(["240ac4123456-12"], link.Sink.Stored.Keys);
    }

    [Fact]
    public async Task OversizedPacketIsDiscardedAndTheLinkSurvives()
    {
        // A small limit, so a valid Frame of the 48 x 48 mat is "oversized" as well as the endless run of garbage.
        await using var link = await LinkHarness.StartWithMatAsync(o => o.MaxPacketBytes = 512);
        var mat = link.Mat;
        byte[] endless = new byte[2_000_000];
        Array.Fill(endless, (byte)0x5A);

        await mat.SendFrameAsync(1, SampleScan.FrameLoads);
        await mat.SendRawAsync(new byte[] { 0 });
        await mat.SendRawAsync(endless);
        await mat.SendStatusAsync(2);

        Assert.Equal(2u, (await link.Sink.Statuses.NextAsync()).UptimeSeconds);
        Assert.Empty(link.Sink.Frames);
        Assert.Contains(FakeMat.DefaultDeviceId, link.Connected.DeviceIds);
    }

    [Fact]
    public async Task SlowSinkDropsLiveFramesButNeverResults()
    {
        const int QueueLength = 2;
        const int FramesSent = 40;
        await using var link = await LinkHarness.StartWithMatAsync(o => o.LiveFrameQueueLength = QueueLength);
        var mat = link.Mat;
        var heatmapStuck = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        link.Sink.TakeFrame = _ => heatmapStuck.Task;
        int[] loads = SampleScan.FrameLoads;

        for (uint i = 0; i < FramesSent; i++)
        {
            await mat.SendFrameAsync(i, loads);
        }
        await mat.SendResultAsync(SampleScan.ResultPayload(mat.DeviceId, 1));

        // The result is stored and acked while the heatmap still holds the first frame: it never waits behind frames.
        Assert.Equal(1u, (await mat.NextAsync()).Ack().ResultCounter);
        Assert.Single(link.Sink.Stored);
        heatmapStuck.SetResult();
        await Guard.Until(() => link.Sink.Frames.Count + link.Context.LiveFramesDropped == FramesSent, "every frame was delivered or dropped");

        Assert.InRange(link.Sink.Frames.Count, 1, QueueLength + 1);
        Assert.Equal(FramesSent - 1u, link.Sink.Frames.Last().DeviceClockMs);
    }

    [Fact]
    public async Task SilentLinkIsClosedAfterTheIdleTimeoutAndReportedDisconnected()
    {
        // A mat that vanished without a FIN (power cut, Wi-Fi gone) looks exactly like this one: silent.
        // Long enough for the pairing handshake (three packets) on a loaded machine, which the timeout also covers.
        await using var link = await LinkHarness.StartWithMatAsync(o => o.IdleTimeoutMs = 2000);
        var mat = link.Mat;

        Assert.Null(await mat.NextOrClosedAsync());
        Assert.Equal(mat.DeviceId, await link.Sink.Disconnects.NextAsync());
        Assert.Empty(link.Connected.DeviceIds);
    }

    [Fact]
    public async Task ConnectionsBeyondTheLimitAreClosedWhileTheOpenOneWorks()
    {
        await using var link = await LinkHarness.StartWithMatAsync(o => o.MaxConnections = 1);
        await using var intruder = await FakeMat.ConnectAsync(link.Endpoint, 0x77);

        Assert.Null(await intruder.NextOrClosedAsync());
        await link.Mat.SendStatusAsync(9);
        Assert.Equal(9u, (await link.Sink.Statuses.NextAsync()).UptimeSeconds);
    }
}
