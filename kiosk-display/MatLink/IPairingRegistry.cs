namespace Kiosk.Display.MatLink;

/// <summary>
/// Which mats this display accepts data from, and the key each proves itself with (docs/protocol.md, "Pairing").
/// The web app implements it over its database; <see cref="InMemoryPairingRegistry"/> serves tests and demos.
/// </summary>
public interface IPairingRegistry
{
    /// <summary>The <see cref="Kiosk.Mat.Pairing.PairingKey.KeyBytes"/>-byte key of a paired mat; null when the mat is not paired.</summary>
    ValueTask<byte[]?> PairingKeyOfAsync(long deviceId, CancellationToken cancellationToken);

    /// <summary>Pairs the mat with this key, or replaces its key. Takes effect at the mat's next Hello.</summary>
    Task PairAsync(long deviceId, byte[] pairingKey, CancellationToken cancellationToken);

    /// <summary>Takes effect at the mat's next Hello; call <see cref="IDeviceCommands.Disconnect"/> to make that now.</summary>
    Task UnpairAsync(long deviceId, CancellationToken cancellationToken);
}
