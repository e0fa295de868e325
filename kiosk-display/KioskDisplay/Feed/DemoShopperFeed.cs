using Kiosk.Display.Storage;
using Microsoft.Extensions.Options;

namespace Kiosk.Display.Feed;

/// <summary>
/// TEMPORARY STAND-IN until the protocol listener and the virtual mat land: replays shoppers in-process through
/// <see cref="IScanFeed"/> exactly as a mat would: idle, a shopper steps on (live frames at ~16/s), the result,
/// steps off. The shoppers have flat, normal and high arches in turn. On by default; switch it off with
/// <c>--DemoFeed:Enabled=false</c>. Timing comes from <see cref="DemoFeedOptions"/> so tests run in seconds.
/// </summary>
public sealed class DemoShopperFeed(IScanFeed feed, IScanStore store, IOptions<DemoFeedOptions> options, ILogger<DemoShopperFeed> logger)
    : BackgroundService
{
    private readonly DemoFeedOptions demo = options.Value;
    private readonly DateTimeOffset started = DateTimeOffset.UtcNow;
    private static readonly TimeSpan StatusEvery = TimeSpan.FromSeconds(5);
    private DateTimeOffset lastStatus;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogWarning("The demo shopper feed is on: mat {Device} is simulated (set DemoFeed:Enabled=false for a real mat)", demo.DeviceId);
        var noise = new Random(1234);
        string runId = started.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        int shopper = 0;
        try
        {
            await PublishStatusAsync(stoppingToken);
            await store.SetDevicePairedAsync(demo.DeviceId, true, stoppingToken); // the simulated mat needs no pairing
            while (!stoppingToken.IsCancellationRequested)
            {
                await IdleAsync(TimeSpan.FromSeconds(demo.IdleSeconds), stoppingToken);
                string arch = demo.Shoppers[shopper % demo.Shoppers.Count];
                shopper++;
                await ShopperAsync(arch, $"{demo.DeviceId}-{runId}-{shopper}", noise, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task IdleAsync(TimeSpan length, CancellationToken ct)
    {
        var until = DateTimeOffset.UtcNow + length;
        while (DateTimeOffset.UtcNow < until)
        {
            await PublishStatusAsync(ct);
            var left = until - DateTimeOffset.UtcNow;
            if (left > TimeSpan.Zero) await Task.Delay(left < StatusEvery ? left : StatusEvery, ct);
        }
    }

    private async Task ShopperAsync(string arch, string resultId, Random noise, CancellationToken ct)
    {
        var period = TimeSpan.FromSeconds(1.0 / demo.FramesPerSecond);
        var stand = TimeSpan.FromSeconds(demo.StandSeconds);
        var stay = TimeSpan.FromSeconds(demo.StayAfterResultSeconds);
        var stepOn = DateTimeOffset.UtcNow;
        bool resultSent = false;
        using var timer = new PeriodicTimer(period);
        while (true)
        {
            var now = DateTimeOffset.UtcNow;
            var onFor = now - stepOn;
            if (onFor > stand + stay) break;
            double weight = Math.Min(1, onFor.TotalSeconds / 0.6);                 // stepping on takes ~0.6 s
            double sway = 0.04 * Math.Sin(onFor.TotalSeconds * 2.1);               // gentle left/right sway
            var frame = SyntheticFeet.Frame(arch, weight, sway, noise);
            feed.PublishFrame(new LiveFrame(demo.DeviceId, frame, now));
            if (!resultSent && onFor >= stand)
            {
                resultSent = true;
                var summed = SyntheticFeet.Frame(arch, 1, 0, new Random(7));
                var report = SyntheticFeet.Report(arch, (int)summed.TotalGrams());
                var ack = await feed.PublishResultAsync(new ScanResult(resultId, demo.DeviceId, report, summed, now), ct);
                if (!ack.Acknowledged) logger.LogWarning("Demo result {Id} not acknowledged: {Error}", resultId, ack.Error);
            }
            if (now - lastStatus >= StatusEvery) await PublishStatusAsync(ct); // a mat reports while in use too
            await timer.WaitForNextTickAsync(ct);
        }
        var empty = new MatGrid(SyntheticFeet.Rows, SyntheticFeet.Cols, SyntheticFeet.PitchMm, new int[SyntheticFeet.Rows * SyntheticFeet.Cols]);
        feed.PublishFrame(new LiveFrame(demo.DeviceId, empty, DateTimeOffset.UtcNow)); // stepped off
    }

    private Task PublishStatusAsync(CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        lastStatus = now;
        int[] dead = [3 * SyntheticFeet.Cols + 40, 27 * SyntheticFeet.Cols + 2];
        return feed.PublishStatusAsync(new DeviceStatus(demo.DeviceId, "demo-0.1 (simulated)", (long)(now - started).TotalSeconds,
            demo.FramesPerSecond, -52 - now.Second % 5, dead.Length,
            new DeadSenselMap(SyntheticFeet.Rows, SyntheticFeet.Cols, dead), now), ct);
    }
}
