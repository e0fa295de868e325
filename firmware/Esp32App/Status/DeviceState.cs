namespace Kiosk.Esp32App.Status
{
    /// <summary>
    /// What the mat is doing, as the status LED blinks it and the screen's banner shows it
    /// (firmware/README.md, "Status LED"). Ordered by priority: the higher value wins when several apply.
    /// </summary>
    public static class DeviceState
    {
        /// <summary>LED steady on, banner blue: starting up, reading settings, self-test.</summary>
        public const int Booting = 0;

        /// <summary>One short blink every 2 s, banner green: scanning and linked to the display.</summary>
        public const int Running = 1;

        /// <summary>Fast flicker (5 Hz), banner cyan: joining Wi-Fi.</summary>
        public const int JoiningWifi = 2;

        /// <summary>2 blinks, pause; banner yellow: scanning, but the display cannot be reached.</summary>
        public const int NoDisplay = 3;

        /// <summary>3 blinks, pause; banner orange: scanning with faulty sensels masked (self-test).</summary>
        public const int SensorFault = 4;

        /// <summary>4 blinks, pause; banner red: settings missing or wrong; not scanning.</summary>
        public const int ConfigError = 5;

        /// <summary>5 blinks, pause; banner magenta: an unexpected error; the app restarts its loop.</summary>
        public const int Crashed = 6;

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
                default: return "crashed";
            }
        }
    }
}
