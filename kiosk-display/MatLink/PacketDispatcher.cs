using Kiosk.Mat.Host.Protocol;
using Kiosk.Mat.Protocol;
using Microsoft.Extensions.Logging;

namespace Kiosk.Display.MatLink;

/// <summary>
/// Routes each packet of one link, in arrival order: a Hello to the <see cref="PairingHandshake"/>; everything else
/// only from an accepted mat (before that the device keeps its results): frames to the <see cref="FramePump"/>,
/// results to the <see cref="ResultAckRules"/>, status, sensel maps and command acks to the sink.
/// </summary>
internal sealed class PacketDispatcher(
    PairingHandshake handshake,
    PacketRecords records,
    ResultAckRules results,
    CommandsAwaitingAck commands,
    FramePump frames,
    SinkDelivery delivery,
    ILogger logger)
{
    private readonly AckMessage _ack = new();

    public async Task HandleAsync(ReceivedPacket packet, CancellationToken token)
    {
        if (packet.Type == MessageType.Hello)
        {
            if (await handshake.HandleHelloAsync(packet, token) is { } hello)
            {
                records.Accept(hello.DeviceId, hello.Grid);
                logger.LogInformation("Mat {Device} connected from {Remote}, firmware {Firmware}, {Rows}x{Cols} at {PitchUm} um",
                    hello.DeviceIdText, hello.RemoteEndpoint, hello.FirmwareVersion, hello.Grid.Rows, hello.Grid.Cols, hello.Grid.PitchUm);
                await delivery.DeliverAsync(sink => sink.OnHelloAsync(hello, token), "hello", hello.DeviceId);
            }
            return;
        }
        if (handshake.Grid == null)
        {
            // Before an accepted Hello (or from a refused device) nothing is delivered or acked: the device keeps its results.
            return;
        }
        long deviceId = handshake.DeviceId;
        switch (packet.Type)
        {
            case MessageType.Frame:
                if (records.Frame(packet.Payload) is { } frame)
                {
                    frames.Queue(frame);
                }
                else
                {
                    logger.LogDebug("Mat {Device}: malformed Frame dropped", PacketJson.DeviceIdText(deviceId));
                }
                break;
            case MessageType.Result:
                await results.HandleAsync(packet, records, deviceId, token);
                break;
            case MessageType.Status:
                // Every few seconds: a device that sends them malformed would flood the log above Debug.
                await DeliverAsync(records.Status(packet.Payload), (sink, status) => sink.OnStatusAsync(status, token), packet.Type, deviceId, LogLevel.Debug);
                break;
            case MessageType.Ack:
                await HandleCommandAckAsync(packet, deviceId, token);
                break;
            case MessageType.SenselMap:
                await DeliverAsync(records.SenselMap(packet.Payload), (sink, map) => sink.OnSenselMapAsync(map, token), packet.Type, deviceId, LogLevel.Warning);
                break;
            default:
                // Newer message types are ignored, as docs/protocol.md "Versioning" requires.
                break;
        }
    }

    /// <summary>A record to the sink, or, when its packet did not decode (null), a log line at <paramref name="malformedLevel"/>.</summary>
    private async Task DeliverAsync<TRecord>(TRecord? record, Func<IMatEventSink, TRecord, Task> call, MessageType type, long deviceId, LogLevel malformedLevel)
        where TRecord : class
    {
        if (record is null)
        {
            logger.Log(malformedLevel, "Mat {Device}: malformed {Type} dropped", PacketJson.DeviceIdText(deviceId), type.Name());
            return;
        }
        await delivery.DeliverAsync(sink => call(sink, record), type.Name(), deviceId);
    }

    private async Task HandleCommandAckAsync(ReceivedPacket packet, long deviceId, CancellationToken token)
    {
        // An ack of nothing we sent (or of a command forgotten long ago) has nothing to report.
        if (!_ack.DecodePayload(packet.Payload, 0, packet.Payload.Length) || !commands.TryTake(_ack.AckedSequence, out MessageType command))
        {
            return;
        }
        var answer = new CommandAck(deviceId, command.Name(), _ack.Status.Name());
        await delivery.DeliverAsync(sink => sink.OnCommandAckAsync(answer, token), "command-ack", deviceId);
    }
}
