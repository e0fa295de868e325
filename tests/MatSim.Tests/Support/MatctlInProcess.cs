using System.CommandLine;
using System.Text.Json.Nodes;
using Kiosk.Mat.Cli.Commands;

namespace Kiosk.Mat.Simulation.Tests.Support;

/// <summary>Runs matctl's simulate and decode commands in-process, as a technician would from the shell.</summary>
public static class MatctlInProcess
{
    public sealed record Run(int ExitCode, string Output, string Error);

    public static Run Invoke(Command command, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int exit = command.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return new Run(exit, output.ToString(), error.ToString());
    }

    /// <summary><c>matctl simulate --scenario NAME --out FILE ...</c> then <c>matctl decode FILE</c>: every decoded packet.</summary>
    public static List<JsonObject> SimulateAndDecode(string scenario, params string[] moreArgs)
    {
        string capture = Path.Combine(Path.GetTempPath(), $"matsim-{scenario}-{Guid.NewGuid():N}.bin");
        try
        {
            Run simulate = Invoke(SimulateCommand.Create(), ["--scenario", scenario, "--out", capture, .. moreArgs]);
            Assert.True(simulate.ExitCode == SimulateCommand.Delivered, simulate.Error);
            Run decode = Invoke(DecodeCommand.Create(), capture);
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
