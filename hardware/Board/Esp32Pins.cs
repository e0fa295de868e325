namespace Kiosk.Hardware;

/// <summary>
/// Pin facts of the ESP32 (original, not S2/S3/C3) in an ESP32-WROOM-32 module, as the validator needs them.
/// Sources (see hardware/README.md for the links):
///  [DS]   Espressif, ESP32 Series Datasheet, "Strapping Pins" and "Pin Definitions".
///  [WROOM] Espressif, ESP32-WROOM-32 Datasheet, pin layout: GPIO 6-11 go to the module's SPI flash; 37/38 are not brought out.
///  [ADC]  ESP-IDF API reference, "Analog to Digital Converter" (ESP32): ADC1 = GPIO 32-39, ADC2 = GPIO 0, 2, 4, 12-15, 25-27,
///         and "ADC2 is used by the Wi-Fi driver", so ADC2 reads fail while Wi-Fi runs.
///  [BOOT] esptool docs, "Boot Mode Selection" (ESP32): GPIO0 low at reset = serial bootloader; GPIO2 must be low or floating
///         to enter it; GPIO12 (MTDI) high at reset selects 1.8 V flash voltage.
///  [NF]   nanoFramework docs, esp32_pin_out.md: AdcController channel numbers; COM1 (UART0, GPIO 1/3) is the debug and deploy port.
/// </summary>
public static class Esp32Pins
{
    public const string Module = "ESP32-WROOM-32";

    /// <summary>GPIOs that exist on the chip and are brought out by the WROOM-32 module [DS][WROOM].</summary>
    private static readonly HashSet<int> OnModule =
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 23, 25, 26, 27, 32, 33, 34, 35, 36, 39];

    public static bool Exists(int gpio) => OnModule.Contains(gpio);

    /// <summary>Wired to the module's SPI flash [WROOM]: touching them crashes the firmware it is running from.</summary>
    public static bool IsFlashPin(int gpio) => gpio is >= 6 and <= 11;

    /// <summary>No output driver and no pull resistors [DS].</summary>
    public static bool IsInputOnly(int gpio) => gpio is >= 34 and <= 39;

    /// <summary>UART0 TX/RX: esptool, nanoff and the nanoFramework debugger all talk to the board over it [NF][BOOT].</summary>
    public static bool IsDebugUart(int gpio) => gpio is 1 or 3;

    /// <summary>ADC1 channel of a GPIO, or -1 [ADC]. nanoFramework's AdcController uses the same numbers for 0-7 [NF].</summary>
    public static int Adc1Channel(int gpio) => gpio switch
    {
        36 => 0,
        37 => 1,
        38 => 2,
        39 => 3,
        32 => 4,
        33 => 5,
        34 => 6,
        35 => 7,
        _ => -1,
    };

    /// <summary>GPIOs on ADC2 [ADC]: usable only while Wi-Fi is off, which the kiosk never is.</summary>
    public static bool IsAdc2(int gpio) => gpio is 0 or 2 or 4 or 12 or 13 or 14 or 15 or 25 or 26 or 27;

    /// <summary>
    /// Why a part wired to this strapping pin can stop the board from booting or being flashed, or null when the pin's
    /// strapping level cannot [DS][BOOT]. At reset every GPIO is an input, so whatever is wired to it (a pull resistor,
    /// a chip input's leakage, a transistor base) decides the level it samples.
    /// GPIO5 and GPIO15 are strapping pins too, but their level only sets SDIO slave timing and whether the ROM prints
    /// its boot log, so they do not stop a WROOM-32 from booting: they are allowed (our boards still avoid GPIO15).
    /// </summary>
    public static string? BootStopper(int gpio) => gpio switch
    {
        0 => "held low at reset it starts the serial bootloader instead of the app (and the DevKitC's auto-program circuit drives it)",
        2 => "held high at reset it blocks the serial bootloader, so the board cannot be flashed",
        12 => "held high at reset (MTDI) it sets the flash voltage to 1.8 V and the WROOM-32's 3.3 V flash does not boot",
        _ => null,
    };
}
