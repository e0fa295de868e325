using System.Security.Cryptography;
using Kiosk.Mat.Host.Protocol;
using Kiosk.Mat.Pairing;
using Kiosk.Mat.Protocol;
using Microsoft.Extensions.Logging;

namespace Kiosk.Display.MatLink;

/// <summary>
/// Answers each Hello on one link (docs/protocol.md, "Pairing"): an unpaired mat is refused (unknown-device) and
/// lingers; a paired mat is challenged with a fresh nonce and accepted only when its next Hello proves the pairing
/// key over it; a wrong proof is refused (bad-proof). Until a mat is accepted nothing it sends is delivered or acked.
/// Holds the link's accepted device and grid, and when a refused or challenged link is to be closed.
/// </summary>
internal sealed class PairingHandshake(MatConnection connection, MatLinkContext context, PacketSender sender, SinkDelivery delivery, ILogger logger)
{
    private readonly HelloMessage _hello = new();
    private readonly ChallengeMessage _challenge = new();

    /// <summary>The device whose proof over <see cref="_challenge"/>'s nonce is awaited; null when no challenge is open.</summary>
    private long? _challengedDeviceId;

    /// <summary>The accepted device; meaningful while <see cref="Grid"/> is set.</summary>
    public long DeviceId { get; private set; }

    /// <summary>The accepted device's grid (from its Hello); null before a Hello is accepted or after a later one was not.</summary>
    public MatGrid? Grid { get; private set; }

    /// <summary>A refused or challenged link is closed at this time (UTC ticks of the display clock), 0 while accepted or not yet answered.</summary>
    public long CloseAtTicks { get; private set; }

    /// <summary>The mat accepted by this Hello, or null when it was refused, challenged or malformed.</summary>
    public async Task<MatHello?> HandleHelloAsync(ReceivedPacket packet, CancellationToken token)
    {
        if (!_hello.DecodePayload(packet.Payload, 0, packet.Payload.Length))
        {
            logger.LogWarning("Mat link {Remote}: malformed Hello dropped ({Bytes} bytes)", connection.RemoteEndpoint, packet.Payload.Length);
            return null;
        }
        long deviceId = _hello.DeviceId;
        byte[]? key;
        try
        {
            key = await context.Pairing.PairingKeyOfAsync(deviceId, token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Neither accept nor refuse on a guess (database down): end the link unanswered; the device retries later.
            logger.LogError(e, "Pairing registry failed for mat {Device}: closing its link without an answer", PacketJson.DeviceIdText(deviceId));
            connection.Close();
            return null;
        }
        if (key == null)
        {
            logger.LogInformation("Mat {Device} at {Remote} is not paired: refused", PacketJson.DeviceIdText(deviceId), connection.RemoteEndpoint);
            await RefuseAsync(packet.Sequence, AckStatus.UnknownDevice, token);
            await delivery.DeliverAsync(sink => sink.OnDeviceWaitingForPairingAsync(deviceId, connection.RemoteEndpoint, token), "waiting-for-pairing", deviceId);
            return null;
        }
        if (_challengedDeviceId != deviceId || _hello.ProofKind != HelloMessage.ProofHmacSha256)
        {
            await ChallengeAsync(packet.Sequence, deviceId, token);
            return null;
        }
        // One proof per nonce: whatever it says, the next Hello is challenged afresh.
        _challengedDeviceId = null;
        if (!ProofHolds(key, deviceId))
        {
            logger.LogWarning("Mat {Device} at {Remote} proved another pairing key: refused", PacketJson.DeviceIdText(deviceId), connection.RemoteEndpoint);
            await RefuseAsync(packet.Sequence, AckStatus.BadProof, token);
            await delivery.DeliverAsync(sink => sink.OnDeviceKeyRefusedAsync(deviceId, connection.RemoteEndpoint, token), "key-refused", deviceId);
            return null;
        }
        await sender.SendAckAsync(packet.Sequence, AckStatus.Ok, token);
        MatHello hello = PacketRecords.Hello(_hello, connection.RemoteEndpoint);
        if (Grid != null && DeviceId != deviceId)
        {
            Unpair();
        }
        DeviceId = deviceId;
        Grid = hello.Grid;
        CloseAtTicks = 0;
        context.ConnectedMats.Register(deviceId, connection);
        return hello;
    }

    /// <summary>
    /// Asks a paired mat to prove its key: a fresh random nonce for this Hello. Nothing is delivered or acked until
    /// the proof holds, and a mat that never answers is closed after <see cref="MatLinkOptions.ProofTimeoutMs"/>.
    /// </summary>
    private async Task ChallengeAsync(uint helloSequence, long deviceId, CancellationToken token)
    {
        if (Grid != null)
        {
            // A Hello starts the link over: until this one is proved, the device is not reachable here.
            Unpair();
        }
        _challenge.HelloSequence = helloSequence;
        RandomNumberGenerator.Fill(_challenge.Nonce);
        _challengedDeviceId = deviceId;
        CloseUnlessAcceptedWithin(context.Options.ProofTimeoutMs);
        await sender.SendAsync(MessageType.Challenge, payload => _challenge.EncodePayload(payload, 0, payload.Length), token);
    }

    private bool ProofHolds(byte[] key, long deviceId)
    {
        if (_hello.ProofLength != PairingProof.ProofBytes)
        {
            return false;
        }
        var expected = new byte[PairingProof.ProofBytes];
        new PairingProof(key).Compute(deviceId, _challenge.Nonce, 0, expected, 0);
        // Constant time, so how long the check takes says nothing about how much of the proof was right.
        return CryptographicOperations.FixedTimeEquals(expected, _hello.Proof.AsSpan(0, PairingProof.ProofBytes));
    }

    /// <summary>Answers a Hello with a refusal and closes the link after the linger time; nothing it sends is taken.</summary>
    private async Task RefuseAsync(uint helloSequence, int status, CancellationToken token)
    {
        await sender.SendAckAsync(helloSequence, status, token);
        if (Grid != null)
        {
            Unpair();
        }
        CloseUnlessAcceptedWithin(context.Options.UnpairedLingerMs);
    }

    /// <summary>Set on the first refusal or challenge only: a device repeating its Hello cannot stretch its stay.</summary>
    private void CloseUnlessAcceptedWithin(int milliseconds)
    {
        if (CloseAtTicks == 0)
        {
            CloseAtTicks = DateTime.UtcNow.Ticks + TimeSpan.FromMilliseconds(milliseconds).Ticks;
        }
    }

    /// <summary>The device on this link changed or was refused by a later Hello: it is no longer reachable here.</summary>
    private void Unpair()
    {
        context.ConnectedMats.Unregister(DeviceId, connection);
        Grid = null;
    }
}
