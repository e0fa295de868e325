namespace Kiosk.Mat.Device
{
    /// <summary>
    /// What the mat is doing, as the status LED blinks it and the screen's banner shows it (firmware/README.md,
    /// "Status LED"). <see cref="MatDevice.State"/> says the scanning states; the app adds the ones before and
    /// around it (booting, Wi-Fi, configuration, crash).
    /// </summary>
    public static class DeviceState
    {
        /// <summary>LED steady on, banner blue: starting up, reading settings, self-test.</summary>
        public const int Booting = 0;

        /// <summary>One short blink every 2 s, banner green: scanning and linked to the display (or no link configured).</summary>
        public const int Running = 1;

        /// <summary>Fast flicker (5 Hz), banner cyan: scanning while joining Wi-Fi.</summary>
        public const int JoiningWifi = 2;

        /// <summary>2 blinks, pause; banner yellow: scanning, but the display cannot be reached; retried with backoff.</summary>
        public const int NoDisplay = 3;

        /// <summary>3 blinks, pause; banner orange: scanning with faulty sensels masked (self-test).</summary>
        public const int SensorFault = 4;

        /// <summary>4 blinks, pause; banner red: settings missing or wrong; not scanning.</summary>
        public const int ConfigError = 5;

        /// <summary>5 blinks, pause; banner magenta: an unexpected error; the app restarts its loop.</summary>
        public const int Crashed = 6;

        /// <summary>6 blinks, pause; banner purple: scanning, the Wi-Fi join failed and is retried (the wait grows to a minute).</summary>
        public const int NoWifi = 7;

        /// <summary>Blinks per code, 0 = steady on, -1 = fast flicker.</summary>
        public static int Blinks(int state)
        {
            switch (state)
            {
                case Booting: return 0;
                case Running: return 1;
                case JoiningWifi: return -1;
                case NoDisplay: return 2;
                case SensorFault: return 3;
                case ConfigError: return 4;
                case NoWifi: return 6;
                default: return 5;
            }
        }

        public static string Name(int state)
        {
            switch (state)
            {
                case Booting: return "booting";
                case Running: return "running";
                case JoiningWifi: return "joining-wifi";
                case NoDisplay: return "no-display";
                case SensorFault: return "sensor-fault";
                case ConfigError: return "config-error";
                case NoWifi: return "no-wifi";
                default: return "crashed";
            }
        }
    }
}
