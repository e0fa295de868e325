namespace Kiosk.Hardware;

/// <summary>
/// An ESP32 module: which of the chip's GPIOs it brings out, which it keeps for its own flash and PSRAM, and the
/// nanoFramework image that fits it. The chip's own pin facts (ADC, strapping, input-only) are <see cref="Esp32Pins"/>;
/// these are the module's. Sources (hardware/README.md has the links):
///  [WROOM] Espressif, ESP32-WROOM-32 Datasheet, pin layout: GPIO 6-11 go to the integrated SPI flash; 37/38 are not brought out.
///  [WROVER] Espressif, ESP32-WROVER-E / WROVER-IE Datasheet, pin layout: GPIO 6-11 go to the flash (and the PSRAM's data lines);
///          GPIO16 and GPIO17 are the PSRAM's chip select and clock and are not connected to the module's pads.
///  [NANOFF] nanoff's firmware targets: ESP32_PSRAM_REV3_IPV6 is the published ESP32 image with PSRAM support and
///          nanoFramework.Graphics (shared/NANOFRAMEWORK.md section 12; the board's README names it).
/// </summary>
public sealed class Esp32Module
{
    /// <summary>No PSRAM: roughly 90-110 KB of managed heap (shared/NANOFRAMEWORK.md section 12).</summary>
    public static readonly Esp32Module Wroom32 = new(
        "ESP32-WROOM-32", psramGpios: [], nanoffTarget: "ESP32_REV3",
        brokenOut: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 23, 25, 26, 27, 32, 33, 34, 35, 36, 39]);

    /// <summary>8 MB PSRAM on GPIO 16/17 (with the flash's 6-11): the kiosk's default module (README, "The board").</summary>
    public static readonly Esp32Module WroverE = new(
        "ESP32-WROVER-E", psramGpios: [16, 17], nanoffTarget: "ESP32_PSRAM_REV3_IPV6",
        brokenOut: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 18, 19, 21, 22, 23, 25, 26, 27, 32, 33, 34, 35, 36, 39]);

    public static IReadOnlyList<Esp32Module> Known { get; } = [WroverE, Wroom32];

    private readonly HashSet<int> brokenOut;
    private readonly HashSet<int> psramGpios;

    private Esp32Module(string name, int[] psramGpios, string nanoffTarget, int[] brokenOut)
    {
        Name = name;
        this.psramGpios = [.. psramGpios];
        NanoffTarget = nanoffTarget;
        this.brokenOut = [.. brokenOut];
    }

    /// <summary>As board definitions and board.txt spell it (controller.module, <c>module=</c>).</summary>
    public string Name { get; }

    public bool HasPsram => psramGpios.Count > 0;

    /// <summary>The nanoff <c>--target</c> whose image fits this module (a PSRAM image for a PSRAM module).</summary>
    public string NanoffTarget { get; }

    /// <summary>The module by its name, or null when its pin facts are not known here.</summary>
    public static Esp32Module? Named(string name) => Known.FirstOrDefault(m => m.Name == name);

    /// <summary>Brought out to the module's pads (pins it keeps for itself may still be brought out: flash 6-11 are).</summary>
    public bool Exists(int gpio) => brokenOut.Contains(gpio) || psramGpios.Contains(gpio);

    /// <summary>Wired to the module's SPI flash on every ESP32 module [WROOM][WROVER]: touching them crashes the running firmware.</summary>
    public bool IsFlashPin(int gpio) => gpio is >= 6 and <= 11;

    /// <summary>The PSRAM's chip select and clock [WROVER]: driving them from the app stops the board booting with PSRAM.</summary>
    public bool IsPsramPin(int gpio) => psramGpios.Contains(gpio);

    public override string ToString() => Name;
}
