using Kiosk.Mat.Protocol;

namespace Kiosk.Mat.DeviceTests.Fakes
{
    /// <summary>
    /// The Result a display stored, decoded, and its bytes as one line of text ("result-bytes NAME HEX"), which the
    /// device tests print in nanoCLR and on .NET, so tests/Firmware.Tests can check the two give the same bytes.
    /// </summary>
    public static class ResultBytes
    {
        public const string LinePrefix = "result-bytes ";

        /// <summary>The last Result <paramref name="display"/> stored, decoded; fails the caller's assert when it does not decode.</summary>
        public static ResultMessage Last(AckingDisplay display, int senselCount)
        {
            ResultMessage result = new ResultMessage(senselCount);
            return display.LastResultLength > 0 && result.DecodePayload(display.LastResult, 0, display.LastResultLength) ? result : null;
        }

        public static string Line(string name, AckingDisplay display)
        {
            const string Digits = "0123456789abcdef";
            int length = display.LastResultLength;
            char[] hex = new char[2 * length];
            for (int i = 0; i < length; i++)
            {
                int b = display.LastResult[i];
                hex[2 * i] = Digits[b >> 4];
                hex[2 * i + 1] = Digits[b & 15];
            }
            return LinePrefix + name + " " + new string(hex);
        }
    }
}
