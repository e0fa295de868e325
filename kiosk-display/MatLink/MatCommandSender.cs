using Kiosk.Mat.Protocol;

namespace Kiosk.Display.MatLink;

/// <summary>
/// Sends technician commands to a connected mat, encoded by the core's messages, with that connection's
/// sequence numbers (so the mat's Ack names them and <see cref="IMatEventSink.OnCommandAckAsync"/> can say which command it answers).
/// </summary>
public sealed class MatCommandSender(ConnectedMats connectedMats) : IDeviceCommands
{
    public Task<bool> CalibrateZeroAsync(long deviceId, CancellationToken cancellationToken) =>
        SendAsync(deviceId, MessageType.CalibrateZero, _ => 0, cancellationToken);

    public Task<bool> CalibrateGainAsync(long deviceId, int knownWeightGrams, CancellationToken cancellationToken)
    {
        if (!CalibrateGainMessage.IsKnownWeight(knownWeightGrams))
        {
            // The device would refuse it as bad-value; saying so here gives the technician the answer at once.
            return Task.FromResult(false);
        }
        var message = new CalibrateGainMessage { KnownWeightGrams = knownWeightGrams };
        return SendAsync(deviceId, MessageType.CalibrateGain, buffer => message.EncodePayload(buffer, 0, buffer.Length), cancellationToken);
    }

    public bool Disconnect(long deviceId)
    {
        if (!connectedMats.TryGet(deviceId, out MatConnection connection))
        {
            return false;
        }
        connection.Close();
        return true;
    }

    private Task<bool> SendAsync(long deviceId, MessageType type, Func<byte[], int> writePayload, CancellationToken cancellationToken) =>
        connectedMats.TryGet(deviceId, out MatConnection connection)
            ? connection.SendAsync(type, writePayload, cancellationToken)
            : Task.FromResult(false);
}
