namespace Kiosk.Hardware;

/// <summary>
/// How one row at a time is driven high while the others are held low: a chain of 74HC595 shift registers
/// (three pins for any number of rows) or, for small mats, one GPIO per row.
/// </summary>
public sealed class RowDriver
{
    public const string ShiftKind = "shift";
    public const string GpioKind = "gpio";

    /// <summary>"shift" or "gpio".</summary>
    public required string Kind { get; init; }

    /// <summary>Shift register part, for the diagram and the BOM (e.g. "74HC595").</summary>
    public string? Part { get; init; }

    /// <summary>Chips in the chain; each has 8 outputs.</summary>
    public int? Chips { get; init; }

    /// <summary>SER of the first chip.</summary>
    public int? DataGpio { get; init; }

    /// <summary>SRCLK of every chip.</summary>
    public int? ClockGpio { get; init; }

    /// <summary>RCLK of every chip: outputs change together when it rises, so no row glitches while shifting.</summary>
    public int? LatchGpio { get; init; }

    /// <summary>kind "gpio": the GPIO for row 0, 1, 2, ...</summary>
    public int[]? RowGpios { get; init; }

    public const int OutputsPerShiftRegister = 8;

    public bool IsShiftChain => Kind == ShiftKind;

    /// <summary>How many rows this driver can select: 8 per chip, or one per listed GPIO.</summary>
    public int RowOutputs => IsShiftChain ? (Chips ?? 0) * OutputsPerShiftRegister : RowGpios?.Length ?? 0;
}
