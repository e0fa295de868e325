using System.Text;
using Kiosk.Mat.Protocol;

namespace Kiosk.Display.MatLink;

/// <summary>
/// Sends technician commands to a connected mat, encoded by the core's messages, with that connection's
/// sequence numbers (so the mat's Ack names them and <see cref="IMatEventSink.OnCommandAckAsync"/> can say which command it answers).
/// </summary>
public sealed class MatCommandSender(ConnectedMats connectedMats) : IDeviceCommands
{
    public IReadOnlyCollection<long> ConnectedDevices => connectedMats.DeviceIds;

    public Task<bool> CalibrateZeroAsync(long deviceId, CancellationToken cancellationToken) =>
        SendAsync(deviceId, MessageType.CalibrateZero, _ => 0, cancellationToken);

    public Task<bool> CalibrateGainAsync(long deviceId, int knownWeightGrams, CancellationToken cancellationToken)
    {
        if (knownWeightGrams < 1 || knownWeightGrams > CalibrateGainMessage.MaxKnownWeightGrams)
        {
            // The device would refuse it as bad-value; saying so here gives the technician the answer at once.
            return Task.FromResult(false);
        }
        var message = new CalibrateGainMessage { KnownWeightGrams = knownWeightGrams };
        return SendAsync(deviceId, MessageType.CalibrateGain, buffer => message.EncodePayload(buffer, 0, buffer.Length), cancellationToken);
    }

    public Task<bool> SetConfigAsync(long deviceId, string key, string value, CancellationToken cancellationToken)
    {
        SetConfigMessage? message = BuildSetConfig(key, value);
        return message == null
            ? Task.FromResult(false)
            : SendAsync(deviceId, MessageType.SetConfig, buffer => message.EncodePayload(buffer, 0, buffer.Length), cancellationToken);
    }

    public Task<bool> RebootAsync(long deviceId, CancellationToken cancellationToken) =>
        SendAsync(deviceId, MessageType.Reboot, _ => 0, cancellationToken);

    public bool Disconnect(long deviceId)
    {
        if (!connectedMats.TryGet(deviceId, out MatConnection connection))
        {
            return false;
        }
        connection.Close();
        return true;
    }

    /// <summary>
    /// The key must be 1-32 printable ASCII characters and the value at most 64 UTF-8 bytes (docs/protocol.md,
    /// "SetConfig"); anything else is refused here rather than cut short, so a device never gets half a value.
    /// </summary>
    internal static SetConfigMessage? BuildSetConfig(string key, string value)
    {
        if (key.Length is < 1 or > SetConfigMessage.MaxKeyBytes || key.Any(c => c is < (char)0x21 or > (char)0x7E))
        {
            return null;
        }
        byte[] valueBytes = Encoding.UTF8.GetBytes(value);
        if (valueBytes.Length > SetConfigMessage.MaxValueBytes)
        {
            return null;
        }
        var message = new SetConfigMessage();
        message.Set(key, "");
        valueBytes.CopyTo(message.Value, 0);
        message.ValueLength = valueBytes.Length;
        return message;
    }

    private Task<bool> SendAsync(long deviceId, byte type, Func<byte[], int> writePayload, CancellationToken cancellationToken) =>
        connectedMats.TryGet(deviceId, out MatConnection connection)
            ? connection.SendAsync(type, writePayload, cancellationToken)
            : Task.FromResult(false);
}
