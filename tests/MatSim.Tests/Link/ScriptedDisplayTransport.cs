using Kiosk.Mat.Link;
using Kiosk.Mat.Pairing;

namespace Kiosk.Mat.Simulation.Tests.Link;

/// <summary>
/// An in-memory display for the link session's tests: it decodes what the session sends, acks the Hello, acks a
/// result only when the test says so, and refuses packets while <see cref="Busy"/> (back-pressure).
/// </summary>
public sealed class ScriptedDisplayTransport : IPacketTransport, IPacketSink
{
    private readonly PacketDecoder _decoder;
    private readonly Queue<byte> _toDevice = new();
    private readonly DisplayAcks _acks = new();
    private readonly ResultMessage _result = new(64 * 64);

    public ScriptedDisplayTransport()
    {
        _decoder = new PacketDecoder(this, PacketFormat.MaxPacketBytes);
    }

    public bool IsOpen { get; set; } = true;

    public bool Busy { get; set; }

    /// <summary>False: the display does not know the device and leaves its Hello unanswered.</summary>
    public bool AcksHello { get; set; } = true;

    /// <summary>
    /// Set: the display knows the device by this key, as the kiosk does: it challenges a Hello without a proof and
    /// acks a Hello with one, ok when the proof over its nonce holds, bad-proof when not.
    /// </summary>
    public byte[]? PairingKey { get; set; }

    /// <summary>The nonce of the last Challenge sent.</summary>
    public byte[] LastNonce { get; } = new byte[PairingProof.NonceBytes];

    /// <summary>(acked sequence, status) of every Ack the device sent.</summary>
    public List<(uint AckedSequence, AckStatus Status)> AcksFromDevice { get; } = [];

    /// <summary>The payload of the last sensel map received.</summary>
    public byte[]? LastSenselMap { get; private set; }

    /// <summary>The last Status received.</summary>
    public StatusMessage? LastStatus { get; private set; }

    /// <summary>(type, sequence) of every packet received, in order.</summary>
    public List<(MessageType Type, uint Sequence)> Packets { get; } = [];

    /// <summary>Result counters in the order their packets arrived (resends included).</summary>
    public List<uint> ResultCounters { get; } = [];

    /// <summary>The payloads of those result packets, as they arrived.</summary>
    public List<byte[]> ResultPayloads { get; } = [];

    public bool TrySend(byte[] buffer, int offset, int count)
    {
        if (Busy || !IsOpen)
        {
            return false;
        }
        _decoder.Feed(buffer, offset, count);
        return true;
    }

    public int Receive(byte[] buffer, int offset, int count)
    {
        int read = 0;
        while (read < count && _toDevice.Count > 0)
        {
            buffer[offset + read++] = _toDevice.Dequeue();
        }
        return read;
    }

    public void OnPacket(DecodedPacket packet)
    {
        Packets.Add((packet.Type, packet.Sequence));
        if (packet.Type == MessageType.Ack)
        {
            var ack = new AckMessage();
            Assert.True(ack.DecodePayload(packet.Buffer, packet.PayloadOffset, packet.PayloadLength));
            AcksFromDevice.Add((ack.AckedSequence, ack.Status));
        }
        else if (packet.Type == MessageType.SenselMap)
        {
            LastSenselMap = packet.Buffer.AsSpan(packet.PayloadOffset, packet.PayloadLength).ToArray();
        }
        else if (packet.Type == MessageType.Status)
        {
            var status = new StatusMessage();
            Assert.True(status.DecodePayload(packet.Buffer, packet.PayloadOffset, packet.PayloadLength));
            LastStatus = status;
        }
        else if (packet.Type == MessageType.Hello && PairingKey != null)
        {
            ChallengeOrCheck(packet);
        }
        else if (packet.Type == MessageType.Hello && AcksHello)
        {
            Enqueue(_acks.Encode(packet.Sequence));
        }
        else if (packet.Type == MessageType.Result && _result.DecodePayload(packet.Buffer, packet.PayloadOffset, packet.PayloadLength))
        {
            ResultCounters.Add(_result.ResultCounter);
            ResultPayloads.Add(packet.Buffer.AsSpan(packet.PayloadOffset, packet.PayloadLength).ToArray());
        }
    }

    public void OnRejected(long streamOffset, long byteCount) => throw new InvalidOperationException("the session sent bytes that do not decode");

    private void ChallengeOrCheck(DecodedPacket packet)
    {
        var hello = new HelloMessage();
        Assert.True(hello.DecodePayload(packet.Buffer, packet.PayloadOffset, packet.PayloadLength));
        if (hello.ProofKind == HelloMessage.ProofNone)
        {
            var challenge = new ChallengeMessage { HelloSequence = packet.Sequence };
            System.Security.Cryptography.RandomNumberGenerator.Fill(challenge.Nonce);
            challenge.Nonce.CopyTo(LastNonce, 0);
            SendCommand(MessageType.Challenge, challenge.Nonce.Length + 4, b => challenge.EncodePayload(b, 0, b.Length));
            return;
        }
        var expected = new byte[PairingProof.ProofBytes];
        new PairingProof(PairingKey!).Compute(hello.DeviceId, LastNonce, 0, expected, 0);
        bool holds = hello.ProofKind == HelloMessage.ProofHmacSha256 && expected.AsSpan().SequenceEqual(hello.Proof.AsSpan(0, hello.ProofLength));
        Enqueue(_acks.Encode(packet.Sequence, status: holds ? AckStatus.Ok : AckStatus.BadProof));
    }

    /// <summary>Sends a display-to-device packet whose payload <paramref name="write"/> fills.</summary>
    private uint SendCommand(MessageType type, int payloadBytes, Func<byte[], int> write)
    {
        var payload = new byte[payloadBytes];
        Assert.Equal(payloadBytes, write(payload));
        return SendCommand(type, payload);
    }

    /// <summary>Acks a result by id, as a display does once it has stored it.</summary>
    public void AcknowledgeResult(long deviceId, uint counter) => Enqueue(_acks.Encode(0, deviceId, counter));

    /// <summary>Sends a command to the device with the display's next sequence; returns that sequence.</summary>
    public uint SendCommand(MessageType type, byte[] payload)
    {
        var wire = new byte[PacketFormat.MaxWireBytes(payload.Length + 12)];
        uint sequence = _commandSequence++;
        int bytes = PacketFramer.Encode(type, sequence, payload, 0, payload.Length, wire, 0);
        foreach (byte b in wire.AsSpan(0, bytes))
        {
            _toDevice.Enqueue(b);
        }
        return sequence;
    }

    // Commands number from 1000 so they cannot be mistaken for the acks' own sequences in a test's asserts.
    private uint _commandSequence = 1000;

    private void Enqueue(int wireBytes)
    {
        for (int i = 0; i < wireBytes; i++)
        {
            _toDevice.Enqueue(_acks.Wire[i]);
        }
    }
}
