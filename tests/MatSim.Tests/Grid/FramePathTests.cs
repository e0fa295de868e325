using Kiosk.Mat.Calibration;

namespace Kiosk.Mat.Simulation.Tests.Grid;

/// <summary>
/// The device's frame path (the scan sums the columns, one pass corrects and calibrates only the readings above the
/// empty mat's noise) against the plain one (compensate the whole frame, then calibrate every sensel): the same loads,
/// but for sensels too light to matter, and a list that holds exactly the loaded sensels.
/// </summary>
public class FramePathTests
{
    private static readonly MatGeometry Mat48 = new(48, 48, 10000);

    [Theory]
    [InlineData("normal-arches-still")]
    [InlineData("flat-left-high-right")]
    public void OnePassOverTheLoadedSenselsGivesThePlainPathsLoads(string scenario)
    {
        var electrics = new GridElectrics();
        var grid = new SimulatedGrid(Mat48, electrics);
        var loop = new ScanLoop(Mat48, grid, grid, grid, ScanTiming.Default()) { SumColumns = true };
        var readout = new ReadoutCircuit(3300, (int)electrics.AdcFullScaleMv, electrics.HalfDriveGrams, 10000, true, 0) { AdcNoiseRaw = 3 };
        var compensation = readout.Compensation(Mat48);
        var calibration = new SenselCalibration(Mat48.SenselCount, readout.Law()) { NoiseFloorRaw = readout.NoiseFloorRaw };
        grid.SetLoad(new int[Mat48.SenselCount]);
        var empty = (ushort[])loop.ScanFrame().Clone();
        compensation.Apply(empty, empty);
        calibration.CalibrateZero(empty);

        int[] load = new int[Mat48.SenselCount];
        ShopperScenarios.Find(scenario)!.Timeline(Mat48).LoadAt(4000, load);
        grid.SetLoad(load);
        ushort[] raw = loop.ScanFrame();

        var plainFrame = new ushort[raw.Length];
        compensation.Apply(raw, plainFrame);
        var plain = new int[raw.Length];
        calibration.Apply(plainFrame, plain);

        compensation.BeginFrame(loop.ColumnSums);
        var fused = new int[raw.Length];
        var loaded = new LoadedSensels(LoadedSensels.CapacityFor(raw.Length), Mat48.Cols);
        calibration.Apply(raw, fused, loaded, compensation, Mat48.Cols);

        var law = readout.Law();
        for (int i = 0; i < raw.Length; i++)
        {
            // The one pass drops a reading within four noise deviations of its zero, the deviation raised by the column's
            // compensation gain (up to ~7.9x under a foot: 12 counts become 94); the plain path keeps the unraised floor.
            // So a dropped sensel may read, on the plain path, up to that floor in grams, and no more. Near zero load one
            // count is 1000 g x 0.939 / 4095 = 0.23 g at 3100 mV full scale (0.18 g at 2450 mV), so the heaviest
            // column's floor is ~22 g: a fixed 15 g bound only fitted the finer 2450 mV ADC.
            int zeroRaw = calibration.ZeroBaseRaw + calibration.ZeroAboveBase[i];
            int columnFloorRaw = readout.NoiseFloorRaw * compensation.NoiseGainQ8[i % Mat48.Cols] >> 8;
            int floorGrams = law.GramsFor(zeroRaw + columnFloorRaw) - law.GramsFor(zeroRaw);
            Assert.True(fused[i] == plain[i] || (fused[i] == 0 && plain[i] <= floorGrams), $"sensel {i}: one pass {fused[i]} g, plain {plain[i]} g, column floor {floorGrams} g");
        }
        // The plain path also keeps the noise the compensation raised in the columns under the feet (no floor scaled for it).
        Assert.InRange(fused.Sum(), plain.Sum() * 0.99, plain.Sum());
        Assert.False(loaded.Overflowed);
        Assert.Equal(Enumerable.Range(0, raw.Length).Where(i => fused[i] > 0), loaded.Index.Take(loaded.Count).Select(i => (int)i));
        Assert.Equal(fused.Where(g => g > 0), loaded.Grams.Take(loaded.Count));
        Assert.Equal(loop.ColumnSums, Enumerable.Range(0, Mat48.Cols).Select(c => (long)Enumerable.Range(0, Mat48.Rows).Sum(r => raw[r * Mat48.Cols + c])));
    }
}
