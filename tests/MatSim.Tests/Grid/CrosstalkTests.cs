using Kiosk.Mat.Host.Json;
using Kiosk.Mat.Analysis;
using Kiosk.Mat.Calibration;
using Xunit.Abstractions;

namespace Kiosk.Mat.Simulation.Tests.Grid;

/// <summary>
/// The passive matrix's crosstalk, as the simulated grid models it, and the core's compensation of it: the raw frames
/// differ visibly from an ideal readout, and after compensation the scans match what the ideal readout gives.
/// The figures (for the branch note) are written to the test output.
/// </summary>
public class CrosstalkTests(ITestOutputHelper output)
{
    private static readonly MatGeometry Mat48 = new(48, 48, 10000);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void CompensatedFrameMatchesTheIdealReadoutSenselBySensel(bool dividerPerColumn)
    {
        var quiet = new GridElectrics { AdcNoiseCounts = 0, DividerPerColumn = dividerPerColumn };
        int[] load = new int[Mat48.SenselCount];
        ShopperScenarios.Find("normal-arches-still")!.Timeline(Mat48).LoadAt(4000, load);
        ushort[] ideal = Scan(quiet with { Crosstalk = false }, load);
        ushort[] crossed = Scan(quiet, load);
        var compensated = new ushort[crossed.Length];

        var compensation = new CrosstalkCompensation(Mat48, quiet.FullScalePermilleOfDrive, 10000, (int)quiet.ReadPathOnOhms);
        compensation.Apply(crossed, compensated);
        // One count of a reading, as a share of the drive at the column node (the ADC reads below the on-resistance).
        double driveSharePerCount = quiet.FullScalePermilleOfDrive / 1000.0 / 4095 * (10000 + quiet.ReadPathOnOhms) / 10000;

        int loaded = 0, worstBefore = 0, worstAfter = 0;
        double worstAfterPct = 0;
        for (int i = 0; i < ideal.Length; i++)
        {
            if (load[i] < 50)
            {
                continue;
            }
            loaded++;
            worstBefore = Math.Max(worstBefore, ideal[i] - crossed[i]);
            int after = Math.Abs(ideal[i] - compensated[i]);
            worstAfter = Math.Max(worstAfter, after);
            // Quantisation only: the compensation's integer division (1 count); the reading's own rounding (half a count),
            // raised by up to the column's gain 1 / (1 - A) (~6-8x under a foot); and the column sum's rounding, up to half
            // a count for each of its 48 readings, and one-sided when most of them are the empty sensels' leakage of a
            // fraction of a count: it shifts the column's share A by that many counts' share of the drive, which moves a
            // reading by its own size times that shift times the gain. At 3100 mV full scale one count is 0.939 / 4095
            // of the drive (0.742 / 4095 at 2450 mV), so a coarser ADC widens the last term by 27%.
            double gain = compensation.NoiseGainQ8[i % Mat48.Cols] / 256.0;
            double quantisationCounts = 1 + gain * (0.5 + ideal[i] * Mat48.Rows * 0.5 * driveSharePerCount);
            Assert.True(after <= quantisationCounts, $"sensel {i}: ideal {ideal[i]}, compensated {compensated[i]}, bound {quantisationCounts:F1}");
            worstAfterPct = Math.Max(worstAfterPct, 100.0 * after / ideal[i]);
        }
        output.WriteLine($"divider per column {dividerPerColumn}: {loaded} loaded sensels: worst raw shortfall {worstBefore} counts with crosstalk, {worstAfter} counts ({worstAfterPct:F1}%) after compensation");
        Assert.True(worstBefore > 1000, $"crosstalk should pull loaded readings far down, worst {worstBefore}");
    }

    public static TheoryData<string> Shoppers =>
        ["flat-feet-still", "normal-arches-still", "high-arches-still", "uneven-stance", "flat-left-high-right"];

    [Theory]
    [MemberData(nameof(Shoppers))]
    public void CompensationRestoresLoadSplitAndArchTypes(string scenario)
    {
        ShopperTimeline shopper = ShopperScenarios.Find(scenario)!.Timeline(Mat48);
        var truth = shopper.Scene.Truth();
        ScanAnalysis ideal = Scan(shopper, new VirtualMatOptions { Electrics = new() { Crosstalk = false }, CompensateCrosstalk = false });
        ScanAnalysis raw = Scan(shopper, new VirtualMatOptions { CompensateCrosstalk = false });
        ScanAnalysis compensated = Scan(shopper, new VirtualMatOptions());

        double rawErrorPct = 100.0 * (raw.TotalLoadGrams - ideal.TotalLoadGrams) / ideal.TotalLoadGrams;
        double compensatedErrorPct = 100.0 * (compensated.TotalLoadGrams - ideal.TotalLoadGrams) / ideal.TotalLoadGrams;
        output.WriteLine($"{scenario}: total load vs ideal readout {ideal.TotalLoadGrams} g: crosstalk {rawErrorPct:F1}%, compensated {compensatedErrorPct:F1}%");
        output.WriteLine($"  left share % x10 truth {truth.Left!.LoadShare * 1000:F0}: ideal {ideal.LoadLeftPctX10}, crosstalk {raw.LoadLeftPctX10}, compensated {compensated.LoadLeftPctX10}");
        output.WriteLine($"  arch index x1000 L/R truth {truth.Left.ArchIndex * 1000:F0}/{truth.Right!.ArchIndex * 1000:F0}: ideal {ideal.Left.ArchIndexX1000}/{ideal.Right.ArchIndexX1000}, crosstalk {raw.Left.ArchIndexX1000}/{raw.Right.ArchIndexX1000}, compensated {compensated.Left.ArchIndexX1000}/{compensated.Right.ArchIndexX1000}");

        Assert.True(rawErrorPct < -50, $"uncompensated crosstalk should lose most of the load, lost {rawErrorPct:F1}%");
        Assert.InRange(compensatedErrorPct, -3, 3);
        Assert.Equal(truth.Left.ArchType, FootReport.ArchName(compensated.Left.Arch));
        Assert.Equal(truth.Right.ArchType, FootReport.ArchName(compensated.Right.Arch));
        Assert.InRange(compensated.LoadLeftPctX10, truth.Left.LoadShare * 1000 - LoadShareToleranceX10, truth.Left.LoadShare * 1000 + LoadShareToleranceX10);
        Assert.Equal(QualityIssue.None, compensated.QualityIssues);
    }

    /// <summary>
    /// How far the compensated left share may stray from the truth, percent x 10: two deviations of the share's noise.
    /// Measured over GridElectrics.Seed 1..12 (uneven-stance, one scan each): the share's deviation is 1.0 point at
    /// 3100 mV full scale, 0.8 at 2450 mV, and 0.1 point without ADC noise, so it is the ADC's 3 counts of noise, which
    /// the compensation raises with a column's gain (up to ~8x under a foot) and which weigh 27% more grams per count
    /// at the board's coarser full scale. The +-1 point asserted before was inside one deviation: it fitted seed 1
    /// (65.8% at 2450 mV, 66.2% at 3100 mV, truth 65%), not the noise.
    /// </summary>
    public const int LoadShareToleranceX10 = 20;

    private static ushort[] Scan(GridElectrics electrics, int[] load)
    {
        var grid = new SimulatedGrid(Mat48, electrics);
        grid.SetLoad(load);
        return (ushort[])new ScanLoop(Mat48, grid, grid, grid, ScanTiming.Default()).ScanFrame().Clone();
    }

    private static ScanAnalysis Scan(ShopperTimeline shopper, VirtualMatOptions options)
    {
        var mat = new VirtualMat(Mat48, options);
        mat.Start();
        mat.Run(shopper);
        Assert.Equal(1, mat.ScansCompleted);
        return mat.Tracker.Result;
    }
}
