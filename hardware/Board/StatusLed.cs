namespace Kiosk.Hardware;

public sealed class StatusLed
{
    public required int Gpio { get; init; }

    /// <summary>True when a high level lights it (LED and resistor to ground).</summary>
    public bool ActiveHigh { get; init; } = true;
}
