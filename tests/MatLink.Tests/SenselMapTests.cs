using Kiosk.Mat.SelfTest;

namespace Kiosk.Display.MatLink.Tests;

/// <summary>The self-test's sensel map reaches the technician page's sink; one that does not fit the mat's grid does not.</summary>
public class SenselMapTests : PairedMatTest
{
    [Fact]
    public async Task PairedMatsSenselMapIsDeliveredWithEachFaultAndItsKind()
    {
        var map = new SenselMapMessage(SampleScan.Mat.SenselCount) { Rows = SampleScan.Mat.Rows, Cols = SampleScan.Mat.Cols };
        map.Statuses[5] = (byte)SenselStatus.Stuck;
        map.Statuses[2 * SampleScan.Mat.Cols + 7] = (byte)SenselStatus.Dead;

        await Mat.SendAsync(MessageType.SenselMap, b => map.EncodePayload(b, 0, b.Length));

        MatSenselMap received = await Link.Sink.SenselMaps.NextAsync();
        Assert.Equal((FakeMat.DefaultDeviceId, SampleScan.Mat.Rows, SampleScan.Mat.Cols), (received.DeviceId, received.Rows, received.Cols));
        Assert.Equal([5, 2 * SampleScan.Mat.Cols + 7], received.FaultyIndices);
        Assert.Equal([(int)SenselStatus.Stuck, (int)SenselStatus.Dead], received.Statuses);
    }

    [Fact]
    public async Task MapOfAnotherGridOrFromAnUnacceptedMatIsDropped()
    {
        var wrongGrid = new SenselMapMessage(16 * 16) { Rows = 16, Cols = 16 };
        wrongGrid.Statuses[3] = (byte)SenselStatus.Dead;
        await Mat.SendAsync(MessageType.SenselMap, b => wrongGrid.EncodePayload(b, 0, b.Length));
        // A Status after it shows the link went on reading: the map was dropped, not merely slow.
        await Mat.SendStatusAsync(9);
        await Link.Sink.Statuses.NextAsync();
        Assert.False(Link.Sink.SenselMaps.Reader.TryRead(out _));

        await using var stranger = await FakeMat.ConnectAsync(Link.Endpoint, 0x77);
        var map = new SenselMapMessage(SampleScan.Mat.SenselCount) { Rows = SampleScan.Mat.Rows, Cols = SampleScan.Mat.Cols };
        await stranger.SendAsync(MessageType.SenselMap, b => map.EncodePayload(b, 0, b.Length));
        await stranger.SendHelloAsync();
        Assert.Equal(AckStatus.UnknownDevice, (await stranger.NextAsync()).Ack().Status);
        Assert.False(Link.Sink.SenselMaps.Reader.TryRead(out _));
    }
}
