namespace Kiosk.Hardware;

/// <summary>The analogue front end: the divider that turns sensel resistance into a voltage, and the ADC range.</summary>
public sealed class Readout
{
    public const string PerColumn = "per-column";
    public const string PerMuxOutput = "per-mux-output";

    /// <summary>Resistor from each column line (or each mux output) to ground, in ohms.</summary>
    public required int DividerOhms { get; init; }

    /// <summary>"per-column" (holds unselected columns at ground too) or "per-mux-output".</summary>
    public required string DividerPlacement { get; init; }

    /// <summary>0, 2.5, 6 or 11 dB; nanoFramework's ESP32 ADC always uses 11 dB.</summary>
    public required decimal AdcAttenuationDb { get; init; }
}
