using System.Device.Adc;
using Kiosk.Mat.Scanning;

namespace Kiosk.Esp32App.Hardware
{
    /// <summary>
    /// One ADC1 channel behind the core's <see cref="IAnalogInput"/>. Logical channels 0-7 are GPIO 36, 37, 38,
    /// 39, 32, 33, 34, 35; the board file is validated to use only these, since ADC2 stops while Wi-Fi runs.
    /// nanoFramework's ESP32 ADC reads raw 12-bit counts (0-4095) at 11 dB attenuation, uncalibrated.
    /// </summary>
    public sealed class Adc1Input : IAnalogInput
    {
        private readonly AdcChannel _channel;

        public Adc1Input(AdcController controller, int logicalChannel)
        {
            _channel = controller.OpenChannel(logicalChannel);
        }

        public int Read()
        {
            return _channel.ReadValue();
        }
    }
}
