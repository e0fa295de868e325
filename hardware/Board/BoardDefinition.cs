namespace Kiosk.Hardware;

/// <summary>
/// One board as hardware/*.json describes it: the controller, the mat, how rows are driven and columns read,
/// the status LED and the display. Only shape here; what is allowed is <see cref="BoardValidator"/>'s business,
/// so that a faulty file still loads and every fault in it can be reported at once.
/// </summary>
public sealed class BoardDefinition
{
    /// <summary>The "$schema" link editors use to check the file as it is typed; not used here.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    /// <summary>Short identifier, used in file names and on the device (e.g. mat-48x48-10mm).</summary>
    public required string Name { get; init; }

    public string? Description { get; init; }

    public required Controller Controller { get; init; }

    public required MatLayout Mat { get; init; }

    public required RowDriver RowDriver { get; init; }

    public required Multiplexers Multiplexers { get; init; }

    public required Readout Readout { get; init; }

    public required StatusLed StatusLed { get; init; }

    public required Display Display { get; init; }
}
