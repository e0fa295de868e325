using System.Globalization;
using Kiosk.Mat.Geometry;

namespace Kiosk.Hardware;

/// <summary>
/// Checks a board definition against its module's pin facts (<see cref="Esp32Module"/>: what it brings out, what its
/// flash and PSRAM keep; <see cref="Esp32Pins"/>: the chip's ADC, strapping and input-only pins) and against itself
/// (enough row outputs and mux channels, a grid that fits the mat). Returns every fault, not just the first, so a
/// technician fixes a file in one pass.
/// </summary>
public static class BoardValidator
{
    /// <summary>Attenuations the ESP32 ADC offers, in dB.</summary>
    private static readonly decimal[] AttenuationsDb = [0m, 2.5m, 6m, 11m];

    public static IReadOnlyList<BoardFault> Check(BoardDefinition board)
    {
        var faults = new List<BoardFault>();
        CheckPins(board, faults);
        CheckRowDriver(board, faults);
        CheckMultiplexers(board, faults);
        CheckGeometry(board.Mat, faults);
        CheckReadout(board.Readout, faults);
        return faults;
    }

    private static void CheckPins(BoardDefinition board, List<BoardFault> faults)
    {
        IReadOnlyList<PinUse> uses = BoardPins.Of(board);
        foreach (IGrouping<int, PinUse> shared in uses.GroupBy(u => u.Gpio).Where(g => g.Count() > 1))
        {
            faults.Add(new(BoardFaultCode.PinUsedTwice,
                $"GPIO{shared.Key} is used {shared.Count()} times: {string.Join(", ", shared.Select(u => u.Field))}"));
        }

        if (Esp32Module.Named(board.Controller.Module) is not Esp32Module module)
        {
            // Pin facts differ per chip and module (an ESP32-S3 has ADC1 on GPIO 1-10, a WROVER keeps 16/17 for its
            // PSRAM): checking them against the wrong table would mislead.
            faults.Add(new(BoardFaultCode.UnknownModule,
                $"controller.module \"{board.Controller.Module}\" is not supported: pin facts are known for {string.Join(" and ", Esp32Module.Known)} only (see hardware/README.md for the ESP32-S3)"));
            return;
        }

        foreach (PinUse use in uses)
        {
            CheckPin(module, use, faults);
        }
    }

    private static void CheckPin(Esp32Module module, PinUse use, List<BoardFault> faults)
    {
        int gpio = use.Gpio;
        string at = $"{use.Field} = GPIO{gpio}";
        if (!module.Exists(gpio))
        {
            faults.Add(new(BoardFaultCode.NoSuchGpio, $"{at}: the {module} has no such pin"));
            return;
        }
        if (module.IsFlashPin(gpio))
        {
            faults.Add(new(BoardFaultCode.FlashPin, $"{at}: GPIO 6-11 are wired to the {module}'s SPI flash and cannot be used"));
        }
        if (module.IsPsramPin(gpio))
        {
            faults.Add(new(BoardFaultCode.PsramPin,
                $"{at}: GPIO16/GPIO17 are the {module}'s PSRAM chip select and clock; the board would not boot with its PSRAM (move the signal to a free pin)"));
        }
        if (Esp32Pins.IsDebugUart(gpio))
        {
            faults.Add(new(BoardFaultCode.DebugUartPin, $"{at}: GPIO1/GPIO3 are UART0, which flashing, deploying and debugging use"));
        }
        if (use.Direction == PinDirection.Output && Esp32Pins.IsInputOnly(gpio))
        {
            faults.Add(new(BoardFaultCode.InputOnlyPinAsOutput, $"{at}: GPIO 34-39 are input-only and cannot drive {use.Signal}"));
        }
        if (use.Direction == PinDirection.AnalogInput && Esp32Pins.Adc1Channel(gpio) < 0)
        {
            string why = Esp32Pins.IsAdc2(gpio)
                ? "is on ADC2, which does not work while Wi-Fi is on"
                : "has no ADC";
            faults.Add(new(BoardFaultCode.AdcPinNotOnAdc1, $"{at}: GPIO{gpio} {why}; use an ADC1 pin (GPIO 32-39)"));
        }
        if (Esp32Pins.BootStopper(gpio) is string risk)
        {
            faults.Add(new(BoardFaultCode.StrappingPin, $"{at}: strapping pin; {risk}"));
        }
    }

    private static void CheckRowDriver(BoardDefinition board, List<BoardFault> faults)
    {
        RowDriver driver = board.RowDriver;
        string? missing = driver.Kind switch
        {
            RowDriver.ShiftKind when driver is not { Chips: > 0, DataGpio: not null, ClockGpio: not null, LatchGpio: not null } =>
                "rowDriver: a shift chain needs chips (1 or more), dataGpio, clockGpio and latchGpio",
            RowDriver.GpioKind when driver.RowGpios is not { Length: > 0 } =>
                "rowDriver: kind \"gpio\" needs rowGpios, one GPIO per row",
            RowDriver.ShiftKind or RowDriver.GpioKind => null,
            _ => $"rowDriver.kind \"{driver.Kind}\" must be \"{RowDriver.ShiftKind}\" or \"{RowDriver.GpioKind}\"",
        };
        if (missing != null)
        {
            faults.Add(new(BoardFaultCode.RowDriverIncomplete, missing));
            return;
        }
        if (driver.RowOutputs < board.Mat.Rows)
        {
            string have = driver.IsShiftChain
                ? $"{driver.Chips} shift registers give {driver.RowOutputs} outputs"
                : $"{driver.RowOutputs} row GPIOs";
            faults.Add(new(BoardFaultCode.TooFewRowOutputs, $"mat.rows = {board.Mat.Rows} but {have}"));
        }
    }

    private static void CheckMultiplexers(BoardDefinition board, List<BoardFault> faults)
    {
        Multiplexers muxes = board.Multiplexers;
        if (muxes.ChannelsPerMux < 2 || muxes.ChannelsPerMux != 1 << muxes.SelectGpios.Length)
        {
            faults.Add(new(BoardFaultCode.WrongSelectLineCount,
                $"multiplexers: {muxes.ChannelsPerMux} channels per mux need {SelectLinesFor(muxes.ChannelsPerMux)} select lines, selectGpios has {muxes.SelectGpios.Length}"));
        }
        if (muxes.Channels < board.Mat.Cols)
        {
            int needed = (board.Mat.Cols + muxes.ChannelsPerMux - 1) / Math.Max(1, muxes.ChannelsPerMux);
            faults.Add(new(BoardFaultCode.TooFewMuxChannels,
                $"mat.cols = {board.Mat.Cols} but {muxes.Count} multiplexers x {muxes.ChannelsPerMux} channels = {muxes.Channels}; {needed} multiplexers (adcGpios) are needed"));
        }
    }

    private static string SelectLinesFor(int channels) =>
        channels >= 2 && (channels & (channels - 1)) == 0
            ? Math.Log2(channels).ToString(CultureInfo.InvariantCulture)
            : "a power-of-two channel count and log2 of it as";

    private static void CheckGeometry(MatLayout mat, List<BoardFault> faults)
    {
        try
        {
            _ = BoardGeometry.ToMatGeometry(mat);
        }
        catch (ArgumentException e)
        {
            faults.Add(new(BoardFaultCode.GeometryOutOfRange, $"mat: {FirstLine(e.Message)}"));
            return;
        }

        decimal widthMm = mat.Cols * mat.PitchMm;
        decimal depthMm = mat.Rows * mat.PitchMm;
        if (widthMm > mat.ActiveAreaMm.Width || depthMm > mat.ActiveAreaMm.Depth)
        {
            faults.Add(new(BoardFaultCode.GeometryOutsideActiveArea,
                $"mat: {mat.Cols} cols x {mat.Rows} rows at {Mm(mat.PitchMm)} mm need {Mm(widthMm)} x {Mm(depthMm)} mm, the active area is {Mm(mat.ActiveAreaMm.Width)} x {Mm(mat.ActiveAreaMm.Depth)} mm"));
        }
        if (mat.ElectrodeWidthMm <= 0 || mat.ElectrodeWidthMm >= mat.PitchMm)
        {
            faults.Add(new(BoardFaultCode.ElectrodesTouch,
                $"mat.electrodeWidthMm = {Mm(mat.ElectrodeWidthMm)} must be above 0 and below the {Mm(mat.PitchMm)} mm pitch, or neighbouring strips touch"));
        }
    }

    private static void CheckReadout(Readout readout, List<BoardFault> faults)
    {
        if (!AttenuationsDb.Contains(readout.AdcAttenuationDb))
        {
            faults.Add(new(BoardFaultCode.ReadoutOutOfRange,
                $"readout.adcAttenuationDb = {Mm(readout.AdcAttenuationDb)}: the ESP32 ADC offers 0, 2.5, 6 or 11 dB"));
        }
        if (readout.DividerOhms is < 1_000 or > 100_000)
        {
            faults.Add(new(BoardFaultCode.ReadoutOutOfRange,
                $"readout.dividerOhms = {readout.DividerOhms}: expected 1 to 100 kohm (about the film's mid-load resistance; 10 kohm is the design value)"));
        }
        if (readout.DividerPlacement is not (Readout.PerColumn or Readout.PerMuxOutput))
        {
            faults.Add(new(BoardFaultCode.ReadoutOutOfRange,
                $"readout.dividerPlacement = \"{readout.DividerPlacement}\": expected \"{Readout.PerColumn}\" or \"{Readout.PerMuxOutput}\""));
        }
    }

    private static string Mm(decimal mm) => InvariantNumber.Format(mm);

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
