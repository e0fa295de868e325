using Kiosk.Mat.Calibration;

namespace Kiosk.Mat.Simulation.Grid;

/// <summary>
/// The electrical parts of a passive resistive mat and its readout, with the values of DESIGN.md ("Hardware facts")
/// as defaults (the drive, the on-resistance and the half-drive load are the device's own, <see cref="ReadoutCircuit"/>'s):
/// 3.3 V row drive, a 10 kohm divider resistor per multiplexer, CD74HC4067 on-resistance, the ESP32's
/// 12-bit ADC at 11 dB attenuation (the top count at about the supply, ~3.1 V). Derivation of the readings: README.md beside this file.
/// </summary>
public sealed record GridElectrics
{
    public double DriveMv { get; init; } = ReadoutCircuit.DefaultDriveMv;

    /// <summary>
    /// ADC input at the top count, mV: the device's own figure (<see cref="ReadoutCircuit.DefaultAdcFullScaleMv"/>, about
    /// the supply at 11 dB), so the virtual mat's counts mean what a board's do; 2450 mV is only the top of the linear range.
    /// </summary>
    public double AdcFullScaleMv { get; init; } = ReadoutCircuit.DefaultAdcFullScaleMv;

    /// <summary>The divider resistor to ground, ohms (hardware/README.md: 10 kohm).</summary>
    public double DividerOhms { get; init; } = 10000;

    /// <summary>
    /// True (the boards in hardware/, <c>"dividerPlacement": "per-column"</c>): every column line has its own divider
    /// to ground, and the multiplexer only connects the line to the high-impedance ADC input, so its on-resistance
    /// carries no current. False: one divider behind each multiplexer's common pin, so the read path is the
    /// on-resistance in series with the divider, and unselected columns float.
    /// </summary>
    public bool DividerPerColumn { get; init; } = true;

    /// <summary>CD74HC4067 on-resistance: ~70 ohm at 4.5 V, more at 3.3 V (DESIGN.md), ohms.</summary>
    public double MuxOnOhms { get; init; } = ReadoutCircuit.DefaultMuxOnOhms;

    /// <summary>On-resistance in series with the divider: none when the divider sits on the column line.</summary>
    public double ReadPathOnOhms => DividerPerColumn ? 0 : MuxOnOhms;

    /// <summary>Load at which a nominal sensel's resistance equals the divider resistor (the conductance law's constant), grams.</summary>
    public int HalfDriveGrams { get; init; } = ReadoutCircuit.DefaultHalfDriveGrams;

    /// <summary>Part-to-part spread of the films' gain: each sensel's gain is drawn uniformly within 1 +- this (15-25%, DESIGN.md).</summary>
    public double GainSpread { get; init; } = 0.2;

    /// <summary>Resistance of an unloaded sensel (film leakage), ohms: it is what holds an intact column above 0 on the empty mat.</summary>
    public double LeakageOhms { get; init; } = 5_000_000;

    /// <summary>Standard deviation of the ADC noise, counts (the ESP32 ADC has ~9-10 effective bits of 12).</summary>
    public double AdcNoiseCounts { get; init; } = 3;

    /// <summary>
    /// True: unselected rows are grounded, so every other sensel of the read column shunts the column node to ground
    /// (the real passive matrix). False: each sensel is read as if alone on its column (an ideal virtual-ground
    /// readout), the reference the crosstalk is measured against.
    /// </summary>
    public bool Crosstalk { get; init; } = true;

    /// <summary>Resistance of a stuck (shorted) sensel, ohms.</summary>
    public double StuckOhms { get; init; } = 2000;

    public int Seed { get; init; } = 1;

    /// <summary>ADC full scale over the drive, per thousand: what the core's ConductanceLaw takes (742 by default).</summary>
    public int FullScalePermilleOfDrive => (int)Math.Round(AdcFullScaleMv * 1000 / DriveMv);
}
