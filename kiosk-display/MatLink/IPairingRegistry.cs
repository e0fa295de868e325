namespace Kiosk.Display.MatLink;

/// <summary>
/// Which mats this display accepts data from (docs/protocol.md, "Pairing": by device id in version 1).
/// The web app implements it over its database; <see cref="InMemoryPairingRegistry"/> serves tests and demos.
/// </summary>
public interface IPairingRegistry
{
    ValueTask<bool> IsPairedAsync(long deviceId, CancellationToken cancellationToken);

    Task PairAsync(long deviceId, CancellationToken cancellationToken);

    /// <summary>Takes effect at the mat's next Hello; call <see cref="IDeviceCommands.Disconnect"/> to make that now.</summary>
    Task UnpairAsync(long deviceId, CancellationToken cancellationToken);
}
