using Kiosk.Mat.Host.Protocol;

namespace Kiosk.Display.MatLink.Tests;

/// <summary>docs/protocol.md, "The receiver's rule": store each id once, ack only what is stored, duplicates included.</summary>
public class DeliveryThatLosesNothingTests : PairedMatTest
{
    [Fact]
    public async Task ResultIsAckedOnlyAfterTheSinkStoredIt()
    {
        var storing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var mayFinish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int acksWhileStoring = -1;
        Link.Sink.StoreResult = async result =>
        {
            storing.SetResult();
            await mayFinish.Task;
            acksWhileStoring = Mat.ResultAcksReceived;
            return await Link.Sink.InsertIfAbsent(result);
        };

        await Mat.SendResultAsync(SampleScan.ResultPayload(Mat.DeviceId, 1));
        await Guard.Within(storing.Task);
        mayFinish.SetResult();
        AckMessage ack = (await Mat.NextAsync()).Ack();

        Assert.Equal(0, acksWhileStoring);
        Assert.Equal(1u, ack.ResultCounter);
        Assert.True(Link.Sink.Stored.ContainsKey(PacketJson.ResultId(Mat.DeviceId, 1)));
    }

    [Fact]
    public async Task SameResultSentTwiceIsStoredOnceAndAckedTwice()
    {
        byte[] payload = SampleScan.ResultPayload(Mat.DeviceId, 7);

        uint first = await Mat.SendResultAsync(payload);
        uint second = await Mat.SendResultAsync(payload);

        AckMessage ack1 = (await Mat.NextAsync()).Ack();
        AckMessage ack2 = (await Mat.NextAsync()).Ack();
        Assert.Equal((first, 7u), (ack1.AckedSequence, ack1.ResultCounter));
        Assert.Equal((second, 7u), (ack2.AckedSequence, ack2.ResultCounter));
        Assert.Equal(2, Link.Sink.OfferedCount("240ac4123456-7"));
        Assert.Single(Link.Sink.Stored);
    }

    [Fact]
    public async Task FailedStoreGetsNoAckKeepsTheLinkAndAResendIsStored()
    {
        int attempts = 0;
        Link.Sink.StoreResult = result => ++attempts switch
        {
            1 => throw new IOException("database is locked"),
            2 => Task.FromResult(false),
            _ => Link.Sink.InsertIfAbsent(result),
        };
        byte[] payload = SampleScan.ResultPayload(Mat.DeviceId, 3);

        await Mat.SendResultAsync(payload);
        await Mat.SendResultAsync(payload);
        uint third = await Mat.SendResultAsync(payload);

        // One connection, handled in order: an ack of either failed attempt would arrive before this one.
        AckMessage ack = (await Mat.NextAsync()).Ack();
        Assert.Equal((third, AckStatus.Ok, 3u), (ack.AckedSequence, ack.Status, ack.ResultCounter));
        Assert.Equal(3, attempts);
        Assert.Single(Link.Sink.Stored);
    }

    [Fact]
    public async Task LinkKilledMidResultAndReconnectedLosesNoResult()
    {
        await using var link = await LinkHarness.StartAsync();
        var outbox = new ResultOutbox(4, 4 * ResultMessage.MaxPayloadBytes(SampleScan.Mat.SenselCount));
        int nowMs = 0;
        byte[] first = SampleScan.ResultPayload(FakeMat.DefaultDeviceId, 1);
        Assert.True(outbox.TryAdd(1, first, 0, first.Length, nowMs));
        byte[] second = SampleScan.ResultPayload(FakeMat.DefaultDeviceId, 2);
        Assert.True(outbox.TryAdd(2, second, 0, second.Length, nowMs));

        var (mat, _) = await link.ConnectPairedMatAsync();
        outbox.OnConnected(nowMs);
        // The first result goes through and is acked; the second is cut off halfway by a dropped link.
        await SendDueAsync(mat, outbox, nowMs, count: 1);
        outbox.Acknowledge((await mat.NextAsync()).Ack().ResultCounter);
        int due = outbox.NextDue(nowMs);
        byte[] wire = mat.Encode(MessageType.Result, outbox.Pool.AsSpan(outbox.OffsetAt(due), outbox.LengthAt(due)).ToArray());
        outbox.MarkSent(due, nowMs);
        await mat.SendRawAsync(wire.AsMemory(0, wire.Length / 2));
        mat.Kill();
        outbox.OnDisconnected();
        await mat.DisposeAsync();

        var (again, helloAck) = await link.ConnectPairedMatAsync();
        await using var _again = again;
        Assert.Equal(AckStatus.Ok, helloAck.Status);
        outbox.OnConnected(nowMs);
        await DrainAsync(again, outbox, nowMs);

        Assert.Equal(0, outbox.Count);
        Assert.Equal(1, link.Sink.OfferedCount("240ac4123456-1"));
        Assert.Equal(1, link.Sink.OfferedCount("240ac4123456-2"));
        Assert.Equal(2, link.Sink.Stored.Count);
    }

    [Fact]
    public async Task LostAckMakesTheMatResendAndTheResultIsStoredOnce()
    {
        await using var link = await LinkHarness.StartAsync();
        var outbox = new ResultOutbox(4, 2 * ResultMessage.MaxPayloadBytes(SampleScan.Mat.SenselCount));
        byte[] payload = SampleScan.ResultPayload(FakeMat.DefaultDeviceId, 5);
        Assert.True(outbox.TryAdd(5, payload, 0, payload.Length, 0));

        var (mat, _) = await link.ConnectPairedMatAsync();
        outbox.OnConnected(0);
        await SendDueAsync(mat, outbox, 0, count: 1);
        // Wait until it is stored, then drop the link before the mat reads the ack: the ack is lost.
        await Guard.Until(() => link.Sink.Stored.ContainsKey("240ac4123456-5"), "the result was stored");
        mat.Kill();
        outbox.OnDisconnected();
        await mat.DisposeAsync();

        var (again, _) = await link.ConnectPairedMatAsync();
        await using var _again = again;
        outbox.OnConnected(0);
        await DrainAsync(again, outbox, 0);

        Assert.Equal(0, outbox.Count);
        Assert.Equal(2, link.Sink.OfferedCount("240ac4123456-5"));
        Assert.Single(link.Sink.Stored);
    }

    /// <summary>Sends what the outbox says is due, as the device's send loop does.</summary>
    private static async Task SendDueAsync(FakeMat mat, ResultOutbox outbox, int nowMs, int count)
    {
        for (int sent = 0; sent < count; sent++)
        {
            int due = outbox.NextDue(nowMs);
            Assert.True(due >= 0);
            await mat.SendResultAsync(outbox.Pool.AsSpan(outbox.OffsetAt(due), outbox.LengthAt(due)).ToArray());
            outbox.MarkSent(due, nowMs);
        }
    }

    /// <summary>Sends everything held and takes the acks until the outbox is empty; bounded by its capacity.</summary>
    private static async Task DrainAsync(FakeMat mat, ResultOutbox outbox, int nowMs)
    {
        int held = outbox.Count;
        await SendDueAsync(mat, outbox, nowMs, held);
        for (int i = 0; i < held; i++)
        {
            AckMessage ack = (await mat.NextAsync()).Ack();
            Assert.Equal(AckStatus.Ok, ack.Status);
            Assert.True(outbox.Acknowledge(ack.ResultCounter));
        }
    }
}
