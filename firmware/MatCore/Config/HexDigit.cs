namespace Kiosk.Mat.Config
{
    /// <summary>One hex digit's value, for the ids and keys of device.txt (CoreLibrary has no hex parser).</summary>
    public static class HexDigit
    {
        /// <summary>0-15, or -1 when <paramref name="c"/> is not a hex digit (either case).</summary>
        public static int ValueOf(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }
            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }
            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }
            return -1;
        }
    }
}
