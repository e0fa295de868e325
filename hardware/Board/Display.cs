namespace Kiosk.Hardware;

/// <summary>The TFT on the controller's SPI bus, as nanoFramework.Graphics' SpiConfiguration wants it.</summary>
public sealed class Display
{
    /// <summary>Driver chip, e.g. "ILI9341" or "ST7789".</summary>
    public required string Controller { get; init; }

    public required int WidthPx { get; init; }

    public required int HeightPx { get; init; }

    /// <summary>nanoFramework SPI bus number (1 = SPI1).</summary>
    public required int SpiBus { get; init; }

    public required int MosiGpio { get; init; }

    /// <summary>nanoFramework needs MISO assigned even though the display is only written to.</summary>
    public required int MisoGpio { get; init; }

    public required int ClockGpio { get; init; }

    public required int CsGpio { get; init; }

    public required int DcGpio { get; init; }

    public required int ResetGpio { get; init; }

    public required int BacklightGpio { get; init; }
}
