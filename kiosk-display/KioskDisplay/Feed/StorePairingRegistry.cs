using Kiosk.Mat.Host.Protocol;
using Kiosk.Mat.Pairing;

namespace Kiosk.Display.Feed;

/// <summary>Which mats are paired and with which key, kept in the display's store so pairing survives a restart.</summary>
public sealed class StorePairingRegistry(IDeviceStore store, ILogger<StorePairingRegistry> logger) : IPairingRegistry
{
    public async ValueTask<byte[]?> PairingKeyOfAsync(long deviceId, CancellationToken cancellationToken)
    {
        string id = PacketJson.DeviceIdText(deviceId);
        string? text = await store.GetPairingKeyAsync(id, cancellationToken);
        if (text is null)
        {
            return null;
        }
        var key = new byte[PairingKey.KeyBytes];
        if (!PairingKey.TryParse(text, key))
        {
            // Only PairAsync writes keys, so this is a damaged row: the mat is refused until a technician pairs it again.
            logger.LogError("Mat {Device}: the stored pairing key is not a key; pair the mat again", id);
            return null;
        }
        return key;
    }

    public Task PairAsync(long deviceId, byte[] pairingKey, CancellationToken cancellationToken) =>
        store.PairDeviceAsync(PacketJson.DeviceIdText(deviceId), PairingKey.Format(pairingKey), cancellationToken);

    public Task UnpairAsync(long deviceId, CancellationToken cancellationToken) =>
        store.UnpairDeviceAsync(PacketJson.DeviceIdText(deviceId), cancellationToken);
}
