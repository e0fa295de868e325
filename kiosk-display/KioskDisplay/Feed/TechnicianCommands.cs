using System.Globalization;
using Kiosk.Mat.Config;
using Kiosk.Mat.Pairing;
using Kiosk.Mat.Protocol;

namespace Kiosk.Display.Feed;

/// <summary>
/// The technician's buttons, sent to the mat over the link: zero, known-weight calibration, pairing with the mat's key. Each request is
/// recorded with what became of it: why it was not sent, or "waiting for the mat's answer" until the mat's Ack gives
/// it the answer (<see cref="MatLinkFeedSink"/>); the answer goes to the log as well.
/// </summary>
public sealed class TechnicianCommands(ICommandStore commands, ILogStore log, IDeviceCommands link, IPairingRegistry pairing)
{
    public static readonly string[] Known = ["zero", "calibrate", "pair", "unpair"];

    public async Task<DeviceCommandRecord> RequestAsync(string deviceId, string command, string? argument, string requestedBy, CancellationToken cancellationToken = default)
    {
        // A pairing key is a secret: it goes to the pairing registry only, never into the command list or the log.
        string? recorded = command == "pair" ? null : argument;
        var record = new DeviceCommandRecord(deviceId, command, recorded, requestedBy, DateTimeOffset.UtcNow, CommandOutcome.Awaiting);
        long id = DeviceIdentity.ParseHex(deviceId);
        if (id < 0)
        {
            return await RecordAsync(record with { State = "not sent: not a mat id" }, cancellationToken);
        }
        if (command is "pair" or "unpair")
        {
            return await RecordAsync(record with { State = await ChangePairingAsync(command, id, argument, cancellationToken) }, cancellationToken);
        }
        var (send, refused) = Prepare(command, id, argument);
        if (send is null)
        {
            return await RecordAsync(record with { State = refused! }, cancellationToken);
        }
        // Recorded as waiting before it goes out: the mat's Ack (MatLinkFeedSink) may come back before the send returns.
        long number = await commands.AddCommandAsync(record, cancellationToken);
        if (!await send(cancellationToken))
        {
            record = record with { State = CommandOutcome.NotConnected };
            await commands.SetCommandStateAsync(number, record.State, cancellationToken);
        }
        return await LoggedAsync(record, cancellationToken);
    }

    /// <summary>How to send a command that goes to the mat (zero, calibrate), or why it cannot go.</summary>
    private (Func<CancellationToken, Task<bool>>? Send, string? Refused) Prepare(string command, long id, string? argument)
    {
        if (command == "zero")
        {
            return (ct => link.CalibrateZeroAsync(id, ct), null);
        }
        if (command != "calibrate")
        {
            return (null, "not sent: unknown command");
        }
        // The technician page sends "25000 g".
        string? weight = argument is not null && argument.EndsWith(" g", StringComparison.Ordinal) ? argument[..^2] : argument;
        return int.TryParse(weight, NumberStyles.None, CultureInfo.InvariantCulture, out int grams) && CalibrateGainMessage.IsKnownWeight(grams)
            ? (ct => link.CalibrateGainAsync(id, grams, ct), null)
            : (null, $"not sent: the known weight must be {CalibrateGainMessage.MinKnownWeightGrams} to {CalibrateGainMessage.MaxKnownWeightGrams} g");
    }

    private async Task<DeviceCommandRecord> RecordAsync(DeviceCommandRecord record, CancellationToken cancellationToken)
    {
        await commands.AddCommandAsync(record, cancellationToken);
        return await LoggedAsync(record, cancellationToken);
    }

    private async Task<string> ChangePairingAsync(string command, long id, string? argument, CancellationToken cancellationToken)
    {
        if (command == "unpair")
        {
            await pairing.UnpairAsync(id, cancellationToken);
            link.Disconnect(id);
            return "unpaired";
        }
        var key = new byte[PairingKey.KeyBytes];
        if (!PairingKey.TryParse(argument ?? "", key))
        {
            return "not paired: the pairing key is 32 hex digits (device_key in the mat's device.txt, printed by matctl provision)";
        }
        await pairing.PairAsync(id, key, cancellationToken);
        // Whatever the mat proved before (another key, or none) no longer counts: it is asked again now.
        link.Disconnect(id);
        return "paired (the mat is accepted when it proves this key at its next connection)";
    }

    private async Task<DeviceCommandRecord> LoggedAsync(DeviceCommandRecord record, CancellationToken cancellationToken)
    {
        await log.AddLogAsync("info", record.DeviceId,
            $"{record.RequestedBy} requested {record.Command}{(record.Argument is null ? "" : " " + record.Argument)}: {record.State}", cancellationToken);
        return record;
    }
}
