using System.IO;
using Kiosk.Mat.Config;

namespace Kiosk.Esp32App.Settings
{
    /// <summary>Reads the key=value settings files from the ESP32's internal flash drive (I:).</summary>
    public static class SettingsStore
    {
        public const string BoardPath = "I:\\board.txt";
        public const string DevicePath = "I:\\device.txt";

        /// <summary>The parsed file; a missing or unreadable file gives an empty one with its Error set.</summary>
        public static KeyValueFile Read(string path)
        {
            try
            {
                if (!File.Exists(path))
                {
                    return Missing(path, "not found");
                }
                return KeyValueFile.Parse(File.ReadAllBytes(path));
            }
            catch (System.Exception e)
            {
                return Missing(path, e.Message);
            }
        }

        private static KeyValueFile Missing(string path, string reason)
        {
            KeyValueFile empty = KeyValueFile.Parse(null);
            empty.Error = path + ": " + reason;
            return empty;
        }
    }
}
