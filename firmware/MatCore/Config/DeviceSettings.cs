namespace Kiosk.Mat.Config
{
    /// <summary>
    /// This device's own settings, from I:\device.txt (written when the mat is paired with a display):
    /// wifi_ssid, wifi_password, display_host, display_port, device_id, device_key.
    /// </summary>
    public sealed class DeviceSettings
    {
        public const int DefaultDisplayPort = 5577;

        public string WifiSsid;
        public string WifiPassword;
        public string DisplayHost;
        public int DisplayPort = DefaultDisplayPort;
        public string DeviceId;

        /// <summary>The pairing key as written (32 hex digits, <see cref="Pairing.PairingKey"/>).</summary>
        public string DeviceKey;

        /// <summary>The key's bytes, for the link's answer to the display's Challenge.</summary>
        public readonly byte[] PairingKey = new byte[Pairing.PairingKey.KeyBytes];

        /// <summary>The first problem, or null when the device can join its display.</summary>
        public string Error;

        public bool HasWifi { get { return WifiSsid != null && WifiSsid.Length > 0; } }

        public static DeviceSettings From(KeyValueFile file)
        {
            DeviceSettings settings = new DeviceSettings();
            settings.Error = file.Error == null ? null : "device.txt: " + file.Error;
            settings.WifiSsid = file.GetString("wifi_ssid", "");
            settings.WifiPassword = file.GetString("wifi_password", "");
            settings.DisplayHost = file.GetString("display_host", "");
            settings.DeviceId = file.GetString("device_id", "");
            settings.DeviceKey = file.GetString("device_key", "");
            if (file.Has("display_port"))
            {
                int port;
                if (!file.TryGetInt("display_port", out port) || port < 1 || port > 65535)
                {
                    settings.Fail("display_port: needs a port from 1 to 65535");
                }
                else
                {
                    settings.DisplayPort = port;
                }
            }
            if (settings.DeviceId.Length == 0)
            {
                settings.Fail("device_id: missing");
            }
            if (settings.DeviceKey.Length == 0)
            {
                settings.Fail("device_key: missing (matctl provision writes one; pair the mat with it on the display)");
            }
            else if (!Pairing.PairingKey.TryParse(settings.DeviceKey, settings.PairingKey))
            {
                settings.Fail("device_key: needs 32 hex digits, as matctl provision writes it");
            }
            if (settings.HasWifi && settings.DisplayHost.Length == 0)
            {
                settings.Fail("display_host: missing");
            }
            return settings;
        }

        private void Fail(string problem)
        {
            if (Error == null)
            {
                Error = "device.txt: " + problem;
            }
        }
    }
}
