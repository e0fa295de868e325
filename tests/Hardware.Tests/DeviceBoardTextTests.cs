using System.Text.Json.Nodes;
using Kiosk.Mat.Geometry;
using static Kiosk.Hardware.Tests.Boards;

namespace Kiosk.Hardware.Tests;

public class DeviceBoardTextTests
{
    [Fact]
    public void ExportCarriesThePinMapTheAppReads()
    {
        var keys = DeviceBoardText.Parse(DeviceBoardText.Export(Load(Mat48)));

        var expected = new Dictionary<string, string>
        {
            ["format"] = "1", ["module"] = "ESP32-WROVER-E", ["rows"] = "48", ["cols"] = "48", ["pitch_um"] = "10000",
            ["row_driver"] = "shift", ["sr_chips"] = "6", ["sr_data"] = "13", ["sr_clock"] = "18", ["sr_latch"] = "21",
            ["mux_count"] = "3", ["mux_select"] = "4,15,26,27", ["mux_enable"] = "-1",
            ["mux_adc_gpio"] = "36,39,34", ["mux_adc_channels"] = "0,3,6", ["adc_atten_db"] = "11",
            ["led"] = "14", ["tft_cs"] = "5", ["tft_dc"] = "22", ["tft_rst"] = "33", ["tft_bl"] = "32",
        };
        Assert.Equal(expected, expected.Keys.ToDictionary(key => key, key => keys.GetValueOrDefault(key, "(missing)")));
    }

    [Fact]
    public void ExportIsPlainAsciiLinesWithoutCarriageReturns()
    {
        string text = DeviceBoardText.Export(Load(Mat64));

        Assert.All(text, c => Assert.True(c < 128 && c != '\r', $"character {(int)c} is not plain ASCII"));
        Assert.All(text.TrimEnd('\n').Split('\n'), line => Assert.True(line.StartsWith('#') || line.Contains('='), line));
    }

    [Fact]
    public void GpioRowDriverExportsItsRowList()
    {
        var keys = DeviceBoardText.Parse(DeviceBoardText.Export(SmallGpioRowMat()));

        Assert.Equal("gpio", keys["row_driver"]);
        Assert.Equal("13,18,21", keys["row_gpio"]);
        Assert.False(keys.ContainsKey("sr_data"));
    }

    [Fact]
    public void EnableOnAGpioIsExported()
    {
        // The committed boards tie /E to ground (-1 above); a WROOM-32 board with a pin to spare may switch it.
        var board = Variant(Mat48, b =>
        {
            b["controller"]!["module"] = Wroom32;
            b["multiplexers"]!["enableGpio"] = 16;
        });

        var keys = DeviceBoardText.Parse(DeviceBoardText.Export(board));

        Assert.Empty(BoardValidator.Check(board));
        Assert.Equal(("16", Wroom32), (keys["mux_enable"], keys["module"]));
    }

    [Theory]
    [InlineData(Mat48, 48, 48, 10_000)]
    [InlineData(Mat64, 64, 64, 7_500)]
    public void DefinitionGivesTheFirmwaresMatGeometry(string name, int rows, int cols, int pitchUm)
    {
        MatGeometry geometry = BoardGeometry.ToMatGeometry(Load(name));

        Assert.Equal((rows, cols, pitchUm), (geometry.Rows, geometry.Cols, geometry.PitchUm));
        Assert.Equal(480_000, geometry.WidthUm);
    }

    [Fact]
    public void LineWithoutEqualsSignIsRejectedWithItsNumber()
    {
        var error = Assert.Throws<FormatException>(() => DeviceBoardText.Parse("# board\nrows=48\ncols\n"));

        Assert.Contains("line 3", error.Message);
    }
}
