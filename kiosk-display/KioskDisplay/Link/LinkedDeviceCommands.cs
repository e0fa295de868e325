using System.Globalization;
using Kiosk.Display.Feed;
using Kiosk.Display.Storage;
using Kiosk.Mat.Pairing;
using Kiosk.Mat.Protocol;
using LinkCommands = Kiosk.Display.MatLink.IDeviceCommands;

namespace Kiosk.Display.Link;

/// <summary>
/// The technician's buttons, sent to the mat over the link: zero, known-weight calibration, pairing with the mat's key. Each request is
/// recorded with what became of it ("sent", or why not), and the mat's answer arrives in the log.
/// </summary>
public sealed class LinkedDeviceCommands(ICommandStore commands, ILogStore log, LinkCommands link, Kiosk.Display.MatLink.IPairingRegistry pairing) : IDeviceCommands
{
    public async Task<DeviceCommandRecord> RequestAsync(string deviceId, string command, string? argument, string requestedBy, CancellationToken cancellationToken = default)
    {
        string state;
        if (!long.TryParse(deviceId, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out long id))
        {
            state = "not sent: not a mat id";
        }
        else
        {
            switch (command)
            {
                case "zero":
                    state = await link.CalibrateZeroAsync(id, cancellationToken) ? "sent" : "not sent: mat not connected";
                    break;
                case "calibrate":
                    // The technician page sends "25000 g".
                    string? weight = argument is not null && argument.EndsWith(" g", StringComparison.Ordinal) ? argument[..^2] : argument;
                    state = !int.TryParse(weight, NumberStyles.None, CultureInfo.InvariantCulture, out int grams) || grams is < 1 or > CalibrateGainMessage.MaxKnownWeightGrams
                        ? $"not sent: the known weight must be 1 to {CalibrateGainMessage.MaxKnownWeightGrams} g"
                        : await link.CalibrateGainAsync(id, grams, cancellationToken) ? "sent" : "not sent: mat not connected";
                    break;
                case "pair":
                    var key = new byte[PairingKey.KeyBytes];
                    if (!PairingKey.TryParse(argument ?? "", key))
                    {
                        state = "not paired: the pairing key is 32 hex digits (device_key in the mat's device.txt, printed by matctl provision)";
                        break;
                    }
                    await pairing.PairAsync(id, key, cancellationToken);
                    // Whatever the mat proved before (another key, or none) no longer counts: it is asked again now.
                    link.Disconnect(id);
                    state = "paired (the mat is accepted when it proves this key at its next connection)";
                    break;
                case "unpair":
                    await pairing.UnpairAsync(id, cancellationToken);
                    link.Disconnect(id);
                    state = "unpaired";
                    break;
                default:
                    state = "not sent: unknown command";
                    break;
            }
        }
        // A pairing key is a secret: it goes to the pairing registry only, never into the command list or the log.
        string? recorded = command == "pair" ? null : argument;
        var record = new DeviceCommandRecord(deviceId, command, recorded, requestedBy, DateTimeOffset.UtcNow, state);
        await commands.AddCommandAsync(record, cancellationToken);
        await log.AddLogAsync("info", deviceId, $"{requestedBy} requested {command}{(recorded is null ? "" : " " + recorded)}: {state}", cancellationToken);
        return record;
    }
}
