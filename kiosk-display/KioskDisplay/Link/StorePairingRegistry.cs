using Kiosk.Display.MatLink;
using Kiosk.Display.Storage;
using Kiosk.Mat.Host.Protocol;

namespace Kiosk.Display.Link;

/// <summary>Which mats are paired, kept in the display's store so pairing survives a restart.</summary>
public sealed class StorePairingRegistry(IScanStore store) : IPairingRegistry
{
    public async ValueTask<bool> IsPairedAsync(long deviceId, CancellationToken cancellationToken)
    {
        string id = PacketJson.DeviceIdText(deviceId);
        var devices = await store.ListDevicesAsync(cancellationToken);
        return devices.Any(d => d.Paired && d.Status.DeviceId == id);
    }

    public async Task PairAsync(long deviceId, CancellationToken cancellationToken)
    {
        string id = PacketJson.DeviceIdText(deviceId);
        var devices = await store.ListDevicesAsync(cancellationToken);
        if (!devices.Any(d => d.Status.DeviceId == id))
        {
            await store.UpsertDeviceStatusAsync(new Feed.DeviceStatus(id, "unknown", 0, 0, 0, 0, null, DateTimeOffset.UtcNow), cancellationToken);
        }
        await store.SetDevicePairedAsync(id, true, cancellationToken);
    }

    public Task UnpairAsync(long deviceId, CancellationToken cancellationToken) =>
        store.SetDevicePairedAsync(PacketJson.DeviceIdText(deviceId), false, cancellationToken);
}
