using System.Globalization;
using System.Text;

namespace Kiosk.Hardware;

/// <summary>
/// The device form of a board definition: ASCII <c>key=value</c> lines that the nanoFramework app parses with
/// String.Split, no JSON library (hardware/README.md, "Device text", is the contract). Integers are decimal; lists are
/// comma-separated without spaces; an absent pin is -1; lines starting with # are comments. Keys are only ever added,
/// so an app ignores keys it does not know.
/// </summary>
public static class DeviceBoardText
{
    /// <summary>Bump only when a key changes meaning; adding a key does not.</summary>
    public const int FormatVersion = 1;

    public static string Export(BoardDefinition board)
    {
        var text = new StringBuilder();
        void Line(string key, object value) =>
            text.Append(key).Append('=').Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('\n');
        string List(IEnumerable<int> values) => string.Join(",", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));

        text.Append("# ").Append(board.Name).Append(": written by matctl board export from the JSON definition; do not edit\n");
        Line("format", FormatVersion);
        Line("name", board.Name);
        // The firmware refuses a pin its module keeps for flash or PSRAM, the same rule as BoardValidator.
        Line("module", board.Controller.Module);

        var geometry = BoardGeometry.ToMatGeometry(board);
        Line("rows", geometry.Rows);
        Line("cols", geometry.Cols);
        Line("pitch_um", geometry.PitchUm);

        RowDriver rows = board.RowDriver;
        Line("row_driver", rows.Kind);
        if (rows.IsShiftChain)
        {
            Line("sr_chips", rows.Chips ?? 0);
            Line("sr_data", rows.DataGpio ?? -1);
            Line("sr_clock", rows.ClockGpio ?? -1);
            Line("sr_latch", rows.LatchGpio ?? -1);
        }
        else
        {
            Line("row_gpio", List(rows.RowGpios ?? []));
        }

        Multiplexers muxes = board.Multiplexers;
        Line("mux_count", muxes.Count);
        Line("mux_channels", muxes.ChannelsPerMux);
        Line("mux_select", List(muxes.SelectGpios));
        Line("mux_enable", muxes.EnableGpio ?? -1);
        Line("mux_adc_gpio", List(muxes.AdcGpios));
        // nanoFramework opens ADC channels by number (AdcController.OpenChannel), not by GPIO.
        Line("mux_adc_channels", List(muxes.AdcGpios.Select(Esp32Pins.Adc1Channel)));

        Line("divider_ohm", board.Readout.DividerOhms);
        Line("divider_placement", board.Readout.DividerPlacement);
        Line("adc_atten_db", InvariantNumber.Format(board.Readout.AdcAttenuationDb));

        Line("led", board.StatusLed.Gpio);
        Line("led_active_high", board.StatusLed.ActiveHigh ? 1 : 0);

        Display tft = board.Display;
        Line("tft_controller", tft.Controller);
        Line("tft_width", tft.WidthPx);
        Line("tft_height", tft.HeightPx);
        Line("tft_spi_bus", tft.SpiBus);
        Line("tft_mosi", tft.MosiGpio);
        Line("tft_miso", tft.MisoGpio);
        Line("tft_sck", tft.ClockGpio);
        Line("tft_cs", tft.CsGpio);
        Line("tft_dc", tft.DcGpio);
        Line("tft_rst", tft.ResetGpio);
        Line("tft_bl", tft.BacklightGpio);
        return text.ToString();
    }

    /// <summary>
    /// Reads the text back the way the device does (for host tools such as provisioning, and for tests): later keys
    /// win, comments and blank lines are skipped, a line without '=' is an error naming its number.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            int equals = line.IndexOf('=');
            if (equals <= 0)
            {
                throw new FormatException($"board text line {i + 1}: expected key=value, got \"{line}\"");
            }
            values[line[..equals]] = line[(equals + 1)..];
        }
        return values;
    }
}
