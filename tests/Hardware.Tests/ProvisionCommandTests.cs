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
        "provision", "--board", Boards.JsonPath(Boards.Mat48), "--device-id", "240AC4123456", "--device-key", "9F86D081884C7D659A2FEAA0C55AD015",
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
        Assert.Equal(("ESP32-WROVER-E", true), (board.Module, board.HasPsram));
        var device = DeviceSettings.From(KeyValueFile.Parse(File.ReadAllBytes(Path.Combine(_folder, "device.txt"))));
        Assert.Null(device.Error);
        Assert.Equal("240ac4123456", device.DeviceId);
        Assert.Equal("Store WiFi", device.WifiSsid);
        Assert.Equal("secret pass", device.WifiPassword);
        Assert.Equal("192.168.1.20", device.DisplayHost);
        Assert.Equal("9f86d081-884c7d65-9a2feaa0-c55ad015", device.DeviceKey);
        Assert.Contains("pairing key: 9f86d081-884c7d65-9a2feaa0-c55ad015", run.Output);
        Assert.Equal(5577, device.DisplayPort);
        using var deploy = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "deploy.json")));
        var files = deploy.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal([@"I:\board.txt", @"I:\device.txt"], files.Select(f => f.GetProperty("DestinationFilePath").GetString()));
        Assert.All(files, f => Assert.True(File.Exists(f.GetProperty("SourceFilePath").GetString())));
        // The WROVER-E's image: PSRAM for the device's heap, Graphics for its screen.
        Assert.Contains("nanoff --target ESP32_PSRAM_REV3_IPV6 --serialport /dev/ttyUSB0 --filedeployment", run.Output);
    }

    [Fact]
    public void ATargetWithoutPsramIsRefusedForAWroverBoard()
    {
        var run = Provision("--target", "ESP32_REV3");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--target ESP32_REV3 has no PSRAM support", run.Error);
        Assert.Contains("use ESP32_PSRAM_REV3_IPV6", run.Error);
        Assert.False(File.Exists(Path.Combine(_folder, "board.txt")));
    }

    [Fact]
    public void AWroom32BoardGetsTheImageWithoutPsramAndSaysSoInItsBoardFile()
    {
        string wroom = Path.Combine(_folder, "wroom.json");
        File.WriteAllText(wroom, Boards.Edited(Boards.Mat48, json => json["controller"]!["module"] = Boards.Wroom32));
        string output = Path.Combine(_folder, "out");

        var run = MatctlRun.Run("provision", "--board", wroom, "--device-id", "1", "--out", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("nanoff --target ESP32_REV3 --serialport PORT", run.Output);
        var board = BoardConfig.From(KeyValueFile.Parse(File.ReadAllBytes(Path.Combine(output, "board.txt"))));
        Assert.Equal((Boards.Wroom32, false), (board.Module, board.HasPsram));
    }

    [Fact]
    public void AWroverBoardWithItsMuxOnThePsramPinsIsNotProvisioned()
    {
        string old = Path.Combine(_folder, "old-map.json");
        File.WriteAllText(old, Boards.Edited(Boards.Mat48, json => json["multiplexers"]!["selectGpios"] = Boards.Gpios(16, 17, 26, 27)));

        var run = MatctlRun.Run("provision", "--board", old, "--device-id", "1", "--out", Path.Combine(_folder, "out"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("PsramPin: multiplexers.selectGpios[0] = GPIO16", run.Error);
        Assert.False(Directory.Exists(Path.Combine(_folder, "out")));
    }

    [Theory]
    [InlineData("--device-id", "not-hex", "1 to 16 hex digits")]
    [InlineData("--display", "host:port:extra", "HOST or HOST:PORT")]
    [InlineData("--wifi-ssid", "two\nlines", "one line")]
    [InlineData("--device-key", "k3y-for-store-12", "32 hex digits")]
    public void BadArgumentsAreRefusedWithTheReasonAndNothingIsWritten(string option, string value, string reason)
    {
        var arguments = new Dictionary<string, string>
        {
            ["--board"] = Boards.JsonPath(Boards.Mat48),
            ["--device-id"] = "240ac4123456",
            ["--device-key"] = "00112233445566778899aabbccddeeff",
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
        var run = MatctlRun.Run("provision", "--board", bad, "--device-id", "1", "--out", Path.Combine(_folder, "out"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("GPIO 6", run.Error);
        Assert.False(Directory.Exists(Path.Combine(_folder, "out")));
    }

    [Fact]
    public void WithoutAKeyEachMatGetsANewRandomKeyPrintedForThePairing()
    {
        string[] keys = new string[2];
        for (int i = 0; i < 2; i++)
        {
            string folder = Path.Combine(_folder, $"mat-{i}");
            var run = MatctlRun.Run("provision", "--board", Boards.JsonPath(Boards.Mat48), "--device-id", "240ac4123456", "--out", folder);
            Assert.Equal(0, run.ExitCode);
            var device = DeviceSettings.From(KeyValueFile.Parse(File.ReadAllBytes(Path.Combine(folder, "device.txt"))));
            Assert.Null(device.Error);
            Assert.Contains($"pairing key: {device.DeviceKey}", run.Output);
            keys[i] = device.DeviceKey;
        }
        Assert.NotEqual(keys[0], keys[1]);
    }

    [Fact]
    public void FlashWithoutAPortIsRefused()
    {
        var run = Provision("--flash");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--flash needs --port", run.Error);
    }
}
