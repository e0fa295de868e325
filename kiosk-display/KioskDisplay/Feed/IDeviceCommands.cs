using Kiosk.Display.Storage;

namespace Kiosk.Display.Feed;

/// <summary>
/// Commands to a mat (zero, known-weight calibration, pairing). The protocol listener will implement this and send
/// them over the link; until then <see cref="QueuedDeviceCommands"/> only records the request as "queued".
/// </summary>
public interface IDeviceCommands
{
    public static readonly string[] Known = ["zero", "calibrate", "pair", "unpair"];

    Task<DeviceCommandRecord> RequestAsync(string deviceId, string command, string? argument, string requestedBy, CancellationToken cancellationToken = default);
}

/// <summary>Records commands without sending them: there is no link to a mat yet.</summary>
public sealed class QueuedDeviceCommands(IScanStore store) : IDeviceCommands
{
    public async Task<DeviceCommandRecord> RequestAsync(string deviceId, string command, string? argument, string requestedBy, CancellationToken cancellationToken = default)
    {
        var record = new DeviceCommandRecord(deviceId, command, argument, requestedBy, DateTimeOffset.UtcNow, "queued (not sent: no mat link yet)");
        await store.AddCommandAsync(record, cancellationToken);
        await store.AddLogAsync("info", deviceId, $"{requestedBy} requested {command}{(argument is null ? "" : " " + argument)}: queued", cancellationToken);
        return record;
    }
}
