namespace Kiosk.Hardware;

/// <summary>The TFT on the controller's SPI bus, as nanoFramework.Graphics' SpiConfiguration wants it.</summary>
/// <param name="Controller">Driver chip, e.g. "ILI9341" or "ST7789".</param>
/// <param name="SpiBus">nanoFramework SPI bus number (1 = SPI1).</param>
/// <param name="MisoGpio">nanoFramework needs MISO assigned even though the display is only written to.</param>
public sealed record Display(
    string Controller,
    int WidthPx, int HeightPx,
    int SpiBus, int MosiGpio, int MisoGpio, int ClockGpio,
    int CsGpio, int DcGpio, int ResetGpio, int BacklightGpio);
