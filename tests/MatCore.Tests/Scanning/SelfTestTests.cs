using Kiosk.Mat.SelfTest;
using Kiosk.Mat.Testing;

namespace Kiosk.Mat.Tests.Scanning;

/// <summary>The self-test over frames the scan loop reads from a fake grid with one injected fault each.</summary>
public class SelfTestTests
{
    private const int Rows = 48;
    private const int Cols = 48;
    private const int EmptyBias = 40;
    private const int LoadedLevel = 1500;

    private readonly FakeMatGrid _grid = new(Rows, Cols, 16, 0);
    private readonly ScanLoop _loop;
    private readonly MatSelfTest _test = new(new MatGeometry(Rows, Cols, 7500), new SelfTestLimits());

    public SelfTestTests()
    {
        _loop = new ScanLoop(new MatGeometry(Rows, Cols, 7500), _grid, _grid, _grid, new ScanTiming(0, 0));
        _grid.FillEmpty(EmptyBias, 6);
    }

    private ushort[] Scan() => (ushort[])_loop.ScanFrame().Clone();

    [Fact]
    public void AHealthyEmptyMatPasses()
    {
        _test.Run(Scan());
        Assert.True(_test.Passed);
        Assert.True(_test.HasBaseline);
        Assert.Equal(0, _test.MaskedSenselCount);
        Assert.InRange(_test.EmptyMedianRaw, 32, 48);
    }

    [Fact]
    public void ShortedRowIsReportedBySelfTest()
    {
        _grid.ShortRow(17);
        _test.Run(Scan());

        Assert.False(_test.Passed);
        Assert.Equal(1, _test.BadRowCount);
        Assert.Equal(17, _test.BadRows[0]);
        Assert.Equal(LineFault.Shorted, _test.RowFault[17]);
        Assert.Equal(0, _test.BadColCount);
        Assert.Equal(Cols, _test.MaskedSenselCount);
        Assert.Equal((byte)SenselStatus.OnShortedLine, _test.Mask[17 * Cols + 30]);
        Assert.Equal((byte)SenselStatus.Ok, _test.Mask[16 * Cols + 30]);
    }

    [Fact]
    public void ShortedColumnIsReportedBySelfTest()
    {
        _grid.ShortColumn(5);
        _test.Run(Scan());

        Assert.Equal(0, _test.BadRowCount);
        Assert.Equal(1, _test.BadColCount);
        Assert.Equal(5, _test.BadCols[0]);
        Assert.Equal(LineFault.Shorted, _test.ColFault[5]);
        Assert.Equal(Rows, _test.MaskedSenselCount);
    }

    [Fact]
    public void OpenColumnReadingZeroAboveTheBiasIsReportedBySelfTest()
    {
        _grid.OpenColumn(40);
        _test.Run(Scan());

        Assert.Equal(1, _test.BadColCount);
        Assert.Equal(40, _test.BadCols[0]);
        Assert.Equal(LineFault.Open, _test.ColFault[40]);
        Assert.Equal((byte)SenselStatus.OnOpenLine, _test.Mask[3 * Cols + 40]);
    }

    [Fact]
    public void WithoutAColumnBiasAZeroColumnCannotBeJudgedAndIsNotReported()
    {
        _grid.FillEmpty(0, 0);
        _grid.OpenColumn(40);
        _test.Run(Scan());

        Assert.False(_test.HasBaseline);
        Assert.Equal(0, _test.BadColCount);
    }

    [Fact]
    public void StuckSenselFarAboveItsNeighboursIsMasked()
    {
        _grid.SetSensel(10, 20, 2000);
        _grid.SetSensel(0, 0, 4095);
        _test.Run(Scan());

        Assert.Equal(2, _test.StuckSenselCount);
        Assert.Equal((byte)SenselStatus.Stuck, _test.Mask[10 * Cols + 20]);
        Assert.Equal((byte)SenselStatus.Stuck, _test.Mask[0]);
        Assert.Equal(0, _test.BadRowCount + _test.BadColCount);
        Assert.Equal(2, _test.MaskedSenselCount);
    }

    [Fact]
    public void AFullScaleSenselIsStuckNotAShortedLine()
    {
        _grid.SetSensel(30, 30, 4095);
        _test.Run(Scan());
        Assert.Equal(0, _test.BadRowCount + _test.BadColCount);
        Assert.Equal(1, _test.StuckSenselCount);
    }

    [Fact]
    public void OpenRowIsFoundOnlyUnderTheLoadTest()
    {
        ushort[] empty = Scan();
        Array.Fill(_grid.Adc, (ushort)LoadedLevel);
        _grid.OpenRow(22, empty);
        ushort[] loaded = Scan();

        _test.Run(empty);
        Assert.Equal(0, _test.BadRowCount);

        _test.Run(empty, loaded);
        Assert.True(_test.LoadTestValid);
        Assert.Equal(1, _test.BadRowCount);
        Assert.Equal(22, _test.BadRows[0]);
        Assert.Equal(LineFault.Open, _test.RowFault[22]);
        Assert.Equal(0, _test.DeadSenselCount);
    }

    [Fact]
    public void DeadSenselIsFoundUnderTheLoadTest()
    {
        ushort[] empty = Scan();
        Array.Fill(_grid.Adc, (ushort)LoadedLevel);
        _grid.SetSensel(33, 7, empty[33 * Cols + 7] + 10);
        ushort[] loaded = Scan();

        _test.Run(empty, loaded);

        Assert.Equal(1, _test.DeadSenselCount);
        Assert.Equal((byte)SenselStatus.Dead, _test.Mask[33 * Cols + 7]);
        Assert.Equal(1, _test.MaskedSenselCount);
    }

    [Fact]
    public void ALoadTooLightToJudgeIsNotTrusted()
    {
        ushort[] empty = Scan();
        ushort[] loaded = (ushort[])empty.Clone();

        _test.Run(empty, loaded);

        Assert.False(_test.LoadTestValid);
        Assert.True(_test.Passed);
    }

    [Fact]
    public void SeveralFaultsAreListedInOrderAndTheMaskCountsEachSenselOnce()
    {
        _grid.ShortRow(3);
        _grid.ShortColumn(9);
        _grid.OpenColumn(2);
        _grid.SetSensel(40, 40, 3000);
        _test.Run(Scan());

        Assert.Equal(new[] { 3 }, _test.BadRows.Take(_test.BadRowCount));
        Assert.Equal(new[] { 2, 9 }, _test.BadCols.Take(_test.BadColCount));
        int expectedLineSensels = Cols + 2 * Rows - 2;
        Assert.Equal(expectedLineSensels + 1, _test.MaskedSenselCount);
        Assert.Equal(_test.MaskedSenselCount, _test.Mask.Count(m => m != (byte)SenselStatus.Ok));
        Assert.Equal((byte)SenselStatus.OnShortedLine, _test.Mask[3 * Cols + 2]);
    }

    [Fact]
    public void RunningTheSelfTestAgainTakesNoMoreThanItsMediansHistograms()
    {
        // The device keeps no histogram between runs (power-on and the technician's command are rare): each median
        // takes one of 256 ints and leaves it behind, and a run takes nothing else, whatever the mat's size.
        const int histogramBytes = 256 * sizeof(int) + 64;
        ushort[] empty = Scan();
        _test.Run(empty, empty);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            _test.Run(empty, empty);
        }
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 20 * 2 * histogramBytes);
    }
}
