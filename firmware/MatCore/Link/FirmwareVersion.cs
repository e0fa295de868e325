namespace Kiosk.Mat.Link
{
    /// <summary>
    /// The version the mat reports in its Hello. It lives in the core because the core is the firmware: the ESP32 app
    /// and the virtual mat run the same scan, analysis and protocol code and report the same version.
    /// </summary>
    public static class FirmwareVersion
    {
        public const int Major = 0;
        public const int Minor = 2;
        public const int Patch = 0;

        /// <summary>Fills the Hello's version fields.</summary>
        public static void Fill(Protocol.HelloMessage hello)
        {
            hello.FirmwareMajor = Major;
            hello.FirmwareMinor = Minor;
            hello.FirmwarePatch = Patch;
        }
    }
}
