using System.Net.Sockets;
using Kiosk.Mat.Pairing;
using Kiosk.Mat.Protocol;

namespace Kiosk.LoadTest;

/// <summary>
/// One mat as the firmware behaves on the wire: Hello, the proof over its pairing key, then frames at a fixed rate
/// and a result every so often. Results wait in an outbox until the display acks them and are all sent again after
/// each reconnect (the display down, the link cut), as the ESP32 app's outbox does; a new result never reuses a counter.
/// </summary>
public sealed class LoadMat(long deviceId, byte[] pairingKey, ScanPayloads payloads, int port) : IPacketSink
{
    public long DeviceId { get; } = deviceId;

    private readonly object _gate = new();
    private readonly SortedDictionary<uint, byte[]> _outbox = [];
    private readonly HashSet<uint> _acked = [];
    private readonly Dictionary<uint, uint> _counterOfSequence = [];
    private readonly byte[] _wire = new byte[PacketFormat.MaxWireBytes(PacketFormat.MaxPacketBytes)];
    private uint _nextCounter = 1;
    private uint _nextSequence;
    private TaskCompletionSource<DecodedReply> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long FramesSent;
    public long ResultsMade;
    public long ResultsSent;
    public long AcksAgain;
    public int Connections;

    public IReadOnlyCollection<uint> Acked
    {
        get { lock (_gate) return [.. _acked]; }
    }

    public int Unacked
    {
        get { lock (_gate) return _outbox.Count; }
    }

    private sealed record DecodedReply(MessageType Type, uint Sequence, byte[] Payload);

    /// <summary>
    /// Sends until <paramref name="produceUntil"/> (frames at <paramref name="framesPerSecond"/>, a result every
    /// <paramref name="resultEveryMs"/>), then only until its outbox is empty or <paramref name="stop"/> fires.
    /// </summary>
    public async Task RunAsync(int framesPerSecond, int resultEveryMs, CancellationToken produceUntil, CancellationToken stop)
    {
        // Shoppers keep stepping on whether the display is there or not: results are made on their own clock.
        var producing = ProduceAsync(resultEveryMs, produceUntil);
        await LinkAsync(framesPerSecond, produceUntil, stop);
        await producing;
    }

    private async Task ProduceAsync(int resultEveryMs, CancellationToken produceUntil)
    {
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(resultEveryMs));
        try
        {
            while (await tick.WaitForNextTickAsync(produceUntil))
            {
                uint counter = _nextCounter++;
                byte[] result = payloads.Result(DeviceId, counter);
                lock (_gate) _outbox[counter] = result;
                Interlocked.Increment(ref ResultsMade);
            }
        }
        catch (OperationCanceledException)
        {
            // the run's time is up
        }
    }

    private async Task LinkAsync(int framesPerSecond, CancellationToken produceUntil, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested && !(produceUntil.IsCancellationRequested && Unacked == 0))
        {
            try
            {
                using var client = new TcpClient { NoDelay = true };
                await client.ConnectAsync("127.0.0.1", port, stop);
                var stream = client.GetStream();
                using var linkDown = CancellationTokenSource.CreateLinkedTokenSource(stop);
                var reader = Task.Run(() => ReadAsync(stream, linkDown.Token));
                try
                {
                    if (await HelloAsync(stream, stop))
                    {
                        Interlocked.Increment(ref Connections);
                        await SendLoopAsync(stream, framesPerSecond, produceUntil, stop);
                    }
                }
                finally
                {
                    linkDown.Cancel();
                    client.Close();
                    await reader.ContinueWith(_ => { });
                }
            }
            catch (Exception e) when (e is IOException or SocketException or TimeoutException or ObjectDisposedException)
            {
                // the display is down or cut the link: dial again, as the firmware does
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            if (!stop.IsCancellationRequested) await Task.Delay(500, stop).ContinueWith(_ => { });
        }
    }

    private async Task<bool> HelloAsync(NetworkStream stream, CancellationToken stop)
    {
        var hello = new HelloMessage
        {
            DeviceId = DeviceId, FirmwareMajor = 1, FirmwareMinor = 0, FirmwarePatch = 0,
            Rows = ScanPayloads.Mat.Rows, Cols = ScanPayloads.Mat.Cols, PitchUm = ScanPayloads.Mat.PitchUm, CalibrationId = 1,
        };
        var reply = NextReply();
        await SendAsync(stream, MessageType.Hello, Encode(b => hello.EncodePayload(b, 0, b.Length)), stop);
        var answer = await reply.WaitAsync(TimeSpan.FromSeconds(15), stop);
        if (answer.Type == MessageType.Challenge)
        {
            var challenge = new ChallengeMessage();
            if (!challenge.DecodePayload(answer.Payload, 0, answer.Payload.Length)) return false;
            var proof = new byte[PairingProof.ProofBytes];
            new PairingProof(pairingKey).Compute(DeviceId, challenge.Nonce, 0, proof, 0);
            hello.ProofKind = HelloMessage.ProofHmacSha256;
            hello.ProofLength = proof.Length;
            proof.CopyTo(hello.Proof, 0);
            reply = NextReply();
            await SendAsync(stream, MessageType.Hello, Encode(b => hello.EncodePayload(b, 0, b.Length)), stop);
            answer = await reply.WaitAsync(TimeSpan.FromSeconds(15), stop);
        }
        var ack = new AckMessage();
        return answer.Type == MessageType.Ack && ack.DecodePayload(answer.Payload, 0, answer.Payload.Length) && ack.Status == AckStatus.Ok;
    }

    private Task<DecodedReply> NextReply()
    {
        lock (_gate)
        {
            _reply = new TaskCompletionSource<DecodedReply>(TaskCreationOptions.RunContinuationsAsynchronously);
            return _reply.Task;
        }
    }

    private async Task SendLoopAsync(NetworkStream stream, int framesPerSecond, CancellationToken produceUntil, CancellationToken stop)
    {
        // Every result not yet acked goes on each new link, oldest first; then each new one as it is made.
        uint sentUpTo = 0;
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(1000.0 / framesPerSecond));
        while (!stop.IsCancellationRequested)
        {
            KeyValuePair<uint, byte[]>[] toSend;
            lock (_gate) toSend = [.. _outbox.Where(r => r.Key > sentUpTo)];
            foreach (var (counter, payload) in toSend)
            {
                await SendResultAsync(stream, counter, payload, stop);
                sentUpTo = counter;
            }
            if (produceUntil.IsCancellationRequested)
            {
                if (Unacked == 0) return;
                await Task.Delay(50, stop);
                continue;
            }
            await tick.WaitForNextTickAsync(stop);
            await SendAsync(stream, MessageType.Frame, payloads.Frame((uint)Environment.TickCount64), stop);
            Interlocked.Increment(ref FramesSent);
        }
    }

    private async Task SendResultAsync(NetworkStream stream, uint counter, byte[] payload, CancellationToken stop)
    {
        lock (_gate) _counterOfSequence[_nextSequence] = counter;
        await SendAsync(stream, MessageType.Result, payload, stop);
        Interlocked.Increment(ref ResultsSent);
    }

    private async Task SendAsync(NetworkStream stream, MessageType type, byte[] payload, CancellationToken stop)
    {
        int length;
        lock (_gate)
        {
            length = PacketFramer.Encode(type, _nextSequence++, payload, 0, payload.Length, _wire, 0);
        }
        if (length <= 0) throw new InvalidOperationException($"a packet of type {type} did not fit");
        await stream.WriteAsync(_wire.AsMemory(0, length), stop);
    }

    private static byte[] Encode(Func<byte[], int> encode)
    {
        var buffer = new byte[PacketFormat.MaxPayloadBytes];
        return buffer[..encode(buffer)];
    }

    private async Task ReadAsync(NetworkStream stream, CancellationToken token)
    {
        var decoder = new PacketDecoder(this, 4096);
        var buffer = new byte[4096];
        try
        {
            while (!token.IsCancellationRequested)
            {
                int count = await stream.ReadAsync(buffer, token);
                if (count == 0) break;
                decoder.Feed(buffer, 0, count);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // the link ended
        }
        lock (_gate) _reply.TrySetException(new IOException("the link ended"));
    }

    void IPacketSink.OnPacket(DecodedPacket packet)
    {
        var payload = packet.Buffer.AsSpan(packet.PayloadOffset, packet.PayloadLength).ToArray();
        var ack = new AckMessage();
        if (packet.Type == MessageType.Ack && ack.DecodePayload(payload, 0, payload.Length) && ack.HasResultId)
        {
            lock (_gate)
            {
                if (ack.Status == AckStatus.Ok && ack.DeviceId == DeviceId)
                {
                    _outbox.Remove(ack.ResultCounter);
                    if (!_acked.Add(ack.ResultCounter)) AcksAgain++;
                }
            }
            return;
        }
        lock (_gate) _reply.TrySetResult(new DecodedReply(packet.Type, packet.Sequence, payload));
    }

    void IPacketSink.OnRejected(long streamOffset, long byteCount)
    {
    }
}
