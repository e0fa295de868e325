using System.Text.Json.Nodes;
using Kiosk.Mat.Simulation.Tests.Support;
using Kiosk.Tests;

namespace Kiosk.Mat.Simulation.Tests.Scenarios;

/// <summary>
/// Every scripted shopper end to end: <c>matctl simulate --out</c> (the real scan loop over the simulated grid with
/// crosstalk, compensation, calibration, tracker, link session) then <c>matctl decode</c> of the bytes it wrote.
/// </summary>
public class ScriptedShopperTests
{
    public static TheoryData<string> ArchScenarios =>
        ["flat-feet-still", "normal-arches-still", "high-arches-still", "uneven-stance", "flat-left-high-right"];

    [Theory]
    [MemberData(nameof(ArchScenarios))]
    public void ArchTypesOfTheResultMatchTheScriptedShopper(string scenario)
    {
        var truth = ShopperScenarios.Find(scenario)!.Timeline(new MatGeometry(48, 48, 10000)).Scene.Truth();

        JsonObject result = Assert.Single(MatctlInProcess.Results(MatctlInProcess.SimulateAndDecode(scenario)));

        JsonNode analysis = result["analysis"]!;
        Assert.Equal(truth.Left!.ArchType, (string?)analysis["left"]!["archType"]);
        Assert.Equal(truth.Right!.ArchType, (string?)analysis["right"]!["archType"]);
        Assert.True((bool)analysis["quality"]!["ok"]!, analysis["quality"]!.ToJsonString());
        // The compensation's noise at the board's ADC full scale (derived at Grid.CrosstalkTests.LoadShareToleranceX10).
        double tolerancePct = Grid.CrosstalkTests.LoadShareToleranceX10 / 10.0;
        Assert.InRange((double)analysis["loadLeftPct"]!, truth.Left.LoadShare * 100 - tolerancePct, truth.Left.LoadShare * 100 + tolerancePct);
    }

    [Fact]
    public void OneFootShopperIsReportedAsOneFootOnly()
    {
        JsonObject result = Assert.Single(MatctlInProcess.Results(MatctlInProcess.SimulateAndDecode("one-foot")));

        Assert.Equal(["one-foot-only"], Issues(result));
        Assert.Null(result["analysis"]!["right"]);
    }

    [Fact]
    public void ChildIsReportedNotAdultSizedAndItsArchesAreNotClassified()
    {
        JsonObject result = Assert.Single(MatctlInProcess.Results(MatctlInProcess.SimulateAndDecode("child")));

        // The arch thresholds are adults': a child's feet are measured but not classified.
        Assert.Equal(["too-light", "not-adult-sized"], Issues(result));
        Assert.NotNull(result["analysis"]!["left"]);
        Assert.Null((string?)result["analysis"]!["left"]!["archType"]);
        Assert.InRange((int)result["analysis"]!["totalLoadG"]!, 20000, 24000);
    }

    [Fact]
    public void RestlessShopperGetsNoResultButLiveFramesFlow()
    {
        List<JsonObject> packets = MatctlInProcess.SimulateAndDecode("restless-shopper");

        Assert.Empty(MatctlInProcess.Results(packets));
        Assert.True(packets.Count(p => (string?)p["type"] == "frame") > 100);
    }

    [Fact]
    public void BoardFileGivesTheMatItsGeometry()
    {
        string board = Path.Combine(RepositoryPaths.Root, "hardware", "mat-64x64-7.5mm.json");

        List<JsonObject> packets = MatctlInProcess.SimulateAndDecode("high-arches-still", "--board", board);

        JsonObject hello = packets[0];
        Assert.Equal("hello", (string?)hello["type"]);
        Assert.Equal(64, (int)hello["rows"]!);
        Assert.Equal(7500, (int)hello["pitchUm"]!);
        JsonObject result = Assert.Single(MatctlInProcess.Results(packets));
        Assert.Equal("high", (string?)result["analysis"]!["right"]!["archType"]);
    }

    [Fact]
    public void UnknownScenarioExitsTwoWithTheList()
    {
        var run = MatctlRun.Run("simulate", "--scenario", "moonwalk", "--out", "unused.bin");

        Assert.Equal(2, run.ExitCode);
        foreach (ShopperScenario scenario in ShopperScenarios.All)
        {
            Assert.Contains(scenario.Name, run.Error);
        }
        Assert.False(File.Exists("unused.bin"));
    }

    [Fact]
    public void ScenariosListsOneNameAtTheStartOfEachLine()
    {
        var run = MatctlRun.Run("scenarios");

        string[] names = [.. run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ')[0])];
        Assert.Equal(ShopperScenarios.All.Select(s => s.Name), names);
    }

    private static string[] Issues(JsonObject result) =>
        [.. result["analysis"]!["quality"]!["issues"]!.AsArray().Select(n => (string)n!)];
}
