using System.Security.Cryptography;
using Kiosk.Mat.Geometry;
using Kiosk.Mat.Host.Protocol;
using Kiosk.Mat.Pairing;
using Kiosk.Mat.Protocol;
using Microsoft.Extensions.Logging;

namespace Kiosk.Display.MatLink;

/// <summary>
/// Answers each Hello on one link (docs/protocol.md, "Pairing"): an unpaired mat is refused (unknown-device) and
/// lingers; a paired mat is challenged with a fresh nonce and accepted only when its next Hello proves the pairing
/// key over it; a wrong proof is refused (bad-proof). Until a mat is accepted nothing it sends is delivered or acked.
/// A link has <see cref="MatLinkOptions.ProofTimeoutMs"/> from connecting to be accepted, and bytes do not extend it;
/// it earns one refusal, after which every Hello is ignored until it is closed, so one link can neither flood the
/// technician's page with waiting mats nor try key after key. Holds the link's accepted device and grid.
/// </summary>
internal sealed class PairingHandshake
{
    /// <summary>Hellos a link may send before it is accepted (a device needs two: one to be challenged, one with the proof).</summary>
    private const int MaxUnacceptedHellos = 4;

    private readonly MatConnection connection;
    private readonly MatLinkContext context;
    private readonly PacketSender sender;
    private readonly SinkDelivery delivery;
    private readonly ILogger logger;
    private readonly HelloMessage _hello = new();
    private readonly ChallengeMessage _challenge = new();
    private int _unacceptedHellos;

    public PairingHandshake(MatConnection connection, MatLinkContext context, PacketSender sender, SinkDelivery delivery, ILogger logger)
    {
        this.connection = connection;
        this.context = context;
        this.sender = sender;
        this.delivery = delivery;
        this.logger = logger;
        CloseAtTicks = DeadlineIn(context.Options.ProofTimeoutMs);
    }

    /// <summary>The device whose proof over <see cref="_challenge"/>'s nonce is awaited; null when no challenge is open.</summary>
    private long? _challengedDeviceId;

    /// <summary>The accepted device; meaningful while <see cref="Grid"/> is set.</summary>
    public long DeviceId { get; private set; }

    /// <summary>The accepted device's grid (from its Hello); null before a Hello is accepted or after a later one was not.</summary>
    public MatGeometry? Grid { get; private set; }

    /// <summary>
    /// The link is closed at this time (UTC ticks of the display clock) unless a Hello is accepted first: set when it
    /// opens, when an accepted link says Hello again, and (once) to the linger of a refusal. 0 while accepted.
    /// </summary>
    public long CloseAtTicks { get; private set; }

    /// <summary>This link's Hello was refused (unknown device or bad proof): it is closed at <see cref="CloseAtTicks"/>, and nothing it sends counts.</summary>
    public bool Refused { get; private set; }

    /// <summary>The mat accepted by this Hello, or null when it was refused, challenged or malformed.</summary>
    public async Task<MatHello?> HandleHelloAsync(ReceivedPacket packet, CancellationToken token)
    {
        if (Refused || ++_unacceptedHellos > MaxUnacceptedHellos)
        {
            return null;
        }
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
            // Listed before it is told, so a mat that hears "not paired" is already on the technician's page.
            await delivery.DeliverAsync(sink => sink.OnDeviceWaitingForPairingAsync(deviceId, connection.RemoteEndpoint, token), "waiting-for-pairing", deviceId);
            await RefuseAsync(packet.Sequence, AckStatus.UnknownDevice, token);
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
            await delivery.DeliverAsync(sink => sink.OnDeviceKeyRefusedAsync(deviceId, connection.RemoteEndpoint, token), "key-refused", deviceId);
            await RefuseAsync(packet.Sequence, AckStatus.BadProof, token);
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
        _unacceptedHellos = 0;
        context.ConnectedMats.Register(deviceId, connection);
        return hello;
    }

    /// <summary>
    /// Asks a paired mat to prove its key: a fresh random nonce for this Hello. Nothing is delivered or acked until
    /// the proof holds, and a mat that never answers is closed at the link's deadline.
    /// </summary>
    private async Task ChallengeAsync(uint helloSequence, long deviceId, CancellationToken token)
    {
        if (Grid != null)
        {
            // A Hello starts the link over: until this one is proved, the device is not reachable here.
            Unpair();
        }
        if (CloseAtTicks == 0)
        {
            // An accepted link that says Hello again gets the time a new link gets; an unaccepted one keeps its deadline.
            CloseAtTicks = DeadlineIn(context.Options.ProofTimeoutMs);
        }
        _challenge.HelloSequence = helloSequence;
        RandomNumberGenerator.Fill(_challenge.Nonce);
        _challengedDeviceId = deviceId;
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

    /// <summary>
    /// Answers a Hello with a refusal and closes the link after the linger time (so the device sees the refusal and
    /// the technician its Hello); the only refusal this link gets: nothing it sends afterwards is taken.
    /// </summary>
    private async Task RefuseAsync(uint helloSequence, AckStatus status, CancellationToken token)
    {
        Refused = true;
        CloseAtTicks = DeadlineIn(context.Options.UnpairedLingerMs);
        await sender.SendAckAsync(helloSequence, status, token);
        if (Grid != null)
        {
            Unpair();
        }
    }

    private static long DeadlineIn(int milliseconds) => DateTime.UtcNow.Ticks + TimeSpan.FromMilliseconds(milliseconds).Ticks;

    /// <summary>The device on this link changed or was refused by a later Hello: it is no longer reachable here.</summary>
    private void Unpair()
    {
        context.ConnectedMats.Unregister(DeviceId, connection);
        Grid = null;
    }
}
