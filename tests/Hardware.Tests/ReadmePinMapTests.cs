using System.Text.RegularExpressions;
using Kiosk.Tests;
using static Kiosk.Hardware.Tests.Boards;

namespace Kiosk.Hardware.Tests;

/// <summary>hardware/README.md's pin map table is the committed boards' pin map: a moved pin cannot leave the doc behind.</summary>
public class ReadmePinMapTests
{
    /// <summary>Each row of the table and the signals (<see cref="PinUse.Signal"/>) its GPIO cell lists, in order.</summary>
    private static readonly Dictionary<string, string[]> Rows = new()
    {
        ["74HC595 SER / SRCLK / RCLK"] = ["SER", "SRCLK", "RCLK"],
        ["mux S0-S3"] = ["S0", "S1", "S2", "S3"],
        ["mux /E (shared)"] = ["/E"],
        ["mux 1..4 Z -> ADC1"] = ["Z0", "Z1", "Z2", "Z3"],
        ["status LED"] = ["LED"],
        ["TFT MOSI / MISO / SCK"] = ["MOSI", "MISO", "SCK"],
        ["TFT CS"] = ["CS"],
        ["TFT DC / RST / BL"] = ["DC", "RST", "BL"],
    };

    [Fact]
    public void TheReadmesPinMapIsTheBoardsPinMap()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "hardware", "README.md"));
        IReadOnlyList<PinUse> pins = BoardPins.Of(Load(Mat64));

        foreach (var (label, signals) in Rows)
        {
            Match row = Regex.Match(readme, $@"^\| {Regex.Escape(label)} \| ([^|]+) \|", RegexOptions.Multiline);
            Assert.True(row.Success, $"hardware/README.md's pin map has no row '{label}'");
            // The GPIO numbers of the cell, leaving out notes in parentheses ("36 (CH0)").
            IEnumerable<string> documented = Regex.Matches(Regex.Replace(row.Groups[1].Value, @"\([^)]*\)", ""), @"\d+").Select(m => m.Value);
            IEnumerable<int> wired = signals.SelectMany(s => pins.Where(p => p.Signal == s).Select(p => p.Gpio));
            Assert.Equal((label, string.Join(",", wired)), (label, string.Join(",", documented)));
        }
    }

    [Fact]
    public void BothBoardsShareOnePinMap()
    {
        // The table is for both boards: the 48 x 48 uses the same pins, one mux fewer.
        var pins64 = BoardPins.Of(Load(Mat64)).Select(p => (p.Field, p.Gpio)).ToHashSet();

        Assert.All(BoardPins.Of(Load(Mat48)), p => Assert.Contains((p.Field, p.Gpio), pins64));
    }
}
