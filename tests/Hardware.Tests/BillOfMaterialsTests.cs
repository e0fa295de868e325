using System.Globalization;
using System.Text.RegularExpressions;
using Kiosk.Tests;
using static Kiosk.Hardware.Tests.Boards;

namespace Kiosk.Hardware.Tests;

public class BillOfMaterialsTests
{
    private sealed record BomLine(string Id, string Part, int Quantity, string ExamplePartNumber, decimal UnitPriceEur, decimal LinePriceEur);

    private static readonly string[] Header =
        ["id", "part", "quantity", "unit", "example_part_number", "unit_price_eur", "line_price_eur", "notes"];

    /// <summary>Reads hardware/bom-48x48.csv; the file keeps commas out of its fields, so a plain split is the parser.</summary>
    private static IReadOnlyDictionary<string, BomLine> Bom()
    {
        string[] lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "hardware", "bom-48x48.csv"));
        Assert.Equal(Header, lines[0].Split(','));
        var bom = new Dictionary<string, BomLine>();
        foreach (string line in lines.Skip(1).Where(l => l.Length > 0))
        {
            string[] f = line.Split(',');
            Assert.True(f.Length == Header.Length, $"bom-48x48.csv: {f.Length} fields, not {Header.Length}: {line}");
            bom.Add(f[0], new BomLine(f[0], f[1], int.Parse(f[2], CultureInfo.InvariantCulture), f[4],
                decimal.Parse(f[5], CultureInfo.InvariantCulture), decimal.Parse(f[6], CultureInfo.InvariantCulture)));
        }
        return bom;
    }

    [Fact]
    public void EveryLinePriceIsQuantityTimesUnitPrice()
    {
        Assert.All(Bom().Values, line => Assert.Equal(line.Quantity * line.UnitPriceEur, line.LinePriceEur));
    }

    [Fact]
    public void ReadmeTotalIsTheSumOfTheCsv()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "hardware", "README.md"));
        Match total = Regex.Match(readme, @"BOM total \(indicative\): ([0-9]+\.[0-9]{2}) EUR");
        Assert.True(total.Success, "hardware/README.md must state 'BOM total (indicative): N.NN EUR'");

        decimal sum = Bom().Values.Sum(line => line.LinePriceEur);

        Assert.Equal(sum, decimal.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void BomHasEnoughOfEveryPartThe48x48BoardNeeds()
    {
        BoardDefinition board = Load(Mat48);
        var bom = Bom();
        int Count(string id) => bom.TryGetValue(id, out var line) ? line.Quantity : 0;

        Assert.True(Count("mcu") >= 1);
        Assert.True(Count("row-shift-register") >= board.RowDriver.Chips, "one 74HC595 per 8 rows");
        Assert.True(Count("column-mux") >= board.Multiplexers.Count, "one mux per ADC input");
        Assert.True(Count("divider-resistor") >= board.Mat.Cols, "per-column divider: one resistor per column line");
        Assert.True(Count("decoupling-capacitor") >= board.RowDriver.Chips + board.Multiplexers.Count, "100 nF per chip");
        Assert.True(Count("carrier-sheet") >= 2, "rows and columns each on their own sheet");
        Assert.True(Count("ribbon-cable") >= 2, "a cable for the rows and one for the columns");
        string[] alsoNeeded =
        [
            "status-led", "led-resistor", "tft", "backlight-transistor", "backlight-base-resistor", "display-wires",
            "film", "electrode-tape", "spacer-tape", "top-cover", "base", "interface-board", "power-supply", "usb-cable",
        ];
        Assert.All(alsoNeeded, id => Assert.True(Count(id) >= 1, $"bom-48x48.csv has no '{id}' line"));
        Assert.Contains(board.RowDriver.Part!, bom["row-shift-register"].Part);
        Assert.Contains(board.Multiplexers.Part, bom["column-mux"].Part);
        Assert.Contains(board.Display.Controller, bom["tft"].Part);
        Assert.Contains(board.Controller.Module, bom["mcu"].Part);
        Assert.Contains(board.Controller.DevKit!, bom["mcu"].ExamplePartNumber);
    }

    [Fact]
    public void CopperTapeCoversEveryStripWithATailToTheConnector()
    {
        BoardDefinition board = Load(Mat48);
        // Each strip spans the active area plus about 25 mm each side: margin and tail to the connector board.
        decimal neededM = (board.Mat.Rows + board.Mat.Cols) * (board.Mat.ActiveAreaMm.Width + 50) / 1000m;

        BomLine tape = Bom()["electrode-tape"];
        decimal rollM = decimal.Parse(Regex.Match(tape.Part, @"([0-9]+) m roll").Groups[1].Value, CultureInfo.InvariantCulture);

        Assert.True(tape.Quantity * rollM >= neededM, $"{tape.Quantity} x {rollM} m of tape < {neededM} m needed");
        Assert.Contains($"{InvariantNumber.Format(board.Mat.ElectrodeWidthMm)} mm wide", tape.Part);
    }
}
