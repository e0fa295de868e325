
namespace Kiosk.Display.Tests;

/// <summary>
/// Strangers on the store's network cannot fill the store: waiting mats are capped and expire, and a burst of one
/// kind of log entry (unknown mats, wrong keys) cannot push the technician's real entries out of view.
/// </summary>
public sealed class FloodTests : DisplayPerTest
{
    [Fact]
    public async Task ThousandsOfUnknownMatsLeaveABoundedWaitingListAndTheLogReadable()
    {
        var sink = server.Get<IMatEventSink>();
        await server.Get<ILogStore>().AddLogAsync("info", "240ac4000001", "a real entry the technician needs");

        for (long id = 0x10_0000; id < 0x10_0000 + 1000; id++)
        {
            await sink.OnDeviceWaitingForPairingAsync(id, "192.0.2.7:40000", CancellationToken.None);
        }

        var devices = await server.Get<IDeviceStore>().ListDevicesAsync();
        Assert.InRange(devices.Count(d => !d.Paired), 1, DeviceStore.MaxWaitingMats);
        var log = await server.Get<ILogStore>().RecentLogAsync(50);
        Assert.Contains(log, e => e.Message == "a real entry the technician needs");
    }

    [Fact]
    public async Task TwoThousandBadProofsLeaveTheRealLogEntriesInView()
    {
        var sink = server.Get<IMatEventSink>();
        await server.Get<ILogStore>().AddLogAsync("info", "240ac4000001", "a real entry the technician needs");

        for (int i = 0; i < 2000; i++)
        {
            await sink.OnDeviceKeyRefusedAsync(0x24_0A_C4_00_00_01, $"192.0.2.{i % 250}:4{i % 1000:000}", CancellationToken.None);
        }

        var log = await server.Get<ILogStore>().RecentLogAsync(50);
        Assert.Contains(log, e => e.Message == "a real entry the technician needs");
        Assert.InRange(log.Count(e => e.Message.Contains("another pairing key")), 1, LogBudget.EntriesPerKindPerWindow);
    }

    [Fact]
    public async Task WaitingMatsNotSeenForADayExpireAndPairedOnesStay()
    {
        var devices = server.Get<IDeviceStore>();
        var now = DateTimeOffset.UtcNow.AddDays(3);
        Assert.True(await devices.NoteWaitingAsync("0000000000aa", now.AddDays(-2)));
        Assert.True(await devices.NoteWaitingAsync("0000000000bb", now.AddHours(-1)));
        await devices.PairDeviceAsync("0000000000cc", "00112233-44556677-8899aabb-ccddeeff");

        await server.Get<ScanExpiryJob>().RunOnceAsync(now);

        var left = (await devices.ListDevicesAsync()).Select(d => d.Status.DeviceId).ToArray();
        Assert.Equal(["0000000000bb", "0000000000cc"], left);
    }
}
