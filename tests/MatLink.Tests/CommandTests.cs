namespace Kiosk.Display.MatLink.Tests;

public class CommandTests : PairedMatTest
{
    [Fact]
    public async Task CommandsReachTheMatDecodedWithTheConnectionsSequence()
    {
        var helloAck = Link.HelloAck;
        await Link.Sink.Hellos.NextAsync();
        long id = Mat.DeviceId;
        var none = CancellationToken.None;

        Assert.True(await Link.Commands.CalibrateZeroAsync(id, none));
        Assert.True(await Link.Commands.CalibrateGainAsync(id, 20_000, none));
        Assert.True(await Link.Commands.CalibrateZeroAsync(id, none));

        MatPacket zero = await Mat.NextAsync();
        MatPacket gain = await Mat.NextAsync();
        MatPacket zeroAgain = await Mat.NextAsync();
        Assert.Equal((MessageType.CalibrateZero, 0), (zero.Type, zero.Payload.Length));
        Assert.Equal((MessageType.CalibrateZero, 0), (zeroAgain.Type, zeroAgain.Payload.Length));
        var gainMessage = new CalibrateGainMessage();
        Assert.Equal(MessageType.CalibrateGain, gain.Type);
        Assert.True(gainMessage.DecodePayload(gain.Payload, 0, gain.Payload.Length));
        Assert.Equal(20_000, gainMessage.KnownWeightGrams);
        // The display's sequence runs on from the Hello's answers: 0 was the Challenge, 1 the ack, commands follow without gaps.
        Assert.Equal([2u, 3u, 4u], new[] { zero.Sequence, gain.Sequence, zeroAgain.Sequence });

        await Mat.SendAckAsync(gain.Sequence, AckStatus.Busy);
        CommandAck ack = await Link.Sink.CommandAcks.NextAsync();
        Assert.Equal(new CommandAck(id, "calibrate-gain", "busy"), ack);
        Assert.False(ack.Ok);
    }

    [Fact]
    public async Task CommandsToAnAbsentMatOrWithBadValuesAreNotSent()
    {
        var none = CancellationToken.None;

        Assert.False(await Link.Commands.CalibrateZeroAsync(0x99, none));
        Assert.False(Link.Commands.Disconnect(0x99));
        Assert.False(await Link.Commands.CalibrateGainAsync(Mat.DeviceId, CalibrateGainMessage.MinKnownWeightGrams - 1, none));
        Assert.False(await Link.Commands.CalibrateGainAsync(Mat.DeviceId, CalibrateGainMessage.MaxKnownWeightGrams + 1, none));

        // Nothing went out: the next packet the mat sees is the one sent after all of the refusals.
        Assert.True(await Link.Commands.CalibrateZeroAsync(Mat.DeviceId, none));
        Assert.Equal(MessageType.CalibrateZero, (await Mat.NextAsync()).Type);
    }

    [Fact]
    public async Task DisconnectClosesTheMatsLink()
    {
        await Link.Sink.Hellos.NextAsync();

        Assert.True(Link.Commands.Disconnect(Mat.DeviceId));

        Assert.Null(await Mat.NextOrClosedAsync());
        Assert.Equal(Mat.DeviceId, await Link.Sink.Disconnects.NextAsync());
    }
}

public class ChallengeIsNoCommandTests
{
    [Fact]
    public async Task AnAckOfTheChallengeIsNotReportedAsACommandsAnswer()
    {
        // The Challenge (0x14) sits above the commands' type range but is the display's question, not a command:
        // nothing awaits an ack for it, so a mat acking it must not show up as a command's answer.
        await using var link = await LinkHarness.StartAsync();
        await using var mat = await FakeMat.ConnectAsync(link.Endpoint);
        await mat.SendHelloAsync();
        MatPacket challenge = await mat.NextAsync();
        await mat.SendHelloAsync(FakeMat.Proof(FakeMat.DefaultKey, mat.DeviceId, challenge.Challenge().Nonce));
        Assert.Equal(AckStatus.Ok, (await mat.NextAsync()).Ack().Status);
        await link.Sink.Hellos.NextAsync();

        await mat.SendAckAsync(challenge.Sequence, AckStatus.Ok);
        Assert.True(await link.Commands.CalibrateZeroAsync(mat.DeviceId, CancellationToken.None));
        MatPacket zero = await mat.NextAsync();
        await mat.SendAckAsync(zero.Sequence, AckStatus.Busy);

        Assert.Equal(new CommandAck(mat.DeviceId, "calibrate-zero", "busy"), await link.Sink.CommandAcks.NextAsync());
    }
}
