using Kiosk.Mat.Pairing;
using Kiosk.Mat.Simulation;
using Kiosk.Mat.Simulation.Shoppers;
using Kiosk.Mat.Simulation.Transports;

namespace Kiosk.Display.Tests;

/// <summary>
/// A new mat in a store, end to end over loopback TCP: the mat's firmware loop (the virtual mat, with the key
/// `matctl provision` gave it) connects, waits for pairing on the technician page, is paired with its key there,
/// and its next scan and self-test map are stored; a mat with the same id and another key is refused and its scans are not taken.
/// </summary>
public class PairingByKeyTests
{
    private const long MatId = 0x24_0A_C4_00_00_07;
    private const string MatIdText = "240ac4000007";
    private static readonly byte[] MatKey = Convert.FromHexString("6b1f0e2d9c3a48b7a5d6e7f8091a2b3c");
    private static readonly MatGeometry Geometry = new(48, 48, 10000);

    [Fact]
    public async Task MatPairedByItsKeyOnTheTechnicianPageDeliversItsScansAndAnImpostorDoesNot()
    {
        await using var server = new KioskServer(settings: new() { ["MatLink:UnpairedLingerMs"] = "200" });
        server.StartServer();
        int port = (await server.MatEndpointAsync()).Port;
        var store = new KioskStores(server.Get<SqlDatabase>());
        var tech = await server.SignedInAsync("tech");

        using var mat = new LinkedMat(port, MatKey, stuckSensel: (3, 5));
        Assert.True(await mat.StepUntilAsync(() => mat.Mat.Link.HelloStatus == AckStatus.UnknownDevice), "the unpaired mat was not refused");
        Assert.Contains("waiting", await TechRowAsync(tech));

        var badKey = await tech.PostAsJsonAsync($"/api/tech/devices/{MatIdText}/commands", new { command = "pair", argument = "not-a-key" });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, badKey.StatusCode);
        var paired = await tech.PostAsJsonAsync($"/api/tech/devices/{MatIdText}/commands", new { command = "pair", argument = PairingKey.Format(MatKey) });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, paired.StatusCode);

        Assert.True(await mat.StepUntilAsync(() => mat.Mat.Link.Paired), "the paired mat was not accepted at its next connection");
        await mat.PlayFlatFootedShopperAsync();
        Assert.True(await mat.StepUntilAsync(() => mat.Mat.Link.Outbox.Count == 0), "the scan was not acknowledged");
        var scans = await store.Scans.ListScansAsync(new ScanFilter(DateOnly.FromDateTime(DateTime.UtcNow)));
        Assert.Equal(MatIdText, Assert.Single(scans).Result.DeviceId);

        // The self-test's map came with the connection: the technician sees the stuck sensel where it is.
        var map = (await store.Devices.ListDevicesAsync()).Single(d => d.Status.DeviceId == MatIdText).Status.DeadSensels;
        Assert.NotNull(map);
        Assert.Equal([3 * Geometry.Cols + 5], map!.Indices);
        Assert.Contains("row 3, column 5: stuck", await tech.GetStringAsync($"/tech/device/{MatIdText}"));

        // The key is a secret: it is kept for the check, but never shown in the command list or the log.
        string keyText = PairingKey.Format(MatKey);
        Assert.DoesNotContain(keyText, await tech.GetStringAsync("/tech"));
        Assert.DoesNotContain(await store.Commands.ListCommandsAsync(10), c => c.Argument?.Contains("6b1f0e2d") == true);
        Assert.Equal(keyText, await store.Devices.GetPairingKeyAsync(MatIdText));

        mat.Dispose();
        using var impostor = new LinkedMat(port, Convert.FromHexString("6b1f0e2d9c3a48b7a5d6e7f8091a2b3d"));
        Assert.True(await impostor.StepUntilAsync(() => impostor.Mat.Link.HelloStatus == AckStatus.BadProof), "the impostor was not refused");
        await impostor.PlayFlatFootedShopperAsync();
        await impostor.StepUntilAsync(() => false, maxFrames: 40);
        Assert.Single(await store.Scans.ListScansAsync(new ScanFilter(DateOnly.FromDateTime(DateTime.UtcNow))));
        Assert.Contains(await store.Log.RecentLogAsync(20), e => e.DeviceId == MatIdText && e.Message.Contains("another pairing key"));
    }

    private static async Task<string> TechRowAsync(HttpClient tech)
    {
        string page = await tech.GetStringAsync("/tech");
        int at = page.IndexOf(MatIdText, StringComparison.Ordinal);
        Assert.True(at >= 0, "the mat is not on the technician page");
        return page[at..page.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }

    /// <summary>The virtual mat on a real TCP link to the display, stepped a frame at a time with a little wall time for the display.</summary>
    private sealed class LinkedMat : IDisposable
    {
        private readonly ReopeningLink<TcpPacketTransport> _link;

        public LinkedMat(int port, byte[] key, (int Row, int Col)? stuckSensel = null)
        {
            Mat = new VirtualMat(Geometry, new VirtualMatOptions { DeviceId = MatId, PairingKey = key, ReconnectEveryMs = 200 });
            if (stuckSensel is { } at)
            {
                Mat.Grid.StickSensel(at.Row, at.Col);
            }
            _link = ReopeningLink.Tcp("127.0.0.1", port);
            Mat.Dial = _link.Dial;
            Mat.Start();
        }

        public VirtualMat Mat { get; }

        // Awaits between frames instead of sleeping: a blocked pool thread would slow every other test's server.
        public async Task<bool> StepUntilAsync(Func<bool> done, int maxFrames = 1500)
        {
            var empty = new int[Geometry.SenselCount];
            for (int frame = 0; frame < maxFrames; frame++)
            {
                if (done())
                {
                    return true;
                }
                Mat.Step(empty);
                await Task.Delay(5);
            }
            return done();
        }

        public async Task PlayFlatFootedShopperAsync()
        {
            var shopper = ShopperScenarios.Find("flat-feet-still")!.Timeline(Geometry);
            var loads = new int[Geometry.SenselCount];
            for (int atMs = 0; atMs <= shopper.DurationMs; atMs += Mat.FramePeriodMs)
            {
                shopper.LoadAt(atMs, loads);
                Mat.Step(loads);
                await Task.Delay(1);
            }
        }

        public void Dispose() => _link.Dispose();
    }
}
