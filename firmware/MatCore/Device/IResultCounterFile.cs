namespace Kiosk.Mat.Device
{
    /// <summary>
    /// Where a device keeps its result counter's high-water mark across restarts: a file on the ESP32's flash
    /// (I:\results.txt), a file in the display's data folder for its built-in virtual mat, memory in tests.
    /// </summary>
    public interface IResultCounterFile
    {
        /// <summary>The mark last written; false when there is none yet (a new device) or it cannot be read.</summary>
        bool TryRead(out uint mark);

        /// <summary>Writes the mark so it survives a restart; false when it could not be written.</summary>
        bool Write(uint mark);
    }
}
