namespace Kiosk.Display.MatLink;

/// <summary>
/// Commands from the technician page to a connected mat. Each returns true when the command was sent, false when
/// the mat is not connected (or the link failed while sending). The mat's answer arrives later through
/// <see cref="IMatEventSink.OnCommandAckAsync"/>.
/// </summary>
public interface IDeviceCommands
{
    /// <summary>Take the zero offsets now; the mat must be empty (else it answers busy).</summary>
    Task<bool> CalibrateZeroAsync(long deviceId, CancellationToken cancellationToken);

    /// <summary>A known weight (1 to 200 kg, <see cref="Kiosk.Mat.Protocol.CalibrateGainMessage.IsKnownWeight"/>) stands on the mat: scale the gains so the total reads it.</summary>
    Task<bool> CalibrateGainAsync(long deviceId, int knownWeightGrams, CancellationToken cancellationToken);

    /// <summary>Closes the mat's connection (after unpairing it); false when it was not connected.</summary>
    bool Disconnect(long deviceId);
}
