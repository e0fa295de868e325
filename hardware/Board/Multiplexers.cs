namespace Kiosk.Hardware;

/// <summary>
/// The column readers: identical analogue multiplexers (CD74HC4067, 16 channels) sharing their select lines,
/// each feeding its own ADC1 pin, so mux k reads columns k*channels .. k*channels+channels-1.
/// </summary>
public sealed class Multiplexers
{
    public required string Part { get; init; }

    public required int ChannelsPerMux { get; init; }

    /// <summary>S0, S1, S2, S3 (least significant first), shared by every mux.</summary>
    public required int[] SelectGpios { get; init; }

    /// <summary>The shared active-low enable (E), or null when it is tied to ground.</summary>
    public int? EnableGpio { get; init; }

    /// <summary>The ADC pin each mux's common output (Z) feeds, one per mux; the count is the number of muxes.</summary>
    public required int[] AdcGpios { get; init; }

    public int Count => AdcGpios.Length;

    public int Channels => Count * ChannelsPerMux;
}
