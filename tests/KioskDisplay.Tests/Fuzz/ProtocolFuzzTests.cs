using CsCheck;
using Kiosk.Display.MatLink.Tests;
using Kiosk.Tests.Fuzz;
using Microsoft.Extensions.Logging;

namespace Kiosk.Display.Tests.Fuzz;

/// <summary>
/// The mat protocol as the display receives it, over loopback TCP into the real display (MatLink, the feed, the
/// store): a stranger's bytes and packets before any key is proved, and a paired mat's packets of every type with
/// payloads changed or made up. The display never logs an error, always answers the next good result with its Ack
/// (or closes the link), and stays open to a good mat afterwards. Each message's decoder also gets many more cases
/// on its own (no network).
/// </summary>
public sealed class ProtocolFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly KioskServer server = new(settings: new() { ["MatLink:UnpairedLingerMs"] = "50", ["MatLink:ProofTimeoutMs"] = "1000" });
    private System.Net.IPEndPoint display = null!;

    public async Task InitializeAsync()
    {
        server.StartServer();
        display = await server.MatEndpointAsync();
        await server.Get<IPairingRegistry>().PairAsync(FakeMat.DefaultDeviceId, FakeMat.DefaultKey, CancellationToken.None);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private static byte[] Encoded(Func<byte[], int> encode)
    {
        var buffer = new byte[PacketFormat.MaxPayloadBytes];
        return buffer[..encode(buffer)];
    }

    /// <summary>A valid payload of each type a mat sends, to change in a few places.</summary>
    private static readonly (MessageType Type, byte[] Payload)[] Samples =
    [
        (MessageType.Hello, Encoded(b => new HelloMessage { DeviceId = FakeMat.DefaultDeviceId, FirmwareMajor = 1, Rows = 48, Cols = 48, PitchUm = 10000 }.EncodePayload(b, 0, b.Length))),
        (MessageType.Frame, Encoded(b => new FrameMessage(0) { CapturedAtMs = 5, Rows = 48, Cols = 48, LoadGrams = SampleScan.FrameLoads }.EncodePayload(b, 0, b.Length))),
        (MessageType.Result, SampleScan.ResultPayload(FakeMat.DefaultDeviceId, 7)),
        (MessageType.Status, Encoded(b => new StatusMessage { UptimeSeconds = 9, FreeMemoryBytes = 80000, FrameRateHzX10 = 125, RssiDbm = -60 }.EncodePayload(b, 0, b.Length))),
        (MessageType.SenselMap, Encoded(b => new SenselMapMessage(48 * 48) { Rows = 48, Cols = 48 }.EncodePayload(b, 0, b.Length))),
        (MessageType.Ack, Encoded(b => new AckMessage { AckedSequence = 1, Status = 0 }.EncodePayload(b, 0, b.Length))),
    ];

    private sealed record Change(int Kind, int Where, byte Value);

    private static readonly Gen<byte[]> Payload = Gen.Frequency(
        (4, Gen.Select(Gen.Int[0, Samples.Length - 1], Gen.Select(Gen.Int[0, 3], Gen.Int[0, int.MaxValue], Gen.Byte, (k, w, v) => new Change(k, w, v)).Array[1, 6])
            .Select((sample, changes) => Changed(Samples[sample].Payload, changes))),
        (1, Gen.Byte.Array[0, 64]),
        (1, Gen.Byte.Array[0, 3000]));

    private static byte[] Changed(byte[] payload, Change[] changes)
    {
        var bytes = payload.ToList();
        foreach (Change change in changes)
        {
            int at = bytes.Count == 0 ? 0 : change.Where % bytes.Count;
            switch (change.Kind)
            {
                case 0 when bytes.Count > 0: bytes[at] ^= (byte)(1 << (change.Value & 7)); break;
                case 1: bytes.Insert(at, change.Value); break;
                case 2 when bytes.Count > 0: bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + change.Value % 64)); break;
                case 3 when bytes.Count > 0: bytes[at] = change.Value; break;
            }
        }
        return [.. bytes];
    }

    /// <summary>A packet of a type a mat sends (mostly) or any type, with a changed or made-up payload.</summary>
    private static readonly Gen<(MessageType Type, byte[] Payload)> Packet = Gen.Select(
        Gen.Frequency((5, Gen.Int[0, Samples.Length - 1].Select(i => Samples[i].Type)), (1, Gen.Byte.Select(b => (MessageType)b))), Payload);

    [Fact]
    public void EveryMessageDecoderTakesAnyPayloadWithoutThrowing()
    {
        var decoders = new EveryMessageDecoder(PacketFormat.MaxPayloadBytes);
        FuzzRun.Cases(output, "protocol messages (every decoder)", Payload, 20_000, decoders.DecodeAll, Convert.ToHexString);
    }

    [Fact]
    public async Task AStrangersBytesAndPacketsNeverHurtTheDisplay()
    {
        // Raw bytes (zeros end a packet), or well-framed packets of any type with any payload, from an unknown mat.
        var chunk = Gen.Frequency(
            (1, Gen.Frequency((3, Gen.Byte), (1, Gen.Const((byte)0))).Array[1, 400]),
            (2, Packet.Select(p => Frame(p.Type, p.Payload))));
        await FuzzRun.CasesAsync(output, "protocol (a stranger over TCP)", Gen.Select(Gen.Long[0, 0xFFFF_FFFF_FFFF], chunk.Array[1, 6]), 300, async c =>
        {
            await using var stranger = await FakeMat.ConnectAsync(display, c.Item1);
            foreach (byte[] bytes in c.Item2)
            {
                try
                {
                    await stranger.SendRawAsync(bytes);
                }
                catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
                {
                    return; // the display closed the link: a refused stranger's linger is short here
                }
            }
        }, c => $"id {c.Item1:x12}: " + string.Join(" | ", c.Item2.Select(Convert.ToHexString)));

        await AGoodMatIsStillServedAsync(2_000_000);
        AssertNothingLoggedAsAnError();
    }

    [Fact]
    public async Task APairedMatsChangedPacketsNeverHurtTheDisplay()
    {
        int cases = 0;
        await FuzzRun.CasesAsync(output, "protocol (a paired mat over TCP)", Packet.Array[1, 6], 200, async packets =>
        {
            uint marker = (uint)(1_000_000 + Interlocked.Increment(ref cases));
            var (mat, helloAck) = await FakeMat.ConnectAndHelloAsync(display);
            await using var _ = mat;
            Assert.Equal(AckStatus.Ok, helloAck.Status);
            try
            {
                foreach (var (type, payload) in packets)
                {
                    await mat.SendRawAsync(Frame(type, payload));
                }
                // A good result after them: it is acked, or the display closed the link on what came before.
                uint sent = await mat.SendResultAsync(SampleScan.ResultPayload(FakeMat.DefaultDeviceId, marker));
                while (await mat.NextOrClosedAsync() is { } answer)
                {
                    if (answer.Type == MessageType.Ack && answer.Ack() is { HasResultId: true } ack && ack.AckedSequence == sent)
                    {
                        Assert.Equal(marker, ack.ResultCounter);
                        break;
                    }
                }
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
            {
                // The display closed the link while the mat was still writing: a clear end, not a failure.
            }
        }, packets => string.Join(" | ", packets.Select(p => $"type {p.Type}: {Convert.ToHexString(p.Payload)}")));

        await AGoodMatIsStillServedAsync(3_000_000);
        AssertNothingLoggedAsAnError();
    }

    private static byte[] Frame(MessageType type, byte[] payload)
    {
        if (payload.Length > PacketFormat.MaxPayloadBytes) payload = payload[..PacketFormat.MaxPayloadBytes];
        var wire = new byte[PacketFormat.MaxWireBytes(payload.Length + PacketFormat.HeaderBytes + PacketFormat.CrcBytes)];
        int length = PacketFramer.Encode(type, 1, payload, 0, payload.Length, wire, 0);
        Assert.True(length > 0);
        return wire[..length];
    }

    private async Task AGoodMatIsStillServedAsync(uint counter)
    {
        var (mat, helloAck) = await FakeMat.ConnectAndHelloAsync(display);
        await using var _ = mat;
        Assert.Equal(AckStatus.Ok, helloAck.Status);
        uint sent = await mat.SendResultAsync(SampleScan.ResultPayload(FakeMat.DefaultDeviceId, counter));
        MatPacket answer;
        do
        {
            answer = await mat.NextAsync();
        }
        while (!(answer.Type == MessageType.Ack && answer.Ack().AckedSequence == sent));
        Assert.NotNull(await server.Get<IScanStore>().GetScanAsync($"{FakeMat.DefaultDeviceId:x12}-{counter}"));
    }

    private void AssertNothingLoggedAsAnError()
    {
        // An error with an exception is one nobody handled; a mat's malformed result is logged as an error on purpose, without one.
        var errors = server.Logs.Entries.Where(e => e.Level >= LogLevel.Error && e.Exception is not null).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(5).Select(e => $"{e.Category}: {e.Message} {e.Exception}")));
    }
}
