using System.Globalization;

namespace Kiosk.Hardware;

/// <summary>
/// Decimal numbers as the JSON writes them (7.5, 10, 2.5), whatever the machine's culture: messages, the device
/// text and the SVG must read the same on a German laptop as in CI.
/// </summary>
public static class InvariantNumber
{
    public static string Format(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
