using System.Text;
using System.Text.RegularExpressions;
using Kiosk.Mat.Config;
using Kiosk.Tests;

namespace Kiosk.Hardware.Tests;

/// <summary>
/// One board definition feeds both sides: what <c>matctl board export</c> writes from hardware/*.json, the
/// firmware's own parser (firmware/MatCore/Config/BoardConfig) reads back to the same mat and the same pins.
/// </summary>
public class FirmwareReadsTheBoardTests
{
    [Theory]
    [MemberData(nameof(Boards.Committed), MemberType = typeof(Boards))]
    public void ExportedBoardIsReadByTheFirmwareWithTheSamePins(string name)
    {
        BoardDefinition board = Boards.Load(name);
        string text = DeviceBoardText.Export(board);
        IReadOnlyDictionary<string, string> exported = DeviceBoardText.Parse(text);

        BoardConfig firmware = BoardConfig.From(KeyValueFile.Parse(Encoding.UTF8.GetBytes(text)));

        Assert.Null(firmware.Error);
        // What the firmware read, in board.txt's own keys and spelling, against what the export wrote.
        var read = new Dictionary<string, string>
        {
            ["module"] = firmware.Module,
            ["rows"] = $"{firmware.Rows}", ["cols"] = $"{firmware.Cols}", ["pitch_um"] = $"{firmware.PitchUm}",
            ["sr_data"] = $"{firmware.SrData}", ["sr_clock"] = $"{firmware.SrClock}", ["sr_latch"] = $"{firmware.SrLatch}",
            ["mux_count"] = $"{firmware.MuxCount}", ["mux_select"] = string.Join(",", firmware.MuxSelect),
            ["mux_enable"] = $"{firmware.MuxEnable}",
            ["mux_adc_channels"] = string.Join(",", firmware.MuxAdcChannels.Take(firmware.MuxCount)),
            ["led"] = $"{firmware.Led}", ["tft_cs"] = $"{firmware.TftCs}", ["tft_dc"] = $"{firmware.TftDc}",
            ["tft_rst"] = $"{firmware.TftRst}", ["tft_bl"] = $"{firmware.TftBl}", ["tft_sck"] = $"{firmware.TftClock}",
            ["tft_mosi"] = $"{firmware.TftMosi}", ["tft_miso"] = $"{firmware.TftMiso}",
        };
        Assert.Equal(read.Keys.ToDictionary(key => key, key => exported[key]), read);
        Assert.Equal(board.Mat.Rows, firmware.Rows);
        Assert.True(firmware.HasPsram);
    }

    [Fact]
    public void ScreenPinsOffTheFirmwaresDefaultsStillArrive()
    {
        // The committed boards use the firmware's default SPI pins; moved pins prove the keys, not the defaults, are read.
        BoardDefinition board = Boards.Variant(Boards.Mat48, json =>
        {
            json["display"]!["clockGpio"] = 23;
            json["display"]!["mosiGpio"] = 19;
        });
        BoardConfig firmware = BoardConfig.From(KeyValueFile.Parse(Encoding.UTF8.GetBytes(DeviceBoardText.Export(board))));
        Assert.Null(firmware.Error);
        Assert.Equal(23, firmware.TftClock);
        Assert.Equal(19, firmware.TftMosi);
    }

    [Fact]
    public void TheFirmwareReadmesBoardFileIsReadByTheFirmwareAsTheExportWritesIt()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "firmware", "README.md"));
        Match block = Regex.Match(readme, @"`I:\\board\.txt` is what.*?```\n(.*?)```", RegexOptions.Singleline);
        Assert.True(block.Success, "firmware/README.md has no board.txt example");
        string example = block.Groups[1].Value;

        BoardConfig firmware = BoardConfig.From(KeyValueFile.Parse(Encoding.UTF8.GetBytes(example)));

        Assert.Null(firmware.Error);
        IReadOnlyDictionary<string, string> exported = DeviceBoardText.Parse(DeviceBoardText.Export(Boards.Load(Boards.Mat48)));
        foreach (var (key, value) in DeviceBoardText.Parse(example))
        {
            Assert.Equal((key, exported.GetValueOrDefault(key, "(not exported)")), (key, value));
        }
    }
}
