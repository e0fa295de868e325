using Kiosk.Mat.Testing;

namespace Kiosk.Mat.Tests.Scanning;

public class ScanLoopTests
{
    private static (ScanLoop loop, FakeMatGrid grid) NewLoop(int rows, int cols, ScanTiming? timing = null)
    {
        timing ??= ScanTiming.Default();
        var grid = new FakeMatGrid(rows, cols, 16, timing.ChannelSettleUs);
        grid.FillPattern();
        var loop = new ScanLoop(new MatGeometry(rows, cols, 7500), grid, grid, grid, timing);
        return (loop, grid);
    }

    private static void AssertFrameMatchesGrid(ushort[] frame, FakeMatGrid grid)
    {
        for (int row = 0; row < grid.Rows; row++)
        {
            for (int col = 0; col < grid.Cols; col++)
            {
                Assert.True(FakeMatGrid.PatternValue(row, col) == frame[row * grid.Cols + col], $"sensel ({row},{col})");
            }
        }
    }

    /// <summary>
    /// The mats the loop is checked on: the two the boards build, one wider than deep, one whose last multiplexer is
    /// part-used, one smaller than a multiplexer.
    /// </summary>
    public static TheoryData<int, int> Mats => new() { { 48, 48 }, { 64, 64 }, { 40, 24 }, { 12, 10 }, { 3, 5 } };

    [Theory]
    [MemberData(nameof(Mats))]
    public void ScanLoopFillsEveryRowAndColumnOfTheMat(int rows, int cols)
    {
        var (loop, grid) = NewLoop(rows, cols);

        ushort[] frame = loop.ScanFrame();

        AssertFrameMatchesGrid(frame, grid);
        Assert.Equal(0, grid.ReadsOfNoColumn);
    }

    [Fact]
    public void EachFrameRefillsTheSameBufferWithTheNewReadings()
    {
        var (loop, grid) = NewLoop(48, 48);
        ushort[] first = loop.ScanFrame();
        grid.SetSensel(47, 47, 1234);

        ushort[] second = loop.ScanFrame();

        Assert.Same(first, second);
        Assert.Same(loop.Frame, second);
        Assert.Equal(1234, second[47 * 48 + 47]);
        Assert.Equal(2, loop.FramesScanned);
    }

    [Theory]
    [MemberData(nameof(Mats))]
    public void HardwareCallsPerFrameEqualTheCostModel(int rows, int cols)
    {
        var timing = ScanTiming.Default();
        var (loop, grid) = NewLoop(rows, cols, timing);
        var model = new ScanCostModel(rows, cols, 4, timing, RowDriverKind.ShiftRegister, (rows + 7) / 8);

        loop.ScanFrame();

        Assert.Equal(model.RowSelectCalls, grid.RowSelectCalls);
        Assert.Equal(model.ChannelSelectCalls, grid.ChannelSelectCalls);
        Assert.Equal(model.AdcReadCalls, grid.ReadCalls);
        Assert.Equal(model.DelayCalls, grid.DelayCalls);
        Assert.Equal(model.ReleaseCalls, grid.ReleaseCalls);
        Assert.Equal(model.TotalHardwareCalls, grid.TotalCalls);
        Assert.Equal(model.SettleUsPerFrame, grid.DelayedUs);
    }

    [Fact]
    public void A48x48FrameMakes48RowSwitches768ChannelSwitchesAnd2304Reads()
    {
        var (loop, grid) = NewLoop(48, 48);
        loop.ScanFrame();
        Assert.Equal(48, grid.RowSelectCalls);
        Assert.Equal(48 * 16, grid.ChannelSelectCalls);
        Assert.Equal(48 * 48, grid.ReadCalls);
    }

    [Fact]
    public void EveryReadHappensWithExactlyOneRowDrivenAndAllRowsGroundedAfterTheFrame()
    {
        var (loop, grid) = NewLoop(64, 64);

        loop.ScanFrame();

        Assert.Equal(0, grid.ReadsWithoutOneDrivenRow);
        Assert.Equal(0, grid.DrivenRowCount);
    }

    [Fact]
    public void EveryReadWaitsForTheChannelSettlingAllowance()
    {
        var (loop, grid) = NewLoop(48, 48, new ScanTiming(5, 8));
        loop.ScanFrame();
        Assert.Equal(0, grid.UnsettledReads);
        Assert.Equal(48 * 5 + 48 * 16 * 8, grid.DelayedUs);
    }

    [Fact]
    public void ZeroSettlingMakesNoDelayCalls()
    {
        var (loop, grid) = NewLoop(48, 48, new ScanTiming(0, 0));
        loop.ScanFrame();
        Assert.Equal(0, grid.DelayCalls);
        AssertFrameMatchesGrid(loop.Frame, grid);
    }

    [Theory]
    [InlineData(48, 48)]
    [InlineData(64, 64)]
    public void ScanningAllocatesNothingPerFrame(int rows, int cols)
    {
        var (loop, _) = NewLoop(rows, cols);
        for (int i = 0; i < 20; i++)
        {
            loop.ScanFrame();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            loop.ScanFrame();
        }
        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(before, after);
    }

    [Fact]
    public void AnyMatGeometryIsFilledExactlyWithTheCallsTheCostModelCounts()
    {
        Gen.Select(Gen.Int[2, 80], Gen.Int[2, 128], Gen.Int[0, 20], Gen.Int[0, 20]).Sample((rows, cols, rowSettle, channelSettle) =>
        {
            var timing = new ScanTiming(rowSettle, channelSettle);
            var (loop, grid) = NewLoop(rows, cols, timing);
            var model = new ScanCostModel(rows, cols, 4, timing, RowDriverKind.ShiftRegister, (rows + 7) / 8);

            AssertFrameMatchesGrid(loop.ScanFrame(), grid);

            Assert.Equal(model.TotalHardwareCalls, grid.TotalCalls);
            Assert.Equal(model.SettleUsPerFrame, grid.DelayedUs);
            Assert.Equal(0, grid.ReadsWithoutOneDrivenRow + grid.ReadsOfNoColumn + grid.UnsettledReads);
        }, iter: 200);
    }

    [Fact]
    public void ChannelsAreVisitedInGrayCodeOrderSoOneSelectLineChangesAtATime()
    {
        int[] order = ScanLoop.UsedChannelsInGrayOrder(16, 48);
        Assert.Equal(16, order.Length);
        Assert.Equal(Enumerable.Range(0, 16), order.OrderBy(c => c));
        for (int i = 0; i < order.Length; i++)
        {
            int previous = order[(i + order.Length - 1) % order.Length];
            Assert.Equal(1, System.Numerics.BitOperations.PopCount((uint)(previous ^ order[i])));
        }
    }

    [Fact]
    public void ANarrowMatVisitsOnlyTheChannelsThatCarryColumns()
    {
        int[] order = ScanLoop.UsedChannelsInGrayOrder(16, 5);
        Assert.Equal(new[] { 0, 1, 3, 2, 4 }, order);
    }

    [Fact]
    public void AMatWiderThanItsMultiplexersIsRefused()
    {
        var grid = new FakeMatGrid(8, 20, 16, 0);
        var error = Assert.Throws<ArgumentException>(() =>
            new ScanLoop(new MatGeometry(8, 40, 7500), grid, grid, grid, ScanTiming.Default()));
        Assert.Contains("columns", error.Message);
    }
}
