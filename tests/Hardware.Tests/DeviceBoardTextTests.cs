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

        Assert.Equal("1", keys["format"]);
        Assert.Equal("48", keys["rows"]);
        Assert.Equal("48", keys["cols"]);
        Assert.Equal("10000", keys["pitch_um"]);
        Assert.Equal("shift", keys["row_driver"]);
        Assert.Equal("13", keys["sr_data"]);
        Assert.Equal("3", keys["mux_count"]);
        Assert.Equal("16,17,26,27", keys["mux_select"]);
        Assert.Equal("36,39,34", keys["mux_adc_gpio"]);
        Assert.Equal("0,3,6", keys["mux_adc_channels"]);
        Assert.Equal("5", keys["tft_cs"]);
        Assert.Equal("11", keys["adc_atten_db"]);
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
        var board = Variant(Mat48, b =>
        {
            b["mat"]!["rows"] = 3;
            b["rowDriver"] = new JsonObject { ["kind"] = "gpio", ["rowGpios"] = Gpios(13, 18, 21) };
            b["multiplexers"]!.AsObject().Remove("enableGpio");
        });

        var keys = DeviceBoardText.Parse(DeviceBoardText.Export(board));

        Assert.Equal("gpio", keys["row_driver"]);
        Assert.Equal("13,18,21", keys["row_gpio"]);
        Assert.Equal("-1", keys["mux_enable"]);
        Assert.False(keys.ContainsKey("sr_data"));
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
