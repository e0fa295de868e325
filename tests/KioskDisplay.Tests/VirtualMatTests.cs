using Microsoft.Extensions.Options;

namespace Kiosk.Display.Tests;

/// <summary>
/// The kiosk as a new store gets it: the built-in virtual mat plays a shopper through the mat's firmware loop and the
/// real protocol over loopback TCP into this display's own listener, which stores the scan once.
/// </summary>
public class VirtualMatTests
{
    [Theory]
    [InlineData("5eed00000001", true)]
    [InlineData("7fffffffffffffff", true)]
    [InlineData("8000000000000000", false)] // 16 hex digits, but not a positive id: the mat would refuse it at boot
    [InlineData("5eed-0001", false)]
    [InlineData("", false)]
    public void TheVirtualMatTakesTheDeviceIdsARealMatTakes(string deviceId, bool taken)
    {
        var validator = new VirtualMatOptionsValidator(Options.Create(new Kiosk.Display.MatLink.MatLinkOptions()));

        var outcome = validator.Validate(null, new VirtualMatServiceOptions { DeviceId = deviceId });

        Assert.Equal(taken, outcome.Succeeded);
        Assert.Equal(taken, Kiosk.Mat.Config.DeviceIdentity.ParseHex(deviceId) >= 0);
    }

    [Fact]
    public async Task VirtualShopperWithFlatFeetArrivesThroughTheProtocolAndIsStored()
    {
        await using var server = new KioskServer(settings: new()
        {
            ["VirtualMat:Enabled"] = "true",
            ["VirtualMat:Scenarios:0"] = "flat-feet-still",
            ["VirtualMat:Speed"] = "3",
            ["VirtualMat:PauseSeconds"] = "1",
        });
        server.StartServer();
        var store = new KioskStores(server.Get<SqlDatabase>());
        var deadline = DateTime.UtcNow.AddSeconds(90);
        IReadOnlyList<StoredScan> scans = [];
        while (DateTime.UtcNow < deadline && scans.Count == 0)
        {
            await Task.Delay(250);
            // The built-in virtual mat's scans are the demo's: marked, and listed only when asked for.
            scans = await store.Scans.ListScansAsync(new ScanFilter(DateOnly.FromDateTime(DateTime.UtcNow), IncludeDemo: true));
        }
        Assert.NotEmpty(scans);
        var report = scans[0].Result.Report;
        Assert.Equal("low", report.Left!.ArchType);
        Assert.Equal("low", report.Right!.ArchType);
        Assert.InRange(report.LoadLeftPct, 45, 55);
        Assert.StartsWith("5eed00000001-", scans[0].Result.ResultId);
        // The stored frame is the still window's mean: about the shopper's weight (75 kg), not the sum of its frames.
        Assert.InRange(scans[0].Result.Summed.TotalGrams(), 60_000, 90_000);
        var devices = await store.Devices.ListDevicesAsync();
        Assert.Contains(devices, d => d.Status.DeviceId == "5eed00000001" && d.Paired);
        // The virtual mat runs the firmware's core, and says which version of it.
        string version = $"{Kiosk.Mat.Link.FirmwareVersion.Major}.{Kiosk.Mat.Link.FirmwareVersion.Minor}.{Kiosk.Mat.Link.FirmwareVersion.Patch}";
        Assert.Equal(version, devices.Single(d => d.Status.DeviceId == "5eed00000001").Status.FirmwareVersion);
    }

    private static Dictionary<string, string?> FastMat(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["VirtualMat:Enabled"] = "true",
            ["VirtualMat:Scenarios:0"] = "normal-arches-still",
            ["VirtualMat:Speed"] = "3",
            ["VirtualMat:PauseSeconds"] = "1",
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }
        return settings;
    }

    private static async Task<IReadOnlyList<StoredScan>> ScansAsync(KioskServer server, int atLeast)
    {
        var store = new KioskStores(server.Get<SqlDatabase>());
        var deadline = DateTime.UtcNow.AddSeconds(90);
        IReadOnlyList<StoredScan> scans = [];
        while (DateTime.UtcNow < deadline && scans.Count < atLeast)
        {
            await Task.Delay(250);
            // The built-in virtual mat's scans are the demo's: listed only when asked for.
            scans = await store.Scans.ListScansAsync(new ScanFilter(DateOnly.FromDateTime(DateTime.UtcNow), IncludeDemo: true));
        }
        return scans;
    }

    [Fact]
    public async Task AfterARestartOfTheDisplayTheVirtualMatGoesOnWithNewResultIds()
    {
        string dataFolder = Directory.CreateTempSubdirectory("kiosk-restart-").FullName;
        var settings = FastMat(new() { ["Kiosk:DataFolder"] = dataFolder });
        string firstId;
        await using (var first = new KioskServer(settings: settings))
        {
            first.StartServer();
            firstId = Assert.Single(await ScansAsync(first, 1)).Result.ResultId;
        }
        await using var second = new KioskServer(settings: settings);
        second.StartServer();
        IReadOnlyList<StoredScan> scans = await ScansAsync(second, 2);

        // The second run's shopper is stored under a new id, above the persisted mark, not as a duplicate of the first.
        Assert.True(scans.Count >= 2, $"{scans.Count} scans after the restart");
        var ids = scans.Select(s => s.Result.ResultId).ToList();
        Assert.Contains(firstId, ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        uint Counter(string id) => uint.Parse(id[(id.IndexOf('-') + 1)..].Split('~')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.All(ids.Where(id => id != firstId), id => Assert.True(Counter(id) > Counter(firstId), $"{id} after {firstId}"));
        Assert.DoesNotContain(ids, id => id.Contains('~'));
        Assert.True(File.Exists(VirtualMatCounterFile.For(dataFolder, 0x5eed00000001)));
    }

    [Fact]
    public void VirtualMatWithTheMatListenerOffIsRefusedAtStartWithTheReason()
    {
        var server = new KioskServer(settings: FastMat(new() { ["MatLink:TcpEnabled"] = "false" }));
        var error = Assert.ThrowsAny<Exception>(() => server.StartServer());
        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException;
        Assert.NotNull(validation);
        Assert.Contains("MatLink:TcpEnabled", validation.Message);
        Assert.Contains("VirtualMat:Enabled=false", validation.Message);
    }

    [Fact]
    public async Task VirtualMatDialsTheAddressTheDisplayListensOn()
    {
        // 127.0.0.2 is a loopback address the display can listen on, but not where the mat used to dial (127.0.0.1).
        await using var server = new KioskServer(settings: FastMat(new() { ["MatLink:ListenAddress"] = "127.0.0.2" }));
        server.StartServer();
        Assert.NotEmpty(await ScansAsync(server, 1));
    }

    [Fact]
    public async Task TheDemoMatCarriesOutZeroInsteadOfAnsweringBusy()
    {
        await using var server = new KioskServer(settings: FastMat(new() { ["VirtualMat:PauseSeconds"] = "30" }));
        server.StartServer();
        await ScansAsync(server, 1);
        var store = new KioskStores(server.Get<SqlDatabase>());
        // Between shoppers the mat is empty: zero must be taken.
        await Task.Delay(4000);
        var record = await server.Get<TechnicianCommands>().RequestAsync("5eed00000001", "zero", null, "tech");
        Assert.Equal(CommandOutcome.Awaiting, record.State);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        LogEntry? answer = null;
        while (DateTime.UtcNow < deadline && answer == null)
        {
            await Task.Delay(200);
            answer = (await store.Log.RecentLogAsync(50)).FirstOrDefault(e => e.Message.StartsWith("mat answered", StringComparison.Ordinal));
        }
        Assert.NotNull(answer);
        Assert.Contains("ok", answer.Message);
        Assert.DoesNotContain("busy", answer.Message);
    }
}
