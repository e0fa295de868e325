namespace Kiosk.Hardware;

public enum PinDirection
{
    /// <summary>The ESP32 drives the pin.</summary>
    Output,

    /// <summary>The ESP32 reads a logic level.</summary>
    DigitalInput,

    /// <summary>The ESP32 reads a voltage with its ADC.</summary>
    AnalogInput,
}

/// <summary>
/// One GPIO as the board uses it. <paramref name="Field"/> is where it is set in the JSON (for fault messages),
/// <paramref name="Signal"/> the short label on the wiring diagram, <paramref name="Part"/> the part it goes to.
/// </summary>
public sealed record PinUse(int Gpio, PinDirection Direction, string Field, string Signal, string Part);
