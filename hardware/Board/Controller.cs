namespace Kiosk.Hardware;

/// <summary>The microcontroller module and the development board it sits on.</summary>
public sealed class Controller
{
    /// <summary>Module whose pin facts apply: one of <see cref="Esp32Module.Known"/> ("ESP32-WROVER-E", "ESP32-WROOM-32").</summary>
    public required string Module { get; init; }

    /// <summary>The carrier board, for the technician (e.g. "ESP32-DevKitC V4"); not checked.</summary>
    public string? DevKit { get; init; }
}
