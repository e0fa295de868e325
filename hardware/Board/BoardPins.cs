namespace Kiosk.Hardware;

/// <summary>
/// Every GPIO a definition uses, in one list, so the validator, the device text and the diagram cannot disagree on
/// which pin does what.
/// </summary>
public static class BoardPins
{
    public static IReadOnlyList<PinUse> Of(BoardDefinition board)
    {
        var uses = new List<PinUse>();
        void Add(int? gpio, PinDirection direction, string field, string signal, string part)
        {
            if (gpio is int pin)
            {
                uses.Add(new PinUse(pin, direction, field, signal, part));
            }
        }

        RowDriver rows = board.RowDriver;
        if (rows.IsShiftChain)
        {
            string part = rows.Part ?? "shift register";
            Add(rows.DataGpio, PinDirection.Output, "rowDriver.dataGpio", "SER", part);
            Add(rows.ClockGpio, PinDirection.Output, "rowDriver.clockGpio", "SRCLK", part);
            Add(rows.LatchGpio, PinDirection.Output, "rowDriver.latchGpio", "RCLK", part);
        }
        else
        {
            int[] rowGpios = rows.RowGpios ?? [];
            for (int row = 0; row < rowGpios.Length; row++)
            {
                Add(rowGpios[row], PinDirection.Output, $"rowDriver.rowGpios[{row}]", $"ROW{row}", "mat");
            }
        }

        Multiplexers muxes = board.Multiplexers;
        for (int bit = 0; bit < muxes.SelectGpios.Length; bit++)
        {
            Add(muxes.SelectGpios[bit], PinDirection.Output, $"multiplexers.selectGpios[{bit}]", $"S{bit}", muxes.Part);
        }
        Add(muxes.EnableGpio, PinDirection.Output, "multiplexers.enableGpio", "/E", muxes.Part);
        for (int mux = 0; mux < muxes.AdcGpios.Length; mux++)
        {
            Add(muxes.AdcGpios[mux], PinDirection.AnalogInput, $"multiplexers.adcGpios[{mux}]", $"Z{mux}", $"mux {mux}");
        }

        Add(board.StatusLed.Gpio, PinDirection.Output, "statusLed.gpio", "LED", "status LED");

        Display tft = board.Display;
        Add(tft.MosiGpio, PinDirection.Output, "display.mosiGpio", "MOSI", tft.Controller);
        Add(tft.MisoGpio, PinDirection.DigitalInput, "display.misoGpio", "MISO", tft.Controller);
        Add(tft.ClockGpio, PinDirection.Output, "display.clockGpio", "SCK", tft.Controller);
        Add(tft.CsGpio, PinDirection.Output, "display.csGpio", "CS", tft.Controller);
        Add(tft.DcGpio, PinDirection.Output, "display.dcGpio", "DC", tft.Controller);
        Add(tft.ResetGpio, PinDirection.Output, "display.resetGpio", "RST", tft.Controller);
        Add(tft.BacklightGpio, PinDirection.Output, "display.backlightGpio", "BL", tft.Controller);
        return uses;
    }
}
