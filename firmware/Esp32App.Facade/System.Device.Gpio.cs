// Mirrors nanoFramework.System.Device.Gpio 1.1.62 (assembly System.Device.Gpio): only the members the app uses.
// Read from nanoframework/System.Device.Gpio: GpioController.cs, GpioPin.cs, PinMode.cs, PinValue.cs.
using System;

namespace System.Device.Gpio
{
    public enum PinMode
    {
        Input,
        InputPullDown,
        InputPullUp,
        Output,
        OutputOpenDrain,
        OutputOpenDrainPullUp,
        OutputOpenSource,
        OutputOpenSourcePullDown,
    }

    public readonly struct PinValue
    {
        public static PinValue High { get { throw new NotImplementedException(); } }

        public static PinValue Low { get { throw new NotImplementedException(); } }
    }

    public sealed class GpioController : IDisposable
    {
        public GpioController()
        {
            throw new NotImplementedException();
        }

        public GpioPin OpenPin(int pinNumber, PinMode mode)
        {
            throw new NotImplementedException();
        }

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }

    public sealed class GpioPin : IDisposable
    {
        private GpioPin()
        {
        }

        public void Write(PinValue value)
        {
            throw new NotImplementedException();
        }

        // nanoframework/System.Device.Gpio, System.Device.Gpio/GpioPin.cs: [MethodImpl(InternalCall)] public extern void Toggle();
        public void Toggle()
        {
            throw new NotImplementedException();
        }

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }
}
