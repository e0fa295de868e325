using Kiosk.Display.Storage;

namespace Kiosk.Display.Tests;

/// <summary>
/// The kiosk as a new store gets it: the built-in virtual mat plays a shopper through the mat's firmware loop and the
/// real protocol over loopback TCP into this display's own listener, which stores the scan once.
/// </summary>
public class VirtualMatTests
{
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
            scans = await store.Scans.ListScansAsync(new ScanFilter(DateOnly.FromDateTime(DateTime.UtcNow)));
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
}
