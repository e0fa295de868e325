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
        new CrosstalkCompensation(Mat48, quiet.FullScalePermilleOfDrive, 10000, (int)quiet.ReadPathOnOhms).Apply(crossed, compensated);

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
            // Whole-count rounding of the ~48 readings of the column adds up in its sum, and the compensation then
            // scales a reading up by 1 / (1 - the rest of the column's share), up to ~6x under a foot.
            Assert.True(after <= 6 + ideal[i] / 100, $"sensel {i}: ideal {ideal[i]}, compensated {compensated[i]}");
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
        Assert.InRange(compensated.LoadLeftPctX10, truth.Left.LoadShare * 1000 - 10, truth.Left.LoadShare * 1000 + 10);
        Assert.Equal(QualityIssue.None, compensated.QualityIssues);
    }

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
