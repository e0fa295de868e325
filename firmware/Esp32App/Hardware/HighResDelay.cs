using Kiosk.Mat.Scanning;
using nanoFramework.Hardware.Esp32;

namespace Kiosk.Esp32App.Hardware
{
    /// <summary>
    /// Busy-waits on the ESP32's microsecond timer. Thread.Sleep's millisecond is far too coarse for settling
    /// times of a few microseconds; each GetCurrent() is itself a native call of a few microseconds, so the wait
    /// overshoots by at most one call.
    /// </summary>
    public sealed class HighResDelay : IMicrosecondDelay
    {
        public void Wait(int microseconds)
        {
            ulong end = HighResTimer.GetCurrent() + (ulong)microseconds;
            while (HighResTimer.GetCurrent() < end)
            {
            }
        }
    }
}
