using Kiosk.Mat.Cli.Commands;
using Kiosk.Tests;

namespace Kiosk.Mat.Simulation.Tests.Link;

/// <summary><c>matctl simulate</c> towards a display: the mat must bring the key it was paired with.</summary>
public class SimulateCommandTests
{
    [Fact]
    public void DisplayLinkWithoutAPairingKeyIsRefusedBeforeAnythingIsSent()
    {
        var run = MatctlRun.Run("simulate", "--scenario", "flat-feet-still", "--connect", "127.0.0.1:9");
        Assert.Equal(SimulateCommand.BadArguments, run.ExitCode);
        Assert.Contains("--device-key", run.Error);
    }

    [Theory]
    [InlineData("--device-key", "k3y", "32 hex digits")]
    [InlineData("--device-id", "not-hex", "1 to 16 hex digits")]
    public void MalformedIdentityIsRefusedWithTheReason(string option, string value, string reason)
    {
        string[] args = ["--scenario", "flat-feet-still", "--connect", "127.0.0.1:9", "--device-key", "00112233445566778899aabbccddeeff"];
        int at = Array.IndexOf(args, option);
        args = at >= 0 ? [.. args[..(at + 1)], value, .. args[(at + 2)..]] : [.. args, option, value];
        var run = MatctlRun.Run(["simulate", .. args]);
        Assert.Equal(SimulateCommand.BadArguments, run.ExitCode);
        Assert.Contains(reason, run.Error);
    }

    [Theory]
    [InlineData(AckStatus.UnknownDevice, "is not paired there")]
    [InlineData(AckStatus.BadProof, "paired there with another key")]
    public void ADisplayThatRefusesTheMatIsSaidAndTheRunStops(AckStatus answer, string reason)
    {
        var store = new DisplayStore();
        using var display = new LoopbackDisplay(store) { HelloAnswer = answer };

        var run = MatctlRun.Run("simulate", "--scenario", "flat-feet-still", "--connect", $"127.0.0.1:{display.Port}",
            "--device-id", "5eed0000abcd", "--device-key", "00112233445566778899aabbccddeeff");

        Assert.Equal(SimulateCommand.Refused, run.ExitCode);
        Assert.Contains("refused the mat", run.Error);
        Assert.Contains("5eed0000abcd", run.Error);
        Assert.Contains(reason, run.Error);
        Assert.Empty(store.Stored);
        // It stops at the first refusal instead of redialling through the whole shopper.
        Assert.Equal(1, display.Hellos);
    }
}
