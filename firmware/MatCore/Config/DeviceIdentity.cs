namespace Kiosk.Mat.Config
{
    /// <summary>
    /// The device id of Hello and of every result id: device.txt's <c>device_id</c>, written at pairing as hex digits
    /// (12 for the ESP32's 48-bit factory MAC, as <c>matctl decode</c> prints it). In the core, so the app and matctl
    /// (provision, simulate) accept exactly the same ids.
    /// </summary>
    public static class DeviceIdentity
    {
        /// <summary>The id, or a negative number when the text is not 1 to 16 hex digits of a positive 64-bit id.</summary>
        public static long ParseHex(string text)
        {
            if (text == null || text.Length < 1 || text.Length > 16)
            {
                return -1;
            }
            long id = 0;
            for (int i = 0; i < text.Length; i++)
            {
                int digit = HexDigit.ValueOf(text[i]);
                if (digit < 0)
                {
                    return -1;
                }
                id = (id << 4) | (long)digit;
            }
            return id;
        }
    }
}
