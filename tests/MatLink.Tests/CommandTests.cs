using Kiosk.Mat.Protocol;

namespace Kiosk.Display.MatLink.Tests;

public class CommandTests
{
    [Fact]
    public async Task CommandsReachTheMatDecodedWithTheConnectionsSequence()
    {
        await using var link = await LinkHarness.StartWithMatAsync();
        var mat = link.Mat;
        var helloAck = link.HelloAck;
        await link.Sink.Hellos.NextAsync();
        long id = mat.DeviceId;
        var none = CancellationToken.None;

        Assert.True(await link.Commands.CalibrateZeroAsync(id, none));
        Assert.True(await link.Commands.CalibrateGainAsync(id, 20_000, none));
        Assert.True(await link.Commands.CalibrateZeroAsync(id, none));

        MatPacket zero = await mat.NextAsync();
        MatPacket gain = await mat.NextAsync();
        MatPacket zeroAgain = await mat.NextAsync();
        Assert.Equal((MessageType.CalibrateZero, 0), (zero.Type, zero.Payload.Length));
        Assert.Equal((MessageType.CalibrateZero, 0), (zeroAgain.Type, zeroAgain.Payload.Length));
        var gainMessage = new CalibrateGainMessage();
        Assert.Equal(MessageType.CalibrateGain, gain.Type);
        Assert.True(gainMessage.DecodePayload(gain.Payload, 0, gain.Payload.Length));
        Assert.Equal(20_000, gainMessage.KnownWeightGrams);
        // The display's sequence runs on from the Hello's answers: 0 was the Challenge, 1 the ack, commands follow without gaps.
        Assert.Equal([2u, 3u, 4u], new[] { zero.Sequence, gain.Sequence, zeroAgain.Sequence });

        await mat.SendAckAsync(gain.Sequence, AckStatus.Busy);
        CommandAck ack = await link.Sink.CommandAcks.NextAsync();
        Assert.Equal(new CommandAck(id, "calibrate-gain", "busy"), ack);
        Assert.False(ack.Ok);
    }

    [Fact]
    public async Task CommandsToAnAbsentMatOrWithBadValuesAreNotSent()
    {
        await using var link = await LinkHarness.StartWithMatAsync();
        var mat = link.Mat;
        var none = CancellationToken.None;

        Assert.False(await link.Commands.CalibrateZeroAsync(0x99, none));
        Assert.False(link.Commands.Disconnect(0x99));
        Assert.False(await link.Commands.CalibrateGainAsync(mat.DeviceId, CalibrateGainMessage.MinKnownWeightGrams - 1, none));
        Assert.False(await link.Commands.CalibrateGainAsync(mat.DeviceId, CalibrateGainMessage.MaxKnownWeightGrams + 1, none));

        // Nothing went out: the next packet the mat sees is the one sent after all of the refusals.
        Assert.True(await link.Commands.CalibrateZeroAsync(mat.DeviceId, none));
        Assert.Equal(MessageType.CalibrateZero, (await mat.NextAsync()).Type);
    }

    [Fact]
    public async Task DisconnectClosesTheMatsLink()
    {
        await using var link = await LinkHarness.StartWithMatAsync();
        var mat = link.Mat;
        await link.Sink.Hellos.NextAsync();

        Assert.True(link.Commands.Disconnect(mat.DeviceId));

        Assert.Null(await mat.NextOrClosedAsync());
        Assert.Equal(mat.DeviceId, await link.Sink.Disconnects.NextAsync());
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
