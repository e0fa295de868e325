using Kiosk.Mat.Protocol;

namespace Kiosk.Display.MatLink;

/// <summary>
/// Writes the display's packets onto one link, each with the link's next sequence number. Serialised, because
/// commands come from other threads than the read loop; commands are filed in <see cref="CommandsAwaitingAck"/>.
/// </summary>
internal sealed class PacketSender(Stream stream, CommandsAwaitingAck commands, CancellationToken closing)
{
    /// <summary>Room for the largest packet the display sends: a SetConfig with the longest key and value.</summary>
    private const int MaxSentPayloadBytes = 2 + SetConfigMessage.MaxKeyBytes + SetConfigMessage.MaxValueBytes;

    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly byte[] _payload = new byte[MaxSentPayloadBytes];
    private readonly byte[] _wire = new byte[PacketFormat.MaxWireBytes(MaxSentPayloadBytes + PacketFormat.HeaderBytes + PacketFormat.CrcBytes)];
    private uint _nextSequence;

    /// <summary>
    /// Sends one packet; the payload is written by <paramref name="writePayload"/> into the sender's buffer (return
    /// its length, or -1 when it does not fit). False when the payload did not fit or the link is gone.
    /// </summary>
    public async Task<bool> SendAsync(MessageType type, Func<byte[], int> writePayload, CancellationToken token)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, closing);
        try
        {
            await _sendLock.WaitAsync(linked.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            return false;
        }
        try
        {
            int length = writePayload(_payload);
            if (length < 0)
            {
                return false;
            }
            uint sequence = _nextSequence++;
            int wireBytes = PacketFramer.Encode(type, sequence, _payload, 0, length, _wire, 0);
            if (wireBytes == 0)
            {
                return false;
            }
            commands.Sent(sequence, type);
            await stream.WriteAsync(_wire.AsMemory(0, wireBytes), linked.Token);
            await stream.FlushAsync(linked.Token);
            return true;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            return false;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>An Ack of the other side's packet; <paramref name="resultId"/> names the result it acknowledges, if any.</summary>
    public Task<bool> SendAckAsync(uint ackedSequence, AckStatus status, CancellationToken token, (long DeviceId, uint Counter)? resultId = null)
    {
        var ack = new AckMessage
        {
            AckedSequence = ackedSequence,
            Status = status,
            HasResultId = resultId != null,
            DeviceId = resultId?.DeviceId ?? 0,
            ResultCounter = resultId?.Counter ?? 0,
        };
        return SendAsync(MessageType.Ack, buffer => ack.EncodePayload(buffer, 0, buffer.Length), token);
    }
}
