namespace Kiosk.Hardware;

/// <summary>
/// Pin facts of the ESP32 chip (original, not S2/S3/C3), as the validator needs them; what a module brings out or keeps
/// for its flash and PSRAM is <see cref="Esp32Module"/>'s. Sources (see hardware/README.md for the links):
///  [DS]   Espressif, ESP32 Series Datasheet, "Strapping Pins" and "Pin Definitions".
///  [ADC]  ESP-IDF API reference, "Analog to Digital Converter" (ESP32): ADC1 = GPIO 32-39, ADC2 = GPIO 0, 2, 4, 12-15, 25-27,
///         and "ADC2 is used by the Wi-Fi driver", so ADC2 reads fail while Wi-Fi runs.
///  [BOOT] esptool docs, "Boot Mode Selection" (ESP32): GPIO0 low at reset = serial bootloader; GPIO2 must be low or floating
///         to enter it; GPIO12 (MTDI) high at reset selects 1.8 V flash voltage.
///  [NF]   nanoFramework docs, esp32_pin_out.md: AdcController channel numbers; COM1 (UART0, GPIO 1/3) is the debug and deploy port.
/// </summary>
public static class Esp32Pins
{
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
    /// its boot log, so they do not stop an ESP32 module from booting: they are allowed (the WROVER-E map drives a mux select line from GPIO15, which the
    /// mux's input leaves at its pull-up level at reset).
    /// </summary>
    public static string? BootStopper(int gpio) => gpio switch
    {
        0 => "held low at reset it starts the serial bootloader instead of the app (and the DevKitC's auto-program circuit drives it)",
        2 => "held high at reset it blocks the serial bootloader, so the board cannot be flashed",
        12 => "held high at reset (MTDI) it sets the flash voltage to 1.8 V and the module's 3.3 V flash does not boot",
        _ => null,
    };
}
