using System.Text;
using System.Text.Json;
using Kiosk.Mat.Config;
using Kiosk.Tests;

namespace Kiosk.Hardware.Tests;

/// <summary><c>matctl provision</c>: the files a new mat boots from, accepted by the firmware's own parsers.</summary>
public class ProvisionCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("provision-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private MatctlRun Provision(params string[] extra) => MatctlRun.Run(
    [
        "provision", "--board", Boards.JsonPath(Boards.Mat48), "--device-id", "240AC4123456", "--device-key", "k3y-for-store-12",
        "--wifi-ssid", "Store WiFi", "--wifi-password", "secret pass", "--display", "192.168.1.20:5577", "--out", _folder, .. extra,
    ]);

    [Fact]
    public void WritesBoardAndDeviceFilesTheFirmwareAcceptsAndNanoffsDeploymentList()
    {
        var run = Provision("--port", "/dev/ttyUSB0");
        Assert.Equal(0, run.ExitCode);
        var board = BoardConfig.From(KeyValueFile.Parse(File.ReadAllBytes(Path.Combine(_folder, "board.txt"))));
        Assert.Null(board.Error);
        Assert.Equal(48, board.Rows);
        var device = DeviceSettings.From(KeyValueFile.Parse(File.ReadAllBytes(Path.Combine(_folder, "device.txt"))));
        Assert.Null(device.Error);
        Assert.Equal("240ac4123456", device.DeviceId);
        Assert.Equal("Store WiFi", device.WifiSsid);
        Assert.Equal("secret pass", device.WifiPassword);
        Assert.Equal("192.168.1.20", device.DisplayHost);
        Assert.Equal(5577, device.DisplayPort);
        using var deploy = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "deploy.json")));
        var files = deploy.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal([@"I:\board.txt", @"I:\device.txt"], files.Select(f => f.GetProperty("DestinationFilePath").GetString()));
        Assert.All(files, f => Assert.True(File.Exists(f.GetProperty("SourceFilePath").GetString())));
        Assert.Contains("nanoff --target ESP32_REV3 --serialport /dev/ttyUSB0 --filedeployment", run.Output);
    }

    [Theory]
    [InlineData("--device-id", "not-hex", "1 to 16 hex digits")]
    [InlineData("--display", "host:port:extra", "HOST or HOST:PORT")]
    [InlineData("--wifi-ssid", "two\nlines", "one line")]
    public void BadArgumentsAreRefusedWithTheReasonAndNothingIsWritten(string option, string value, string reason)
    {
        var arguments = new Dictionary<string, string>
        {
            ["--board"] = Boards.JsonPath(Boards.Mat48),
            ["--device-id"] = "240ac4123456",
            ["--device-key"] = "k",
            ["--display"] = "kiosk.local",
            ["--out"] = _folder,
        };
        arguments[option] = value;
        var run = MatctlRun.Run(["provision", .. arguments.SelectMany(a => new[] { a.Key, a.Value })]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, run.Error);
        Assert.False(File.Exists(Path.Combine(_folder, "device.txt")));
    }

    [Fact]
    public void BoardWithFaultsIsNotProvisioned()
    {
        string bad = Path.Combine(_folder, "bad.json");
        File.WriteAllText(bad, Boards.Edited(Boards.Mat48, json => json["statusLed"]!["gpio"] = 6));
        var run = MatctlRun.Run("provision", "--board", bad, "--device-id", "1", "--device-key", "k", "--out", Path.Combine(_folder, "out"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("GPIO 6", run.Error);
        Assert.False(Directory.Exists(Path.Combine(_folder, "out")));
    }

    [Fact]
    public void FlashWithoutAPortIsRefused()
    {
        var run = Provision("--flash");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--flash needs --port", run.Error);
    }
}
