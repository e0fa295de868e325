using System.Globalization;

namespace Kiosk.Display.Pages.Tech;

/// <summary>
/// A mat's status figures in words. A mat that never sent a status (or a USB mat, which has no signal) is stored with
/// zeros: those read "not reported", never "0 dBm" or "Up for 0.00:00:00", which look like measurements.
/// </summary>
public static class DeviceFigures
{
    public const string NotReported = "not reported";

    /// <summary>Wi-Fi signal: always below 0 dBm when measured.</summary>
    public static string Signal(int rssiDbm) => rssiDbm < 0 ? $"{rssiDbm} dBm" : NotReported;

    public static string FrameRate(double hz, string unit = "frames/s") =>
        hz > 0 ? $"{hz.ToString("0.#", CultureInfo.InvariantCulture)} {unit}" : NotReported;

    public static string Uptime(long seconds) =>
        seconds > 0 ? TimeSpan.FromSeconds(seconds).ToString(@"d\d\ hh\:mm\:ss", CultureInfo.InvariantCulture) : NotReported;
}
