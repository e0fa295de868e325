using System.Text.Json.Nodes;
using static Kiosk.Hardware.Tests.Boards;

namespace Kiosk.Hardware.Tests;

public class BoardValidatorTests
{
    [Theory]
    [MemberData(nameof(Committed), MemberType = typeof(Boards))]
    public void CommittedBoardsHaveNoFaults(string name)
    {
        Assert.Empty(BoardValidator.Check(Load(name)));
    }

    [Theory]
    [InlineData(WroverE)]
    [InlineData(Wroom32)]
    public void CommittedPinMapsAreValidOnBothModules(string module)
    {
        // The WROVER-E map keeps clear of GPIO16/17, so the same board also runs on a WROOM-32 (with less heap).
        Assert.Empty(FaultsOn(module, Mat48, _ => { }));
        Assert.Empty(FaultsOn(module, Mat64, _ => { }));
    }

    [Theory]
    [InlineData(WroverE)]
    [InlineData(Wroom32)]
    public void Adc2PinIsRejectedBecauseWifiDisablesIt(string module)
    {
        var faults = FaultsOn(module, Mat48, b => b["multiplexers"]!["adcGpios"] = Gpios(36, 25, 34));

        var fault = Single(faults, BoardFaultCode.AdcPinNotOnAdc1);
        Assert.Contains("multiplexers.adcGpios[1] = GPIO25", fault.Message);
        Assert.Contains("ADC2, which does not work while Wi-Fi is on", fault.Message);
        Assert.Contains("GPIO 32-39", fault.Message);
    }

    [Theory]
    [InlineData(WroverE)]
    [InlineData(Wroom32)]
    public void PinWithoutAnyAdcIsRejectedAsAColumnInput(string module)
    {
        var faults = FaultsOn(module, Mat48, b => b["multiplexers"]!["adcGpios"] = Gpios(36, 39, 3));

        Assert.Contains("GPIO3 has no ADC", Single(faults, BoardFaultCode.AdcPinNotOnAdc1).Message);
    }

    [Theory]
    [MemberData(nameof(OnEveryModule), new[] { 34, 35, 36, 39 }, MemberType = typeof(Boards))]
    public void OutputOnInputOnlyPinIsRejected(string module, int gpio)
    {
        var faults = FaultsOn(module, Mat48, b => b["statusLed"]!["gpio"] = gpio);

        var fault = Single(faults, BoardFaultCode.InputOnlyPinAsOutput);
        Assert.Contains($"statusLed.gpio = GPIO{gpio}", fault.Message);
        Assert.Contains("input-only", fault.Message);
    }

    [Fact]
    public void InputOnlyPinIsFineAsAnAdcInput()
    {
        // GPIO 34-39 cannot drive, but reading a mux output is exactly what they are for.
        var faults = FaultsOf(Mat48, b => b["multiplexers"]!["adcGpios"] = Gpios(36, 39, 35));

        Assert.Empty(faults);
    }

    [Theory]
    [MemberData(nameof(OnEveryModule), new[] { 6, 7, 8, 9, 10, 11 }, MemberType = typeof(Boards))]
    public void SpiFlashPinIsRejected(string module, int gpio)
    {
        var faults = FaultsOn(module, Mat48, b => b["display"]!["dcGpio"] = gpio);

        var fault = Single(faults, BoardFaultCode.FlashPin);
        Assert.Contains($"display.dcGpio = GPIO{gpio}", fault.Message);
        Assert.Contains($"{module}'s SPI flash", fault.Message);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(17)]
    public void PsramPinIsRejectedOnAWrover(int gpio)
    {
        // The WROOM-32 pin map of sessions 1-2 put mux S0/S1 on GPIO16/17: on a WROVER-E that board would not boot with PSRAM.
        var faults = FaultsOn(WroverE, Mat48, b => b["multiplexers"]!["selectGpios"] = Gpios(gpio == 16 ? 16 : 4, gpio == 17 ? 17 : 15, 26, 27));

        var fault = Single(faults, BoardFaultCode.PsramPin);
        Assert.Contains($"multiplexers.selectGpios[{gpio - 16}] = GPIO{gpio}", fault.Message);
        Assert.Contains("ESP32-WROVER-E's PSRAM", fault.Message);
        Assert.Single(faults);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(17)]
    public void PsramPinsArePlainOutputsOnAWroom32(int gpio)
    {
        Assert.Empty(FaultsOn(Wroom32, Mat48, b => b["statusLed"]!["gpio"] = gpio));
    }

    [Theory]
    [InlineData(WroverE, 0, "serial bootloader instead of the app")]
    [InlineData(WroverE, 2, "cannot be flashed")]
    [InlineData(WroverE, 12, "1.8 V")]
    [InlineData(Wroom32, 0, "serial bootloader instead of the app")]
    [InlineData(Wroom32, 2, "cannot be flashed")]
    [InlineData(Wroom32, 12, "1.8 V")]
    public void StrappingPinWhoseBootLevelStopsTheBoardIsRejected(string module, int gpio, string consequence)
    {
        var faults = FaultsOn(module, Mat48, b => b["rowDriver"]!["latchGpio"] = gpio);

        var fault = Single(faults, BoardFaultCode.StrappingPin);
        Assert.Contains($"rowDriver.latchGpio = GPIO{gpio}: strapping pin", fault.Message);
        Assert.Contains(consequence, fault.Message);
    }

    [Theory]
    [InlineData(WroverE)]
    [InlineData(Wroom32)]
    public void StrappingPinsThatOnlySetTimingOrBootLogAreAllowed(string module)
    {
        // GPIO5 (the TFT's CS) and GPIO15 (mux S1) only set SDIO timing and the boot log: the board still boots.
        var board = Variant(Mat48, b => b["controller"]!["module"] = module);

        Assert.Equal(5, board.Display.CsGpio);
        Assert.Equal(15, board.Multiplexers.SelectGpios[1]);
        Assert.Empty(BoardValidator.Check(board));
    }

    [Theory]
    [MemberData(nameof(OnEveryModule), new[] { 1, 3 }, MemberType = typeof(Boards))]
    public void DebugUartPinIsRejected(string module, int gpio)
    {
        var faults = FaultsOn(module, Mat48, b => b["display"]!["resetGpio"] = gpio);

        Assert.Contains("UART0", Single(faults, BoardFaultCode.DebugUartPin).Message);
    }

    [Theory]
    [MemberData(nameof(OnEveryModule), new[] { 20, 24, 37, 38, 40 }, MemberType = typeof(Boards))]
    public void GpioTheModuleDoesNotHaveIsRejected(string module, int gpio)
    {
        var faults = FaultsOn(module, Mat48, b => b["display"]!["backlightGpio"] = gpio);

        Assert.Contains($"GPIO{gpio}: the {module} has no such pin", Single(faults, BoardFaultCode.NoSuchGpio).Message);
    }

    [Fact]
    public void PinUsedTwiceNamesEveryUse()
    {
        var faults = FaultsOf(Mat48, b => b["statusLed"]!["gpio"] = 13);

        var fault = Single(faults, BoardFaultCode.PinUsedTwice);
        Assert.Equal("GPIO13 is used 2 times: rowDriver.dataGpio, statusLed.gpio", fault.Message);
    }

    /// <summary>One field of a committed board set wrong: exactly that fault, saying what is wrong and why.</summary>
    [Theory]
    [InlineData(Mat64, "multiplexers.adcGpios", "[36, 39, 34]", BoardFaultCode.TooFewMuxChannels,
        "mat.cols = 64 but 3 multiplexers x 16 channels = 48; 4 multiplexers (adcGpios) are needed")]
    [InlineData(Mat48, "rowDriver.chips", "5", BoardFaultCode.TooFewRowOutputs, "mat.rows = 48 but 5 shift registers give 40 outputs")]
    [InlineData(Mat48, "rowDriver.kind", "\"decoder\"", BoardFaultCode.RowDriverIncomplete, "rowDriver.kind \"decoder\" must be \"shift\" or \"gpio\"")]
    [InlineData(Mat48, "multiplexers.selectGpios", "[4, 15, 26]", BoardFaultCode.WrongSelectLineCount,
        "multiplexers: 16 channels per mux need 4 select lines, selectGpios has 3")]
    [InlineData(Mat64, "mat.activeAreaMm.width", "470", BoardFaultCode.GeometryOutsideActiveArea,
        "mat: 64 cols x 64 rows at 7.5 mm need 480 x 480 mm, the active area is 470 x 480 mm")]
    [InlineData(Mat48, "mat.electrodeWidthMm", "10", BoardFaultCode.ElectrodesTouch, "below the 10 mm pitch, or neighbouring strips touch")]
    [InlineData(Mat48, "readout.adcAttenuationDb", "3", BoardFaultCode.ReadoutOutOfRange, "readout.adcAttenuationDb = 3: the ESP32 ADC offers 0, 2.5, 6 or 11 dB")]
    public void OneWrongFieldIsRejectedSayingWhatIsWrong(string board, string field, string json, BoardFaultCode code, string says)
    {
        var faults = FaultsOf(board, b => Set(b, field, JsonNode.Parse(json)));

        Assert.Contains(says, Single(faults, code).Message);
    }

    [Theory]
    [InlineData(1, 48, 10)]
    [InlineData(48, 48, 0.5)]
    [InlineData(48, 48, 7.5004)]
    public void GridTheFirmwareCannotHoldIsRejected(int rows, int cols, double pitchMm)
    {
        var faults = FaultsOf(Mat48, b =>
        {
            b["mat"]!["rows"] = rows;
            b["mat"]!["cols"] = cols;
            b["mat"]!["pitchMm"] = pitchMm;
        });

        Assert.StartsWith("mat: ", Single(faults, BoardFaultCode.GeometryOutOfRange).Message);
    }

    [Fact]
    public void OtherModuleIsRefusedRatherThanCheckedAgainstTheWrongPinTable()
    {
        var faults = FaultsOf(Mat48, b => b["controller"]!["module"] = "ESP32-S3-WROOM-1");

        var fault = Single(faults, BoardFaultCode.UnknownModule);
        Assert.Contains("ESP32-S3-WROOM-1", fault.Message);
        Assert.Contains("ESP32-WROVER-E and ESP32-WROOM-32 only", fault.Message);
    }

    [Fact]
    public void EveryFaultIsReportedNotOnlyTheFirst()
    {
        var faults = FaultsOf(Mat48, b =>
        {
            b["multiplexers"]!["adcGpios"] = Gpios(36, 39, 25);
            b["statusLed"]!["gpio"] = 35;
            b["display"]!["csGpio"] = 9;
            b["rowDriver"]!["chips"] = 4;
        });

        // GPIO25 is also the TFT's MISO, hence the pin used twice.
        BoardFaultCode[] expected =
        [
            BoardFaultCode.AdcPinNotOnAdc1, BoardFaultCode.PinUsedTwice, BoardFaultCode.InputOnlyPinAsOutput,
            BoardFaultCode.FlashPin, BoardFaultCode.TooFewRowOutputs,
        ];
        Assert.Equal(expected.Order(), faults.Select(f => f.Code).Order());
    }

    [Fact]
    public void SmallMatWithOneGpioPerRowIsValid()
    {
        Assert.Empty(BoardValidator.Check(SmallGpioRowMat()));
    }

    [Theory]
    [InlineData("latchGpio", "a shift chain needs chips (1 or more), dataGpio, clockGpio and latchGpio")]
    [InlineData("chips", "a shift chain needs chips (1 or more)")]
    public void ShiftChainWithoutAllItsPinsIsRejected(string left, string message)
    {
        var faults = FaultsOf(Mat48, b => b["rowDriver"]!.AsObject().Remove(left));

        Assert.Contains(message, Single(faults, BoardFaultCode.RowDriverIncomplete).Message);
    }

    [Fact]
    public void GpioRowDriverNeedsAGpioPerRow()
    {
        var faults = FaultsOf(Mat48, b => b["rowDriver"] = new JsonObject { ["kind"] = "gpio", ["rowGpios"] = Gpios(13, 18, 21) });

        Assert.Equal("mat.rows = 48 but 3 row GPIOs", Single(faults, BoardFaultCode.TooFewRowOutputs).Message);
    }
}
