namespace Kiosk.Mat.Scanning
{
    /// <summary>
    /// Waits a short time so a line can settle before it is read. Injected so tests never sleep:
    /// the ESP32 busy-waits on HighResTimer.GetCurrent(), the fake only counts.
    /// </summary>
    public interface IMicrosecondDelay
    {
        void Wait(int microseconds);
    }
}
