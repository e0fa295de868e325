using System.Threading;
using Kiosk.Mat.Device;
using Kiosk.Mat.Scanning;

namespace Kiosk.Esp32App.Status
{
    /// <summary>
    /// Blinks <see cref="DeviceState"/> codes on one LED, from its own low-priority thread, for mats without a
    /// screen. A code of n blinks is n x (200 ms on, 300 ms off), then 1.5 s dark.
    /// </summary>
    public sealed class StatusLed
    {
        private readonly IDigitalOutput _led;
        private DeviceState _state = DeviceState.Booting;

        public StatusLed(IDigitalOutput led)
        {
            _led = led;
            Thread thread = new Thread(Run);
            thread.Priority = ThreadPriority.BelowNormal;
            thread.Start();
        }

        public DeviceState State
        {
            get { return _state; }
            set { _state = value; }
        }

        /// <summary>Blinks per state (firmware/README.md, "Status LED"): 0 = steady on, -1 = fast flicker.</summary>
        private static int Blinks(DeviceState state)
        {
            switch (state)
            {
                case DeviceState.Booting: return 0;
                case DeviceState.Running: return 1;
                case DeviceState.JoiningWifi: return -1;
                case DeviceState.NoDisplay: return 2;
                case DeviceState.SensorFault: return 3;
                case DeviceState.ConfigError: return 4;
                case DeviceState.NoWifi: return 6;
                default: return 5;
            }
        }

        private void Run()
        {
            while (true)
            {
                int blinks = Blinks(_state);
                if (blinks == 0)
                {
                    _led.Write(true);
                    Thread.Sleep(500);
                }
                else if (blinks < 0)
                {
                    Pulse(100, 100);
                }
                else if (blinks == 1)
                {
                    Pulse(100, 1900);
                }
                else
                {
                    for (int i = 0; i < blinks; i++)
                    {
                        Pulse(200, 300);
                    }
                    Thread.Sleep(1500);
                }
            }
        }

        private void Pulse(int onMs, int offMs)
        {
            _led.Write(true);
            Thread.Sleep(onMs);
            _led.Write(false);
            Thread.Sleep(offMs);
        }
    }
}
