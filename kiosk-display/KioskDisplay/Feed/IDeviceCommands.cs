using Kiosk.Display.Storage;

namespace Kiosk.Display.Feed;

/// <summary>
/// Commands to a mat (zero, known-weight calibration, pairing), recorded with what became of them;
/// <see cref="Link.LinkedDeviceCommands"/> sends them over the mat's link.
/// </summary>
public interface IDeviceCommands
{
    public static readonly string[] Known = ["zero", "calibrate", "pair", "unpair"];

    Task<DeviceCommandRecord> RequestAsync(string deviceId, string command, string? argument, string requestedBy, CancellationToken cancellationToken = default);
}
