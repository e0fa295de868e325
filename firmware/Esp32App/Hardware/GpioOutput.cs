using System.Device.Gpio;
using Kiosk.Mat.Scanning;

namespace Kiosk.Esp32App.Hardware
{
    /// <summary>A GPIO pin opened as an output, behind the core's <see cref="IDigitalOutput"/>.</summary>
    public sealed class GpioOutput : IDigitalOutput
    {
        private readonly GpioPin _pin;

        public GpioOutput(GpioController controller, int pinNumber)
        {
            _pin = controller.OpenPin(pinNumber, PinMode.Output);
            _pin.Write(PinValue.Low);
        }

        public void Write(bool high)
        {
            _pin.Write(high ? PinValue.High : PinValue.Low);
        }

        /// <summary>A bare native call, unlike Write (a lock and a PinValue each time): the scan's hot paths use this.</summary>
        public void Toggle()
        {
            _pin.Toggle();
        }
    }
}
