using Kiosk.Mat.Scanning;
using nanoFramework.Hardware.Esp32;

namespace Kiosk.Esp32App.Hardware
{
    /// <summary>
    /// Measures on this board what docs/scan-cost-model.md could only estimate: one GPIO write, one ADC read,
    /// one whole frame. Run once at start-up (rows grounded, so it drives nothing into the mat) and printed,
    /// so a technician can put measured costs into <see cref="ScanCallCosts"/>.
    /// </summary>
    public static class CostProbe
    {
        private const int Repeats = 200;

        public static void Report(MatHardware hardware, ScanLoop loop, ScanCostModel model)
        {
            ulong start = HighResTimer.GetCurrent();
            for (int i = 0; i < Repeats; i++)
            {
                hardware.ProbeOutput.Write(false);
            }
            ulong gpioNs = (HighResTimer.GetCurrent() - start) * 1000 / Repeats;

            start = HighResTimer.GetCurrent();
            for (int i = 0; i < Repeats; i++)
            {
                hardware.ProbeInput.Read();
            }
            ulong adcNs = (HighResTimer.GetCurrent() - start) * 1000 / Repeats;

            start = HighResTimer.GetCurrent();
            loop.ScanFrame();
            ulong frameUs = HighResTimer.GetCurrent() - start;

            ScanCallCosts measured = new ScanCallCosts((int)gpioNs, (int)adcNs, 0);
            long modelNs = model.FrameTimeNs(measured);
            long overheadNs = ((long)frameUs * 1000 - modelNs) / model.TotalHardwareCalls;
            System.Console.WriteLine("cost probe: gpio write " + gpioNs.ToString() + " ns, adc read " + adcNs.ToString()
                + " ns, frame " + frameUs.ToString() + " us; model without interpreter overhead "
                + (modelNs / 1000).ToString() + " us over " + model.TotalHardwareCalls.ToString()
                + " calls, so about " + overheadNs.ToString() + " ns of overhead per call");
        }
    }
}
