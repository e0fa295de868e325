namespace Kiosk.Mat.Device
{
    /// <summary>
    /// What the mat is doing, as the status LED blinks it and the screen's banner shows it (firmware/README.md,
    /// "Status LED"). <see cref="MatDevice.State"/> says the scanning states; the app adds the ones before and
    /// around it (booting, Wi-Fi, configuration, crash).
    /// </summary>
    public enum DeviceState
    {
        /// <summary>LED steady on, banner blue: starting up, reading settings, self-test.</summary>
        Booting = 0,

        /// <summary>One short blink every 2 s, banner green: scanning and linked to the display (or no link configured).</summary>
        Running = 1,

        /// <summary>Fast flicker (5 Hz), banner cyan: scanning while joining Wi-Fi.</summary>
        JoiningWifi = 2,

        /// <summary>2 blinks, pause; banner yellow: scanning, but the display cannot be reached; retried with backoff.</summary>
        NoDisplay = 3,

        /// <summary>3 blinks, pause; banner orange: scanning with faulty sensels masked (self-test).</summary>
        SensorFault = 4,

        /// <summary>4 blinks, pause; banner red: settings missing or wrong; not scanning.</summary>
        ConfigError = 5,

        /// <summary>5 blinks, pause; banner magenta: an unexpected error; the app restarts its loop.</summary>
        Crashed = 6,

        /// <summary>6 blinks, pause; banner purple: scanning, the Wi-Fi join failed and is retried (the wait grows to a minute).</summary>
        NoWifi = 7,
    }
}
