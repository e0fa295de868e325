using Kiosk.Mat.SelfTest;

namespace Kiosk.Mat.Simulation.Tests.Grid;

/// <summary>The simulated grid under the real scan loop and self-test: faults show the way the self-test expects them.</summary>
public class SimulatedGridTests
{
    private static readonly MatGeometry Mat = new(32, 32, 10000);

    // The self-test judges open columns against the empty mat's median, taken in bins of 16 counts. With the
    // per-column pull-down the empty level is the film's leakage alone: 5 Mohm gives ~10 counts, below the first bin.
    [Theory]
    [InlineData(5_000_000, false)]
    [InlineData(2_000_000, true)]
    public void SelfTestFindsOpenColumnsOnlyWhenTheFilmLeaksEnoughForABaseline(double leakageOhms, bool hasBaseline)
    {
        var grid = new SimulatedGrid(Mat, new GridElectrics { LeakageOhms = leakageOhms });
        grid.OpenColumn(7);
        grid.SetLoad(new int[Mat.SenselCount]);
        var test = new MatSelfTest(Mat, new SelfTestLimits());

        test.Run(new ScanLoop(Mat, grid, grid, grid, ScanTiming.Default()).ScanFrame());

        Assert.Equal(hasBaseline, test.HasBaseline);
        Assert.Equal(hasBaseline ? LineFault.Open : LineFault.None, test.ColFault[7]);
    }

    [Fact]
    public void StuckSenselIsFoundAndMasked()
    {
        var grid = new SimulatedGrid(Mat, new GridElectrics());
        grid.StickSensel(20, 3);
        grid.SetLoad(new int[Mat.SenselCount]);
        var test = new MatSelfTest(Mat, new SelfTestLimits());

        test.Run(new ScanLoop(Mat, grid, grid, grid, ScanTiming.Default()).ScanFrame());

        Assert.Equal((byte)SenselStatus.Stuck, test.Mask[Mat.Index(20, 3)]);
        Assert.Equal(1, test.MaskedSenselCount);
    }

    [Fact]
    public void OpenRowReadsNothingUnderLoad()
    {
        var grid = new SimulatedGrid(Mat, new GridElectrics { AdcNoiseCounts = 0 });
        grid.OpenRow(5);
        int[] load = new int[Mat.SenselCount];
        Array.Fill(load, 500);
        grid.SetLoad(load);

        ushort[] frame = new ScanLoop(Mat, grid, grid, grid, ScanTiming.Default()).ScanFrame();

        Assert.All(Enumerable.Range(0, Mat.Cols), col => Assert.Equal(0, frame[Mat.Index(5, col)]));
        Assert.All(Enumerable.Range(0, Mat.Cols), col => Assert.True(frame[Mat.Index(6, col)] > 100));
    }

    [Fact]
    public void WithoutCrosstalkALoneSenselReadsTheConductanceLaw()
    {
        var electrics = new GridElectrics { AdcNoiseCounts = 0, GainSpread = 0, Crosstalk = false };
        var grid = new SimulatedGrid(Mat, electrics);
        var law = new Kiosk.Mat.Calibration.ConductanceLaw(electrics.HalfDriveGrams, electrics.FullScalePermilleOfDrive);
        int[] load = new int[Mat.SenselCount];
        load[Mat.Index(10, 10)] = 800;
        grid.SetLoad(load);

        ushort[] frame = new ScanLoop(Mat, grid, grid, grid, ScanTiming.Default()).ScanFrame();

        // The law ignores the film's leakage (5 Mohm against 10 kohm: 0.2%) and the 742 permille rounding.
        Assert.InRange(frame[Mat.Index(10, 10)], law.RawForGrams(800) - 8, law.RawForGrams(800) + 8);
    }
}
