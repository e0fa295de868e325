using Kiosk.Mat.Pairing;

namespace Kiosk.Display.MatLink.Tests;

public class PairingTests
{
    private const long StrangerId = 0x11_22_33_44_55_66;
    private static readonly byte[] StrangerKey = Convert.FromHexString("0f1e2d3c4b5a69788796a5b4c3d2e1f0");

    [Fact]
    public async Task UnpairedMatIsRefusedReportedWaitingAndClosedWithNothingDelivered()
    {
        await using var link = await LinkHarness.StartAsync(o => o.UnpairedLingerMs = 1000);
        link.Sink.ListWaiting = () => Task.Delay(300); // a store that takes its time to list the mat
        int[] loads = SampleScan.FrameLoads;
        byte[] result = SampleScan.ResultPayload(StrangerId, 1);
        var (mat, helloAck) = await FakeMat.ConnectAndHelloAsync(link.Endpoint, StrangerId);
        await using var _ = mat;

        Assert.Equal(AckStatus.UnknownDevice, helloAck.Status);
        Assert.False(helloAck.HasResultId);
        // Listed before it was told: whoever hears "not paired" finds the mat on the technician's page at once.
        Assert.True(link.Sink.WaitingForPairing.Reader.TryRead(out long waiting), "the refusal came before the mat was listed");
        Assert.Equal(StrangerId, waiting);

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
        Assert.DoesNotContain(StrangerId, link.Connected.DeviceIds);
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

        await link.Pairing.PairAsync(StrangerId, StrangerKey, CancellationToken.None);
        var (second, accepted) = await FakeMat.ConnectAndHelloAsync(link.Endpoint, StrangerId, StrangerKey);
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
        Assert.Equal((48, 48, 10000), (hello.Grid.Rows, hello.Grid.Cols, hello.Grid.PitchUm));
        Assert.Equal(77u, hello.CalibrationId);
        Assert.Contains(FakeMat.DefaultDeviceId, link.Connected.DeviceIds);
    }

    [Fact]
    public async Task DisconnectedPairedMatIsReportedAndNoLongerCommandable()
    {
        await using var link = await LinkHarness.StartAsync();
        var (mat, _) = await link.ConnectPairedMatAsync();
        await link.Sink.Hellos.NextAsync();

        await mat.DisposeAsync();

        Assert.Equal(FakeMat.DefaultDeviceId, await link.Sink.Disconnects.NextAsync());
        Assert.False(await link.Commands.CalibrateZeroAsync(FakeMat.DefaultDeviceId, CancellationToken.None));
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

    [Fact]
    public async Task PairedMatIsChallengedWithAFreshNonceOnEveryConnectionAndAcceptedOnlyAfterItsProof()
    {
        await using var link = await LinkHarness.StartAsync();
        var nonces = new List<string>();
        for (int connection = 0; connection < 2; connection++)
        {
            await using var mat = await FakeMat.ConnectAsync(link.Endpoint);
            uint helloSequence = await mat.SendHelloAsync();
            ChallengeMessage challenge = (await mat.NextAsync()).Challenge();
            Assert.Equal(helloSequence, challenge.HelloSequence);
            nonces.Add(Convert.ToHexString(challenge.Nonce));
            // Until the proof comes, nothing the mat sends is taken.
            await mat.SendResultAsync(SampleScan.ResultPayload(FakeMat.DefaultDeviceId, (uint)(10 + connection)));

            uint provedSequence = await mat.SendHelloAsync(FakeMat.Proof(FakeMat.DefaultKey, FakeMat.DefaultDeviceId, challenge.Nonce));

            AckMessage ack = (await mat.NextAsync()).Ack();
            Assert.Equal((provedSequence, AckStatus.Ok), (ack.AckedSequence, ack.Status));
            Assert.Equal(FakeMat.DefaultDeviceId, (await link.Sink.Hellos.NextAsync()).DeviceId);
        }
        Assert.Empty(link.Sink.Offered);
        Assert.NotEqual(nonces[0], nonces[1]);
        Assert.All(nonces, n => Assert.NotEqual(new string('0', 2 * PairingProof.NonceBytes), n));
    }

    [Fact]
    public async Task MatProvingAnotherKeyIsRefusedReportedAndClosedWithNothingDelivered()
    {
        await using var link = await LinkHarness.StartAsync(o => o.UnpairedLingerMs = 500);
        byte[] wrongKey = Convert.FromHexString("00112233445566778899aabbccddeefe");
        var (mat, helloAck) = await FakeMat.ConnectAndHelloAsync(link.Endpoint, pairingKey: wrongKey);
        await using var _ = mat;

        Assert.Equal(AckStatus.BadProof, helloAck.Status);
        Assert.Equal(FakeMat.DefaultDeviceId, await link.Sink.KeyRefused.NextAsync());
        try
        {
            await mat.SendResultAsync(SampleScan.ResultPayload(FakeMat.DefaultDeviceId, 1));
        }
        catch (IOException)
        {
            // The linger may already be over on a loaded machine.
        }
        Assert.Null(await mat.NextOrClosedAsync());
        Assert.Empty(link.Sink.Offered);
        Assert.False(link.Sink.Hellos.Reader.TryRead(out MatHello? _));
        Assert.DoesNotContain(FakeMat.DefaultDeviceId, link.Connected.DeviceIds);
    }

    [Fact]
    public async Task ProofRecordedOnAnEarlierConnectionIsWorthNothingOnTheNext()
    {
        await using var link = await LinkHarness.StartAsync(o => o.UnpairedLingerMs = 0);
        byte[] recordedProof;
        await using (var first = await FakeMat.ConnectAsync(link.Endpoint))
        {
            await first.SendHelloAsync();
            recordedProof = FakeMat.Proof(FakeMat.DefaultKey, FakeMat.DefaultDeviceId, (await first.NextAsync()).Challenge().Nonce);
            await first.SendHelloAsync(recordedProof);
            Assert.Equal(AckStatus.Ok, (await first.NextAsync()).Ack().Status);
        }

        // An impostor with the recorded bytes but not the key: offered unasked, the proof only earns a new challenge,
        // and offered as the answer to that challenge it is wrong.
        await using var impostor = await FakeMat.ConnectAsync(link.Endpoint);
        await impostor.SendHelloAsync(recordedProof);
        Assert.Equal(MessageType.Challenge, (await impostor.NextAsync()).Type);
        uint replayed = await impostor.SendHelloAsync(recordedProof);
        AckMessage ack = (await impostor.NextAsync()).Ack();
        Assert.Equal((replayed, AckStatus.BadProof), (ack.AckedSequence, ack.Status));
    }

    [Fact]
    public async Task MatThatNeverAnswersTheChallengeIsClosedUnaccepted()
    {
        await using var link = await LinkHarness.StartAsync(o => o.ProofTimeoutMs = 300);
        await using var mat = await FakeMat.ConnectAsync(link.Endpoint);
        await mat.SendHelloAsync();
        Assert.Equal(MessageType.Challenge, (await mat.NextAsync()).Type);

        // Status keeps the link busy but proves nothing: the display still closes it.
        for (int i = 0; i < 3; i++)
        {
            try
            {
                await mat.SendStatusAsync((uint)i);
            }
            catch (IOException)
            {
                break;
            }
            await Task.Delay(150);
        }
        Assert.Null(await mat.NextOrClosedAsync());
        Assert.False(link.Sink.Hellos.Reader.TryRead(out MatHello? _));
        Assert.False(link.Sink.Statuses.Reader.TryRead(out MatStatus? _));
    }

    [Fact]
    public async Task UnpairingForgetsTheKey()
    {
        await using var link = await LinkHarness.StartAsync(o => o.UnpairedLingerMs = 0);
        await link.Pairing.UnpairAsync(FakeMat.DefaultDeviceId, CancellationToken.None);

        var (mat, helloAck) = await FakeMat.ConnectAndHelloAsync(link.Endpoint);
        await using var _ = mat;

        Assert.Equal(AckStatus.UnknownDevice, helloAck.Status);
        Assert.Null(await link.Pairing.PairingKeyOfAsync(FakeMat.DefaultDeviceId, CancellationToken.None));
    }

    private sealed class UnavailableRegistry : IPairingRegistry
    {
        public ValueTask<byte[]?> PairingKeyOfAsync(long deviceId, CancellationToken cancellationToken) =>
            throw new IOException("database unavailable");

        public Task PairAsync(long deviceId, byte[] pairingKey, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task UnpairAsync(long deviceId, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
