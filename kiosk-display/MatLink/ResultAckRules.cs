using System.Buffers.Binary;
using Kiosk.Mat.Host.Protocol;
using Kiosk.Mat.Protocol;
using Microsoft.Extensions.Logging;

namespace Kiosk.Display.MatLink;

/// <summary>
/// When a result is acked (docs/protocol.md, "The receiver's rule"): only once the sink has stored it (now or
/// before); never when the sink fails or says no, so the mat keeps it and resends; a result of another device than
/// the link's proved one is neither stored nor acked; a malformed result whose id can be read is acked as bad-value.
/// </summary>
internal sealed class ResultAckRules(PacketSender sender, IMatEventSink sink, ILogger logger)
{
    /// <summary>How much of a malformed result is written to the log, in bytes (the whole payload can be 32 KiB).</summary>
    private const int MaxLoggedPayloadBytes = 512;

    public async Task HandleAsync(ReceivedPacket packet, PacketRecords records, long linkDeviceId, CancellationToken token)
    {
        if (records.DecodeResult(packet.Payload) is not { } result)
        {
            await RefuseMalformedAsync(packet, linkDeviceId, token);
            return;
        }
        string resultId = PacketJson.ResultId(result.DeviceId, result.ResultCounter);
        if (result.DeviceId != linkDeviceId)
        {
            // Pairing vouched for the Hello's device only; the device keeps this result, so nothing is lost.
            logger.LogWarning("Mat {Device} sent result {ResultId} of another device: not stored, not acked",
                PacketJson.DeviceIdText(linkDeviceId), resultId);
            return;
        }
        ScanResult scan = records.Result(result);
        (long DeviceId, uint Counter) ackedId = (result.DeviceId, result.ResultCounter);
        bool stored;
        try
        {
            stored = await sink.OnResultAsync(scan, token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
        {
            logger.LogError(e, "Storing result {ResultId} failed: not acked, the mat will resend it", resultId);
            return;
        }
        if (!stored)
        {
            // The sink says why (it knows: a malformed scan, a full disk), once; this would repeat at every resend.
            logger.LogDebug("Result {ResultId} was not stored: not acked, the mat will resend it", resultId);
            return;
        }
        await sender.SendAckAsync(packet.Sequence, AckStatus.Ok, token, ackedId);
    }

    /// <summary>
    /// A result with a good CRC that does not parse is a device bug: log its bytes and ack it as bad-value when its
    /// id can be read, so one bad result cannot hold an outbox slot forever (docs/protocol.md, rule 4).
    /// </summary>
    private async Task RefuseMalformedAsync(ReceivedPacket packet, long linkDeviceId, CancellationToken token)
    {
        byte[] payload = packet.Payload;
        string bytes = Convert.ToHexString(payload, 0, Math.Min(payload.Length, MaxLoggedPayloadBytes));
        const int IdBytes = 12;
        if (payload.Length < IdBytes)
        {
            logger.LogError("Mat {Device} sent a malformed result without an id ({Length} bytes): {Bytes}",
                PacketJson.DeviceIdText(linkDeviceId), payload.Length, bytes);
            return;
        }
        long deviceId = BinaryPrimitives.ReadInt64LittleEndian(payload);
        uint counter = BinaryPrimitives.ReadUInt32LittleEndian(payload.AsSpan(8));
        logger.LogError("Mat {Device} sent malformed result {ResultId} ({Length} bytes, first {Logged} shown): {Bytes}",
            PacketJson.DeviceIdText(linkDeviceId), PacketJson.ResultId(deviceId, counter), payload.Length, Math.Min(payload.Length, MaxLoggedPayloadBytes), bytes);
        if (deviceId == linkDeviceId)
        {
            await sender.SendAckAsync(packet.Sequence, AckStatus.BadValue, token, (deviceId, counter));
        }
    }
}
