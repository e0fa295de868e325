using System.Text.Json.Nodes;
using Kiosk.Mat.Cli.Commands;
using Kiosk.Tests;

namespace Kiosk.Mat.Simulation.Tests.Support;

/// <summary>matctl's simulate then decode, in-process (through the shared <see cref="MatctlRun"/>), as a technician would from the shell.</summary>
public static class MatctlInProcess
{
    /// <summary><c>matctl simulate --scenario NAME --out FILE ...</c> then <c>matctl decode FILE</c>: every decoded packet.</summary>
    public static List<JsonObject> SimulateAndDecode(string scenario, params string[] moreArgs)
    {
        string capture = Path.Combine(Path.GetTempPath(), $"matsim-{scenario}-{Guid.NewGuid():N}.bin");
        try
        {
            MatctlRun simulate = MatctlRun.Run(["simulate", "--scenario", scenario, "--out", capture, .. moreArgs]);
            Assert.True(simulate.ExitCode == SimulateCommand.Delivered, simulate.Error);
            MatctlRun decode = MatctlRun.Run("decode", capture);
            Assert.Equal(0, decode.ExitCode);
            return [.. decode.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => (JsonObject)JsonNode.Parse(line)!)];
        }
        finally
        {
            File.Delete(capture);
        }
    }

    public static List<JsonObject> Results(IEnumerable<JsonObject> packets) =>
        [.. packets.Where(p => (string?)p["type"] == "result")];
}
