namespace Kiosk.Mat.Scanning
{
    /// <summary>
    /// What one call into the hardware costs on the device, in nanoseconds, for <see cref="ScanCostModel"/>.
    /// The figures are estimates with their sources in docs/scan-cost-model.md; measure them on a board with
    /// HighResTimer.GetCurrent() and put the measured values here.
    /// </summary>
    public sealed class ScanCallCosts
    {
        /// <summary>One managed GpioPin.Write (nanoFramework Home#1013: a toggle loop took 6-18 us per pass).</summary>
        public readonly int GpioWriteNs;

        /// <summary>
        /// One managed AdcChannel.ReadValue including its conversion: ESP-IDF one-shot reads take about
        /// 10-37 us; nanoFramework adds its native-call overhead (no published figure).
        /// </summary>
        public readonly int AdcReadNs;

        /// <summary>
        /// The interpreter's own cost around each hardware call: the interface dispatch, the adapter's call and
        /// the loop's IL (index arithmetic, array store). "A few us per simple managed call" (unmeasured).
        /// </summary>
        public readonly int ManagedCallNs;

        public ScanCallCosts(int gpioWriteNs, int adcReadNs, int managedCallNs)
        {
            if (gpioWriteNs < 0 || adcReadNs < 0 || managedCallNs < 0)
            {
                throw new System.ArgumentOutOfRangeException("costs", "costs are not negative");
            }
            GpioWriteNs = gpioWriteNs;
            AdcReadNs = adcReadNs;
            ManagedCallNs = managedCallNs;
        }

        /// <summary>Fast end: 6 us GPIO write (ESP32_PSRAM_REV3), 10 us conversion + 6 us call, 2 us per managed call.</summary>
        public static ScanCallCosts Optimistic()
        {
            return new ScanCallCosts(6000, 16000, 2000);
        }

        /// <summary>Slow end: 18 us GPIO write (ESP32_REV3), 37 us conversion + 18 us call, 6 us per managed call.</summary>
        public static ScanCallCosts Pessimistic()
        {
            return new ScanCallCosts(18000, 55000, 6000);
        }
    }
}
