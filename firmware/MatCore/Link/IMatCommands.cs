namespace Kiosk.Mat.Link
{
    /// <summary>
    /// What the device does when the display commands it (docs/protocol.md, "Commands"). Each returns the
    /// <see cref="Protocol.AckStatus"/> the session acknowledges the command with.
    /// </summary>
    public interface IMatCommands
    {
        /// <summary>Take the zero offsets now; <see cref="Protocol.AckStatus.Busy"/> when someone stands on the mat.</summary>
        Protocol.AckStatus CalibrateZero();

        /// <summary>A known weight stands on the mat: scale the gains so the total reads it.</summary>
        Protocol.AckStatus CalibrateGain(int knownGrams);

        /// <summary>Restart after the acknowledgement has gone out.</summary>
        Protocol.AckStatus Reboot();
    }
}
