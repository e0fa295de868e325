using Kiosk.Mat.Host.Json;
using Kiosk.Mat.Host.Protocol;

namespace Kiosk.Display.MatLink.Tests;

public class DeliveryTests : PairedMatTest
{
    [Fact]
    public async Task PairedMatsFrameStatusAndResultReachTheSinkIntact()
    {
        int[] loads = SampleScan.FrameLoads;

        await Mat.SendFrameAsync(123456, loads);
        await Mat.SendStatusAsync(3600);
        uint resultSequence = await Mat.SendResultAsync(SampleScan.ResultPayload(Mat.DeviceId, 42));

        AckMessage ack = (await Mat.NextAsync()).Ack();
        Assert.Equal(resultSequence, ack.AckedSequence);
        Assert.Equal(AckStatus.Ok, ack.Status);
        Assert.True(ack.HasResultId);
        Assert.Equal((Mat.DeviceId, 42u), (ack.DeviceId, ack.ResultCounter));

        ScanResult result = Assert.Single(Link.Sink.Stored.Values);
        Assert.Equal(PacketJson.ResultId(Mat.DeviceId, 42), result.ResultId);
        Assert.Equal("240ac4123456-42", result.ResultId);
        Assert.Equal(AnalysisReport.From(SampleScan.Analysis).ToJson(), result.Report.ToJson());
        Assert.Equal("240ac4123456", result.DeviceId);
        // The Result carries the still window summed; the record holds the window's mean, as pages show it.
        Assert.Equal((48, 48, 10.0), (result.Summed.Rows, result.Summed.Cols, result.Summed.PitchMm));
        Assert.Equal(SampleScan.FrameLoads, result.Summed.LoadGrams);

        MatStatus status = await Link.Sink.Statuses.NextAsync();
        Assert.Equal((3600u, 81920u, 12.5, 2, -61, 1, false, 4u),
            (status.UptimeSeconds, status.FreeMemoryBytes, status.FrameRateHz, status.DeadSensels, status.RssiDbm, status.OutboxPending, status.OutboxFull, status.FramesDroppedOnDevice));

        await Guard.Until(() => !Link.Sink.Frames.IsEmpty, "the frame reached the sink");
        LiveFrame frame = Assert.Single(Link.Sink.Frames);
        Assert.Equal((123456u, "240ac4123456"), (frame.DeviceClockMs, frame.DeviceId));
        Assert.Equal((48, 48, 10.0), (frame.Grid.Rows, frame.Grid.Cols, frame.Grid.PitchMm));
        Assert.Equal(loads, frame.Grid.LoadGrams);
    }

    [Fact]
    public async Task MalformedResultWithAReadableIdIsAckedAsBadValueAndNotStored()
    {
        byte[] payload = SampleScan.ResultPayload(Mat.DeviceId, 9);
        byte[] truncated = payload[..(ResultMessage.FixedPayloadBytes - 1)];

        uint sequence = await Mat.SendResultAsync(truncated);

        AckMessage ack = (await Mat.NextAsync()).Ack();
        Assert.Equal((sequence, AckStatus.BadValue, true, 9u), (ack.AckedSequence, ack.Status, ack.HasResultId, ack.ResultCounter));
        Assert.Empty(Link.Sink.Offered);
    }

    [Fact]
    public async Task ResultOfAnotherDeviceIsNeitherStoredNorAcked()
    {
        await Mat.SendResultAsync(SampleScan.ResultPayload(0x0BAD_0BAD_0BAD, 1));
        uint own = await Mat.SendResultAsync(SampleScan.ResultPayload(Mat.DeviceId, 2));

        // Handled in order: had the foreign result been acked, that ack would come first.
        AckMessage ack = (await Mat.NextAsync()).Ack();
        Assert.Equal((own, 2u), (ack.AckedSequence, ack.ResultCounter));
        Assert.Equal(["240ac4123456-2"], Link.Sink.Stored.Keys);
    }

    [Fact]
    public async Task ResultWhoseSummedFrameIsLargerThanTheHellosGridIsStillStored()
    {
        var message = new ResultMessage(64 * 64) { DeviceId = Mat.DeviceId, ResultCounter = 8, HasSummedFrame = true, Rows = 64, Cols = 64 };
        message.SummedLoadGrams[64 * 64 - 1] = 1234;
        var payload = new byte[ResultMessage.MaxPayloadBytes(64 * 64)];
        int length = message.EncodePayload(payload, 0, payload.Length);

        await Mat.SendResultAsync(payload[..length]);

        AckMessage ack = (await Mat.NextAsync()).Ack();
        Assert.Equal((AckStatus.Ok, 8u), (ack.Status, ack.ResultCounter));
        MatGrid summed = Link.Sink.Stored["240ac4123456-8"].Summed;
        Assert.Equal((64, 64, 1234), (summed.Rows, summed.Cols, summed.LoadGrams[^1]));
    }
}
