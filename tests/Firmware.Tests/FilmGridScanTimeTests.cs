using Xunit;
using Kiosk.Mat.DeviceTests.Fakes;

namespace Kiosk.Firmware.Tests;

/// <summary>
/// The device benchmark's "tick minus its own scan": the fake grid times the scan inside the tick it runs in, so the
/// scan never counts for more than the tick (a scan timed apart could, on a loaded machine, and printed negative).
/// </summary>
public sealed class FilmGridScanTimeTests
{
    [Fact]
    public void EveryTickHoldsTheScanTheGridTimedInsideIt()
    {
        var run = new DeviceRun(48, 10000, false);
        run.PowerOn();
        for (int frame = 0; frame < 40; frame++)
        {
            long tickBefore = run.TickTime;
            long scanBefore = run.Film.ScanTicks;
            run.Tick();
            long scan = run.Film.ScanTicks - scanBefore;
            long tick = run.TickTime - tickBefore;

            Assert.True(scan > 0, $"frame {frame}: the grid timed no scan");
            Assert.True(tick - scan >= 0, $"frame {frame}: tick {tick} minus its scan {scan}");
        }
    }

    [Fact]
    public void OnlyDrivenRowsCount()
    {
        var run = new DeviceRun(48, 10000, false, false);
        run.Film.ReleaseAll();
        Assert.Equal(0, run.Film.ScanTicks);

        run.Film.SelectRow(0);
        Thread.Sleep(2);
        run.Film.ReleaseAll();
        long scanned = run.Film.ScanTicks;
        run.Film.ReleaseAll();

        Assert.True(scanned >= TimeSpan.TicksPerMillisecond, $"{scanned} ticks for rows driven 2 ms");
        Assert.Equal(scanned, run.Film.ScanTicks);
    }
}
