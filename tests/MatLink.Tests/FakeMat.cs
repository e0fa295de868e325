using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Kiosk.Mat.Pairing;
using Kiosk.Mat.Protocol;

namespace Kiosk.Display.MatLink.Tests;

/// <summary>A packet the fake mat received from the display, copied out of the decoder's buffer.</summary>
public sealed record MatPacket(MessageType Type, uint Sequence, byte[] Payload)
{
    public AckMessage Ack()
    {
        Assert.Equal(MessageType.Ack, Type);
        var ack = new AckMessage();
        Assert.True(ack.DecodePayload(Payload, 0, Payload.Length));
        return ack;
    }

    public ChallengeMessage Challenge()
    {
        Assert.Equal(MessageType.Challenge, Type);
        var challenge = new ChallengeMessage();
        Assert.True(challenge.DecodePayload(Payload, 0, Payload.Length));
        return challenge;
    }
}

/// <summary>
/// A mat over a real loopback TCP connection, written from the core's encoders and decoder only, so the listener is
/// tested against the bytes a device sends. It reads the display's packets on a background task into a queue.
/// </summary>
public sealed class FakeMat : IAsyncDisposable, IPacketSink
{
    public const long DefaultDeviceId = 0x24_0A_C4_12_34_56;

    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly Channel<MatPacket> _received = Channel.CreateUnbounded<MatPacket>();
    private readonly PacketDecoder _decoder;
    private readonly Task _reader;
    private readonly byte[] _wire = new byte[PacketFormat.MaxWireBytes(PacketFormat.MaxPacketBytes)];
    private uint _nextSequence;

    private FakeMat(TcpClient client, long deviceId)
    {
        _client = client;
        _stream = client.GetStream();
        DeviceId = deviceId;
        _decoder = new PacketDecoder(this, 1024);
        _reader = Task.Run(ReadAsync);
    }

    public long DeviceId { get; }

    /// <summary>Every result Ack received so far, in order (kept besides the queue for checks made from the sink).</summary>
    public int ResultAcksReceived => Volatile.Read(ref _resultAcks);

    private int _resultAcks;

    public static async Task<FakeMat> ConnectAsync(IPEndPoint display, long deviceId = DefaultDeviceId)
    {
        var client = new TcpClient();
        await Guard.Within(client.ConnectAsync(IPAddress.Loopback, display.Port));
        client.NoDelay = true;
        return new FakeMat(client, deviceId);
    }

    /// <summary>
    /// Connects, says Hello, answers the display's Challenge (if it sends one) with the proof over
    /// <paramref name="pairingKey"/> (<see cref="DefaultKey"/> by default), and returns the display's answer.
    /// </summary>
    public static async Task<(FakeMat Mat, AckMessage HelloAck)> ConnectAndHelloAsync(IPEndPoint display, long deviceId = DefaultDeviceId, byte[]? pairingKey = null)
    {
        var mat = await ConnectAsync(display, deviceId);
        uint helloSequence = await mat.SendHelloAsync();
        MatPacket answer = await mat.NextAsync();
        if (answer.Type == MessageType.Challenge)
        {
            ChallengeMessage challenge = answer.Challenge();
            Assert.Equal(helloSequence, challenge.HelloSequence);
            helloSequence = await mat.SendHelloAsync(Proof(pairingKey ?? DefaultKey, deviceId, challenge.Nonce));
            answer = await mat.NextAsync();
        }
        AckMessage ack = answer.Ack();
        Assert.Equal(helloSequence, ack.AckedSequence);
        return (mat, ack);
    }

    /// <summary>The key <see cref="LinkHarness"/> pairs <see cref="DefaultDeviceId"/> with.</summary>
    public static readonly byte[] DefaultKey = Convert.FromHexString("00112233445566778899aabbccddeeff");

    /// <summary>What a mat holding <paramref name="pairingKey"/> answers to <paramref name="nonce"/>, computed by the core.</summary>
    public static byte[] Proof(byte[] pairingKey, long deviceId, byte[] nonce)
    {
        var proof = new byte[PairingProof.ProofBytes];
        new PairingProof(pairingKey).Compute(deviceId, nonce, 0, proof, 0);
        return proof;
    }

    /// <summary>Says Hello; with a proof, as the answer to a Challenge (<see cref="HelloMessage.ProofHmacSha256"/>).</summary>
    public Task<uint> SendHelloAsync(byte[]? proof = null)
    {
        var hello = new HelloMessage
        {
            DeviceId = DeviceId,
            FirmwareMajor = 1,
            FirmwareMinor = 2,
            FirmwarePatch = 3,
            Rows = SampleScan.Mat.Rows,
            Cols = SampleScan.Mat.Cols,
            PitchUm = SampleScan.Mat.PitchUm,
            CalibrationId = 77,
        };
        if (proof != null)
        {
            hello.ProofKind = HelloMessage.ProofHmacSha256;
            hello.ProofLength = proof.Length;
            proof.CopyTo(hello.Proof, 0);
        }
        return SendAsync(MessageType.Hello, b => hello.EncodePayload(b, 0, b.Length));
    }

    public Task<uint> SendFrameAsync(uint capturedAtMs, int[] loadGrams)
    {
        var frame = new FrameMessage(0) { CapturedAtMs = capturedAtMs, Rows = SampleScan.Mat.Rows, Cols = SampleScan.Mat.Cols, LoadGrams = loadGrams };
        return SendAsync(MessageType.Frame, b => frame.EncodePayload(b, 0, b.Length));
    }

    public Task<uint> SendStatusAsync(uint uptimeSeconds)
    {
        var status = new StatusMessage
        {
            UptimeSeconds = uptimeSeconds,
            FreeMemoryBytes = 81920,
            FrameRateHzX10 = 125,
            DeadSenselCount = 2,
            RssiDbm = -61,
            OutboxPending = 1,
            FramesDropped = 4,
        };
        return SendAsync(MessageType.Status, b => status.EncodePayload(b, 0, b.Length));
    }

    public Task<uint> SendResultAsync(byte[] payload) => SendAsync(MessageType.Result, b => Copy(payload, b));

    /// <summary>Acks a command as the device does after carrying it out (or not).</summary>
    public Task<uint> SendAckAsync(uint commandSequence, AckStatus status)
    {
        var ack = new AckMessage { AckedSequence = commandSequence, Status = status };
        return SendAsync(MessageType.Ack, b => ack.EncodePayload(b, 0, b.Length));
    }

    /// <summary>Encodes a packet with the next sequence number; returns that sequence.</summary>
    public async Task<uint> SendAsync(MessageType type, Func<byte[], int> writePayload)
    {
        var payload = new byte[PacketFormat.MaxPayloadBytes];
        int length = writePayload(payload);
        Assert.True(length >= 0, "payload did not fit");
        uint sequence = _nextSequence++;
        int wireBytes = PacketFramer.Encode(type, sequence, payload, 0, length, _wire, 0);
        Assert.True(wireBytes > 0);
        await SendRawAsync(_wire.AsMemory(0, wireBytes));
        return sequence;
    }

    /// <summary>The wire bytes of a packet without sending it (to send part of it, or to corrupt it).</summary>
    public byte[] Encode(MessageType type, byte[] payload)
    {
        var wire = new byte[PacketFormat.MaxWireBytes(payload.Length + PacketFormat.HeaderBytes + PacketFormat.CrcBytes)];
        int wireBytes = PacketFramer.Encode(type, _nextSequence++, payload, 0, payload.Length, wire, 0);
        Assert.True(wireBytes > 0);
        return wire[..wireBytes];
    }

    public async Task SendRawAsync(ReadOnlyMemory<byte> bytes) => await Guard.Within(_stream.WriteAsync(bytes).AsTask());

    /// <summary>The next packet from the display; fails the test if none comes within the guard time.</summary>
    public async Task<MatPacket> NextAsync() => await Guard.Within(_received.Reader.ReadAsync().AsTask());

    /// <summary>The next packet, or null when the display closed the connection first.</summary>
    public async Task<MatPacket?> NextOrClosedAsync()
    {
        bool more = await Guard.Within(_received.Reader.WaitToReadAsync().AsTask());
        return more && _received.Reader.TryRead(out MatPacket? packet) ? packet : null;
    }

    /// <summary>Cuts the link as a Wi-Fi drop does: a reset, no orderly close, nothing more sent.</summary>
    public void Kill()
    {
        _client.LingerState = new LingerOption(true, 0);
        _client.Close();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _reader.WaitAsync(Guard.Timeout).ContinueWith(_ => { });
    }

    void IPacketSink.OnPacket(DecodedPacket packet)
    {
        var copy = new MatPacket(packet.Type, packet.Sequence, packet.Buffer.AsSpan(packet.PayloadOffset, packet.PayloadLength).ToArray());
        if (copy.Type == MessageType.Ack && copy.Ack().HasResultId)
        {
            Interlocked.Increment(ref _resultAcks);
        }
        _received.Writer.TryWrite(copy);
    }

    void IPacketSink.OnRejected(long streamOffset, long byteCount)
    {
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                int count = await _stream.ReadAsync(buffer);
                if (count == 0)
                {
                    break;
                }
                _decoder.Feed(buffer, 0, count);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
            // The test closed or killed the link.
        }
        finally
        {
            _received.Writer.TryComplete();
        }
    }

    private static int Copy(byte[] payload, byte[] buffer)
    {
        payload.CopyTo(buffer, 0);
        return payload.Length;
    }
}
