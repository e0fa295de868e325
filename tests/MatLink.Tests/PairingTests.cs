using Kiosk.Mat.Protocol;

namespace Kiosk.Display.MatLink.Tests;

public class PairingTests
{
    private const long StrangerId = 0x11_22_33_44_55_66;

    [Fact]
    public async Task UnpairedMatIsRefusedReportedWaitingAndClosedWithNothingDelivered()
    {
        await using var link = await LinkHarness.StartAsync(o => o.UnpairedLingerMs = 1000);
        int[] loads = SampleScan.FrameLoads;
        byte[] result = SampleScan.ResultPayload(StrangerId, 1);
        var (mat, helloAck) = await FakeMat.ConnectAndHelloAsync(link.Endpoint, StrangerId);
        await using var _ = mat;

        Assert.Equal(AckStatus.UnknownDevice, helloAck.Status);
        Assert.False(helloAck.HasResultId);
        Assert.Equal(StrangerId, await link.Sink.WaitingForPairing.NextAsync());

        try
        {
            await mat.SendFrameAsync(1, loads);
            await mat.SendStatusAsync(5);
            await mat.SendResultAsync(result);
        }
        catch (IOException)
        {
            // On a loaded machine the linger can end before the mat is done sending; what matters is below.
        }

        // The display closes the refused link; until then it sent nothing more: no result was acked, so the mat keeps it.
        Assert.Null(await mat.NextOrClosedAsync());
        Assert.Empty(link.Sink.Offered);
        Assert.Empty(link.Sink.Frames);
        Assert.False(link.Sink.Statuses.Reader.TryRead(out MatStatus? _));
        Assert.False(link.Sink.Hellos.Reader.TryRead(out MatHello? _));
        Assert.DoesNotContain(StrangerId, link.Commands.ConnectedDevices);
    }

    [Fact]
    public async Task MatPairedAfterARefusalIsAcceptedOnItsNextConnection()
    {
        await using var link = await LinkHarness.StartAsync(o => o.UnpairedLingerMs = 0);
        var (first, refused) = await FakeMat.ConnectAndHelloAsync(link.Endpoint, StrangerId);
        await using (first)
        {
            Assert.Equal(AckStatus.UnknownDevice, refused.Status);
        }

        await link.Pairing.PairAsync(StrangerId, CancellationToken.None);
        var (second, accepted) = await FakeMat.ConnectAndHelloAsync(link.Endpoint, StrangerId);
        await using var _ = second;

        Assert.Equal(AckStatus.Ok, accepted.Status);
        Assert.Equal(StrangerId, (await link.Sink.Hellos.NextAsync()).DeviceId);
    }

    [Fact]
    public async Task PairedMatIsAcceptedWithItsGeometryAndFirmware()
    {
        await using var link = await LinkHarness.StartAsync();
        var (mat, helloAck) = await link.ConnectPairedMatAsync();
        await using var _ = mat;

        Assert.Equal(AckStatus.Ok, helloAck.Status);
        MatHello hello = await link.Sink.Hellos.NextAsync();
        Assert.Equal(FakeMat.DefaultDeviceId, hello.DeviceId);
        Assert.Equal("240ac4123456", hello.DeviceIdText);
        Assert.Equal("1.2.3", hello.FirmwareVersion);
        Assert.Equal(new MatGrid(48, 48, 10000), hello.Grid);
        Assert.Equal(77u, hello.CalibrationId);
        Assert.Contains(FakeMat.DefaultDeviceId, link.Commands.ConnectedDevices);
    }

    [Fact]
    public async Task DisconnectedPairedMatIsReportedAndNoLongerCommandable()
    {
        await using var link = await LinkHarness.StartAsync();
        var (mat, _) = await link.ConnectPairedMatAsync();
        await link.Sink.Hellos.NextAsync();

        await mat.DisposeAsync();

        Assert.Equal(FakeMat.DefaultDeviceId, await link.Sink.Disconnects.NextAsync());
        Assert.False(await link.Commands.RebootAsync(FakeMat.DefaultDeviceId, CancellationToken.None));
    }

    [Fact]
    public async Task RegistryOutageClosesTheLinkWithoutAnAnswerSoTheMatRetries()
    {
        await using var link = await LinkHarness.StartAsync(registry: new UnavailableRegistry());
        await using var mat = await FakeMat.ConnectAsync(link.Endpoint);

        await mat.SendHelloAsync();

        // Neither accepted nor refused: the mat learns nothing false and keeps its results for the next connection.
        Assert.Null(await mat.NextOrClosedAsync());
        Assert.False(link.Sink.WaitingForPairing.Reader.TryRead(out long _));
        Assert.False(link.Sink.Hellos.Reader.TryRead(out MatHello? _));
    }

    private sealed class UnavailableRegistry : IPairingRegistry
    {
        public ValueTask<bool> IsPairedAsync(long deviceId, CancellationToken cancellationToken) =>
            throw new IOException("database unavailable");

        public Task PairAsync(long deviceId, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task UnpairAsync(long deviceId, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
