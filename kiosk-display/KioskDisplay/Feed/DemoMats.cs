namespace Kiosk.Display.Feed;

/// <summary>
/// Which mats make demo scans, not shoppers': the built-in virtual mat, when it runs. Their scans are stored marked
/// as demo, so a store that runs the demo beside a real mat never counts them in its day.
/// </summary>
public sealed class DemoMats(IOptions<VirtualMatServiceOptions> virtualMat)
{
    public bool IsDemo(string deviceId) =>
        virtualMat.Value.Enabled && string.Equals(deviceId, virtualMat.Value.DeviceId, StringComparison.OrdinalIgnoreCase);
}
