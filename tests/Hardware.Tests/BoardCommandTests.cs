using Kiosk.Tests;
using static Kiosk.Hardware.Tests.Boards;

namespace Kiosk.Hardware.Tests;

public sealed class BoardCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("hardware-tests-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string fileName, string text)
    {
        string path = Path.Combine(folder, fileName);
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [MemberData(nameof(Committed), MemberType = typeof(Boards))]
    public void CheckPassesEachCommittedBoard(string name)
    {
        var run = MatctlRun.Board("check", JsonPath(name));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"{name}: valid\n", run.Output);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void CheckPrintsEveryFaultOnItsOwnLineAndExitsOne()
    {
        string path = Write("faulty.json", Edited(Mat48, b =>
        {
            b["statusLed"]!["gpio"] = 35;
            b["display"]!["dcGpio"] = 12;
        }));

        var run = MatctlRun.Board("check", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(2, run.ErrorLines.Length);
        Assert.StartsWith($"{path}: InputOnlyPinAsOutput: statusLed.gpio = GPIO35", run.ErrorLines[0]);
        Assert.StartsWith($"{path}: StrappingPin: display.dcGpio = GPIO12", run.ErrorLines[1]);
    }

    [Fact]
    public void CheckExitsTwoForMalformedJsonAndSaysWhere()
    {
        string path = Write("broken.json", "{\n  \"name\": \"x\"\n  \"mat\": {}\n}\n");

        var run = MatctlRun.Board("check", path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"matctl board check: {path}:3:", run.Error);
    }

    [Fact]
    public void CheckExitsTwoForAMissingFile()
    {
        var run = MatctlRun.Board("check", Path.Combine(folder, "absent.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("absent.json: no such file", run.Error);
    }

    [Fact]
    public void ExportWritesTheDeviceTextToTheOutFile()
    {
        string output = Path.Combine(folder, "board.txt");

        var run = MatctlRun.Board("export", JsonPath(Mat64), "--out", output);

        Assert.Equal(0, run.ExitCode);
        var keys = DeviceBoardText.Parse(File.ReadAllText(output));
        Assert.Equal("64", keys["rows"]);
        Assert.Equal("7500", keys["pitch_um"]);
    }

    [Fact]
    public void ExportAndDrawRefuseAFaultyBoard()
    {
        string path = Write("faulty.json", Edited(Mat48, b => b["multiplexers"]!["adcGpios"] = Gpios(36, 39, 26)));
        string output = Path.Combine(folder, "out.txt");

        Assert.Equal(1, MatctlRun.Board("export", path, "--out", output).ExitCode);
        Assert.Equal(1, MatctlRun.Board("draw", path, "--out", output).ExitCode);
        Assert.False(File.Exists(output));
    }
}
