using System.Globalization;
using Kiosk.Display.Feed;
using Kiosk.Display.Storage;
using LinkCommands = Kiosk.Display.MatLink.IDeviceCommands;

namespace Kiosk.Display.Link;

/// <summary>
/// The technician's buttons, sent to the mat over the link: zero, known-weight calibration, pairing. Each request is
/// recorded with what became of it ("sent", or why not), and the mat's answer arrives in the log.
/// </summary>
public sealed class LinkedDeviceCommands(IScanStore store, LinkCommands link, Kiosk.Display.MatLink.IPairingRegistry pairing) : IDeviceCommands
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
                    state = !int.TryParse(weight, NumberStyles.None, CultureInfo.InvariantCulture, out int grams) || grams is < 1 or > 200_000
                        ? "not sent: the known weight must be 1 to 200000 g"
                        : await link.CalibrateGainAsync(id, grams, cancellationToken) ? "sent" : "not sent: mat not connected";
                    break;
                case "pair":
                    await pairing.PairAsync(id, cancellationToken);
                    state = "paired (the mat is accepted at its next connection)";
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
        var record = new DeviceCommandRecord(deviceId, command, argument, requestedBy, DateTimeOffset.UtcNow, state);
        await store.AddCommandAsync(record, cancellationToken);
        await store.AddLogAsync("info", deviceId, $"{requestedBy} requested {command}{(argument is null ? "" : " " + argument)}: {state}", cancellationToken);
        return record;
    }
}
