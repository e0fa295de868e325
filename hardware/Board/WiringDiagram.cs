using System.Globalization;
using System.Security;
using System.Text;

namespace Kiosk.Hardware;

/// <summary>
/// Draws a board definition's wiring as SVG: the ESP32 with every used GPIO on its right edge, a wire per GPIO
/// labelled with its number and signal, the shift-register chain beside the rows it drives, the multiplexers under the
/// columns they read, the status LED and the TFT. Generated, never hand-edited, so it cannot drift from the pin map;
/// deterministic (invariant numbers, no dates) so a test can compare it with the committed file byte for byte.
/// Wires are routed in vertical channels, one per wire, ordered so that no two wires cross on the way out.
/// </summary>
public static class WiringDiagram
{
    private const double EspX = 40, EspTopMin = 20, EspWidth = 210, PinSpacing = 26, PinsTop = 70;
    private const double ChannelsLeft = 430, ChannelSpacing = 12;
    private const double ChipX = 730, ChipWidth = 130;
    private const double MatX = 920, MatTop = 90, MatSizePx = 480;
    private const double BusSpacing = 16;

    private const string RowColour = "#c0392b", SelectColour = "#2471a3", AdcColour = "#1e8449", LedColour = "#b9770e", TftColour = "#7d3c98";

    /// <summary>One wire: the pin it leaves, its colour, and the points after its channel (the first sets the channel's end).</summary>
    private sealed record Wire(PinUse Pin, string Colour, (double X, double Y)[] Path);

    /// <summary>The diagram of a board that <see cref="BoardValidator"/> accepts (matctl draws no other).</summary>
    public static string Svg(BoardDefinition board)
    {
        var svg = new SvgWriter();
        double cellPx = MatSizePx / Math.Max(board.Mat.Rows, board.Mat.Cols);
        double matBottom = MatTop + board.Mat.Rows * cellPx;
        var wires = new List<Wire>();

        DrawMat(svg, board, cellPx);
        DrawRowDriver(svg, board, cellPx, wires);
        double busBottom = DrawMultiplexers(svg, board, cellPx, matBottom, wires);
        double tftBottom = DrawLedAndDisplay(svg, board, busBottom, wires);
        double bottom = Math.Max(tftBottom, DrawController(svg, board, wires));
        DrawNotes(svg, board, bottom + 40);
        return svg.ToString(board.Name, MatX + MatSizePx + 120, bottom + 110);
    }

    private static void DrawMat(SvgWriter svg, BoardDefinition board, double cellPx)
    {
        MatLayout mat = board.Mat;
        double width = mat.Cols * cellPx, depth = mat.Rows * cellPx;
        double strip = cellPx * (double)(mat.ElectrodeWidthMm / mat.PitchMm);
        svg.Rect(MatX, MatTop, width, depth, "#f4f1ea", "#555", 1.5);
        for (int row = 0; row < mat.Rows; row++)
        {
            svg.Rect(MatX, MatTop + row * cellPx + (cellPx - strip) / 2, width, strip, "#e6b38a", null, 0, 0.55);
        }
        for (int col = 0; col < mat.Cols; col++)
        {
            svg.Rect(MatX + col * cellPx + (cellPx - strip) / 2, MatTop, strip, depth, "#8fb3d9", null, 0, 0.45);
        }
        string size = $"{mat.Cols} x {mat.Rows} sensels at {InvariantNumber.Format(mat.PitchMm)} mm ({InvariantNumber.Format(mat.Cols * mat.PitchMm)} x {InvariantNumber.Format(mat.Rows * mat.PitchMm)} mm)";
        svg.Text(MatX + width / 2, MatTop - 26, "MAT " + size, 14, "middle", bold: true);
        svg.Text(MatX + width / 2, MatTop - 9, "front edge (toes) - row 0 at top, col 0 at the shopper's left", 11, "middle");
        svg.Text(MatX + width + 6, MatTop + cellPx / 2 + 4, "row 0", 11);
        svg.Text(MatX + width + 6, MatTop + depth - cellPx / 2 + 4, $"row {mat.Rows - 1}", 11);
    }

    private static void DrawRowDriver(SvgWriter svg, BoardDefinition board, double cellPx, List<Wire> wires)
    {
        RowDriver driver = board.RowDriver;
        int rows = board.Mat.Rows;
        double RowY(int row) => MatTop + (row + 0.5) * cellPx;
        if (!driver.IsShiftChain)
        {
            // BoardPins lists the row GPIOs in row order.
            List<PinUse> rowPins = BoardPins.Of(board).Where(p => p.Part == "mat").ToList();
            for (int row = 0; row < rowPins.Count; row++)
            {
                wires.Add(new Wire(rowPins[row], RowColour, [(MatX, RowY(row))]));
            }
            return;
        }

        int chips = driver.Chips ?? 0;
        int perChip = RowDriver.OutputsPerShiftRegister;
        double chipHeight = perChip * cellPx - 6;
        double ChipTop(int chip) => MatTop + chip * perChip * cellPx + 3;
        double serY = 12, clockY = chipHeight * 0.45, latchY = chipHeight * 0.8;
        double latchBusX = ChipX - 28, clockBusX = ChipX - 14;
        for (int chip = 0; chip < chips; chip++)
        {
            double top = ChipTop(chip);
            int first = chip * perChip, last = Math.Min(rows, first + perChip) - 1;
            svg.Rect(ChipX, top, ChipWidth, chipHeight, "#fdf2e9", RowColour, 1.5);
            svg.Text(ChipX + ChipWidth / 2, top + chipHeight / 2 - 2, $"U{chip + 1} {driver.Part}", 12, "middle", bold: true);
            svg.Text(ChipX + ChipWidth / 2, top + chipHeight / 2 + 12, first <= last ? $"rows {first}-{last}" : "unused", 11, "middle");
            for (int row = first; row <= last; row++)
            {
                svg.Line(ChipX + ChipWidth, RowY(row), MatX, RowY(row), RowColour, 0.8);
            }
            svg.Tap(clockBusX, top + clockY, ChipX, RowColour);
            svg.Tap(latchBusX, top + latchY, ChipX, RowColour);
            if (chip > 0)
            {
                // The chain: QH' of the chip above feeds SER of this one.
                double x = ChipX + 18;
                svg.Line(x, top - 6, x, top, RowColour, 1.2);
                svg.Text(x + 4, top - 1, "QH'>SER", 8);
            }
        }
        double lastTop = ChipTop(chips - 1);
        svg.Line(clockBusX, ChipTop(0) + clockY, clockBusX, lastTop + clockY, RowColour, 1.2);
        svg.Line(latchBusX, ChipTop(0) + latchY, latchBusX, lastTop + latchY, RowColour, 1.2);
        svg.Text(ChipX + 4, ChipTop(0) + serY + 4, "SER", 9);

        IReadOnlyList<PinUse> pins = BoardPins.Of(board);
        wires.Add(new Wire(pins.Single(p => p.Signal == "SER"), RowColour, [(ChipX, ChipTop(0) + serY)]));
        wires.Add(new Wire(pins.Single(p => p.Signal == "SRCLK"), RowColour, [(clockBusX, ChipTop(0) + clockY)]));
        wires.Add(new Wire(pins.Single(p => p.Signal == "RCLK"), RowColour, [(latchBusX, ChipTop(0) + latchY)]));
    }

    /// <summary>Muxes under the columns they read; shared select/enable lines as a bus below them; returns the bus's bottom.</summary>
    private static double DrawMultiplexers(SvgWriter svg, BoardDefinition board, double cellPx, double matBottom, List<Wire> wires)
    {
        Multiplexers muxes = board.Multiplexers;
        double muxTop = matBottom + 50, muxHeight = 74, muxBottom = muxTop + muxHeight;
        double MuxX(int mux) => MatX + mux * muxes.ChannelsPerMux * cellPx + 3;
        double muxWidth = muxes.ChannelsPerMux * cellPx - 6;
        for (int mux = 0; mux < muxes.Count; mux++)
        {
            int first = mux * muxes.ChannelsPerMux, last = Math.Min(board.Mat.Cols, first + muxes.ChannelsPerMux) - 1;
            double x = MuxX(mux);
            for (int col = first; col <= last; col++)
            {
                double colX = MatX + (col + 0.5) * cellPx;
                svg.Line(colX, matBottom, colX, muxTop, AdcColour, 0.8);
            }
            svg.Rect(x, muxTop, muxWidth, muxHeight, "#eafaf1", AdcColour, 1.5);
            int gpio = muxes.AdcGpios[mux];
            svg.Text(x + muxWidth / 2, muxTop + 17, $"M{mux + 1} {muxes.Part}", 11, "middle", bold: true);
            svg.Text(x + muxWidth / 2, muxTop + 32, first <= last ? $"cols {first}-{last}" : "unused", 11, "middle");
            svg.Text(x + muxWidth / 2, muxTop + 47, $"Z > GPIO{gpio}", 11, "middle");
            svg.Text(x + muxWidth / 2, muxTop + 62, $"ADC1_CH{Esp32Pins.Adc1Channel(gpio)}", 11, "middle");
        }
        svg.Text(MatX - 8, matBottom + 30, $"{InvariantNumber.Format(board.Readout.DividerOhms / 1000m)} kohm to GND {(board.Readout.DividerPlacement == Readout.PerColumn ? "on every column line" : "on every mux output")}", 11, "end");

        IReadOnlyList<PinUse> shared = BoardPins.Of(board)
            .Where(p => p.Part == muxes.Part).ToList();
        double lastMuxX = MuxX(muxes.Count - 1);
        for (int line = 0; line < shared.Count; line++)
        {
            double y = muxBottom + 24 + line * BusSpacing;
            double tapOffset = 10 + line * 9;
            for (int mux = 0; mux < muxes.Count; mux++)
            {
                double x = MuxX(mux) + tapOffset;
                svg.Line(x, y, x, muxBottom, SelectColour, 1.2);
                svg.Dot(x, y, SelectColour);
            }
            wires.Add(new Wire(shared[line], SelectColour, [(lastMuxX + tapOffset, y)]));
            svg.Text(lastMuxX + tapOffset + 6, y + 4, shared[line].Signal, 10);
        }

        double zTop = muxBottom + 24 + shared.Count * BusSpacing + 8;
        IReadOnlyList<PinUse> outputs = BoardPins.Of(board).Where(p => p.Direction == PinDirection.AnalogInput).ToList();
        for (int mux = 0; mux < outputs.Count; mux++)
        {
            double x = MuxX(mux) + muxWidth - 14, y = zTop + mux * BusSpacing;
            wires.Add(new Wire(outputs[mux], AdcColour, [(x, y), (x, muxBottom)]));
        }
        return zTop + outputs.Count * BusSpacing;
    }

    private static double DrawLedAndDisplay(SvgWriter svg, BoardDefinition board, double top, List<Wire> wires)
    {
        IReadOnlyList<PinUse> pins = BoardPins.Of(board);
        double ledTop = top + 30;
        svg.Rect(ChipX, ledTop, 200, 30, "#fef5e7", LedColour, 1.5);
        svg.Text(ChipX + 8, ledTop + 19, $"status LED + 330 ohm to {(board.StatusLed.ActiveHigh ? "GND" : "3V3")}", 11);
        wires.Add(new Wire(pins.Single(p => p.Signal == "LED"), LedColour, [(ChipX, ledTop + 15)]));

        Display tft = board.Display;
        List<PinUse> tftPins = pins.Where(p => p.Part == tft.Controller && p.Field.StartsWith("display.", StringComparison.Ordinal)).ToList();
        double tftTop = ledTop + 60, rowHeight = 20, tftHeight = 52 + tftPins.Count * rowHeight, tftWidth = 300;
        svg.Rect(ChipX, tftTop, tftWidth, tftHeight, "#f5eef8", TftColour, 1.5);
        svg.Text(ChipX + tftWidth / 2, tftTop + 18, $"TFT {tft.Controller} {tft.WidthPx}x{tft.HeightPx} (SPI{tft.SpiBus})", 12, "middle", bold: true);
        svg.Text(ChipX + tftWidth / 2, tftTop + tftHeight - 8, "VCC 3V3, GND; BL switched by an NPN transistor", 10, "middle");
        for (int i = 0; i < tftPins.Count; i++)
        {
            double y = tftTop + 36 + i * rowHeight;
            svg.Text(ChipX + 8, y + 4, tftPins[i].Signal, 11);
            wires.Add(new Wire(tftPins[i], TftColour, [(ChipX, y)]));
        }
        return tftTop + tftHeight;
    }

    /// <summary>
    /// The ESP32 block, its pins in the order of their targets (top to bottom), and the wires from them; returns the
    /// block's bottom. The first pin sits level with the first target, so every wire runs down or level, never back up.
    /// </summary>
    private static double DrawController(SvgWriter svg, BoardDefinition board, List<Wire> wires)
    {
        List<Wire> ordered = wires.OrderBy(w => w.Path[0].Y).ThenBy(w => w.Pin.Gpio).ToList();
        double espTop = Math.Max(EspTopMin, ordered[0].Path[0].Y - PinsTop);
        double height = PinsTop + ordered.Count * PinSpacing;
        svg.Rect(EspX, espTop, EspWidth, height, "#eef2f7", "#1b2631", 2);
        svg.Text(EspX + EspWidth / 2, espTop + 24, board.Controller.DevKit ?? "ESP32 board", 14, "middle", bold: true);
        svg.Text(EspX + EspWidth / 2, espTop + 42, board.Controller.Module, 12, "middle");
        svg.Text(EspX + EspWidth / 2, espTop + height - 10, "3V3 and GND to every part", 10, "middle");
        double espRight = EspX + EspWidth;
        for (int i = 0; i < ordered.Count; i++)
        {
            Wire wire = ordered[i];
            double y = espTop + PinsTop + i * PinSpacing;
            // Channels run right to left as pins go down: a wire never crosses the ones below it on its way out.
            double channel = ChannelsLeft + (ordered.Count - 1 - i) * ChannelSpacing;
            var points = new List<(double X, double Y)> { (espRight, y), (channel, y), (channel, wire.Path[0].Y) };
            points.AddRange(wire.Path);
            svg.Polyline(points, wire.Colour);
            svg.Dot(espRight, y, wire.Colour);

            int gpio = wire.Pin.Gpio;
            int adc = Esp32Pins.Adc1Channel(gpio);
            string pinLabel = wire.Pin.Direction == PinDirection.AnalogInput && adc >= 0 ? $"GPIO{gpio} ADC1_CH{adc}" : $"GPIO{gpio}";
            svg.Text(espRight - 8, y + 4, pinLabel, 11, "end", bold: true);
            svg.Text(espRight + 6, y - 4, $"GPIO{gpio} {wire.Pin.Signal}", 10, colour: wire.Colour);
        }
        return espTop + height;
    }

    private static void DrawNotes(SvgWriter svg, BoardDefinition board, double top)
    {
        string[] notes =
        [
            $"{board.Name}: generated by `matctl board draw` from hardware/{board.Name}.json - do not edit; regenerate.",
            board.RowDriver.IsShiftChain
                ? $"All parts run at 3.3 V. {board.RowDriver.Part}: /OE to GND, /SRCLR to 3V3, 100 nF per chip; the firmware shifts in zeros first so only one row is ever high."
                : "All parts run at 3.3 V. One GPIO per row: the firmware drives the selected row high and every other row low.",
            $"{board.Multiplexers.Part}: shared select S0-S3 and active-low enable /E {(board.Multiplexers.EnableGpio is null ? "tied to GND" : "on one GPIO")}, each common output Z to its own ADC1 pin (ADC2 stops while Wi-Fi runs); ADC attenuation {InvariantNumber.Format(board.Readout.AdcAttenuationDb)} dB.",
        ];
        for (int i = 0; i < notes.Length; i++)
        {
            svg.Text(EspX, top + i * 18, notes[i], 12);
        }
    }

    /// <summary>A tiny SVG writer: invariant numbers, escaped text, one element per line.</summary>
    private sealed class SvgWriter
    {
        private readonly StringBuilder body = new();

        private static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

        public void Rect(double x, double y, double width, double height, string fill, string? stroke, double strokeWidth, double opacity = 1)
        {
            body.Append($"  <rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(height)}\" fill=\"{fill}\"");
            if (stroke != null)
            {
                body.Append($" stroke=\"{stroke}\" stroke-width=\"{N(strokeWidth)}\" rx=\"3\"");
            }
            if (opacity < 1)
            {
                body.Append($" fill-opacity=\"{N(opacity)}\"");
            }
            body.Append("/>\n");
        }

        public void Line(double x1, double y1, double x2, double y2, string colour, double width) =>
            body.Append($"  <line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{colour}\" stroke-width=\"{N(width)}\"/>\n");

        /// <summary>A branch from a vertical bus at <paramref name="busX"/> right to a part's edge, with a junction dot.</summary>
        public void Tap(double busX, double y, double partX, string colour)
        {
            Line(busX, y, partX, y, colour, 1.2);
            Dot(busX, y, colour);
        }

        public void Dot(double x, double y, string colour) =>
            body.Append($"  <circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"2.5\" fill=\"{colour}\"/>\n");

        public void Polyline(IEnumerable<(double X, double Y)> points, string colour) =>
            body.Append($"  <polyline points=\"{string.Join(" ", points.Select(p => $"{N(p.X)},{N(p.Y)}"))}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.6\"/>\n");

        public void Text(double x, double y, string text, double size, string anchor = "start", bool bold = false, string colour = "#1b2631")
        {
            body.Append($"  <text x=\"{N(x)}\" y=\"{N(y)}\" font-size=\"{N(size)}\"");
            if (anchor != "start")
            {
                body.Append($" text-anchor=\"{anchor}\"");
            }
            if (bold)
            {
                body.Append(" font-weight=\"bold\"");
            }
            body.Append($" fill=\"{colour}\">{SecurityElement.Escape(text)}</text>\n");
        }

        public string ToString(string title, double width, double height) =>
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(width)}\" height=\"{N(height)}\" viewBox=\"0 0 {N(width)} {N(height)}\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n" +
            $"  <title>{SecurityElement.Escape(title)} wiring</title>\n" +
            $"  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n" +
            body +
            "</svg>\n";
    }
}
