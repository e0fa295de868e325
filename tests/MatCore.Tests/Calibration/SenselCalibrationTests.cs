using CsCheck;
using Kiosk.Mat.Calibration;

namespace Kiosk.Mat.Tests.Calibration;

public class SenselCalibrationTests
{
    private static readonly ConductanceLaw Law = new(halfDriveGrams: 1000, fullScalePermilleOfDrive: 742);

    [Fact]
    public void TableRisesWithTheReadingAndIsNotLinear()
    {
        for (int raw = 1; raw <= ConductanceLaw.AdcMax; raw++)
        {
            Assert.True(Law.GramsByRaw[raw] >= Law.GramsByRaw[raw - 1], $"raw {raw}");
        }
        Assert.Equal(0, Law.GramsByRaw[0]);
        // A divider: the second half of the readings spans far more load than the first.
        Assert.True(Law.GramsByRaw[4095] - Law.GramsByRaw[2048] > 2 * Law.GramsByRaw[2048]);
    }

    [Fact]
    public void RawForGramsInvertsTheTableWithinOneCount()
    {
        Gen.Int[0, 2800].Sample(grams =>
        {
            int raw = Law.RawForGrams(grams);
            // The reading's load is within one ADC count's worth of grams of the load (a count spans more at the top).
            int step = Law.GramsByRaw[Math.Min(raw + 1, ConductanceLaw.AdcMax)] - Law.GramsByRaw[raw];
            return Math.Abs(Law.GramsByRaw[raw] - grams) <= step + 1;
        }, iter: 20_000);
    }

    [Fact]
    public void ZeroIsSubtractedAndGainScalesAndDeadSenselsReadNothing()
    {
        var calibration = new SenselCalibration(4, Law);
        calibration.CalibrateZero([100, 100, 100, 100]);
        calibration.GainQ12[1] = SenselCalibration.UnityGainQ12 * 2;
        calibration.DeadMask[3] = 1;
        var raw = new ushort[] { 100, (ushort)Law.RawForGrams(500 + Law.GramsByRaw[100]), 50, 4000 };
        var grams = new int[4];
        calibration.Apply(raw, grams);
        Assert.Equal(0, grams[0]);
        Assert.InRange(grams[1], 990, 1010);
        Assert.Equal(0, grams[2]);
        Assert.Equal(0, grams[3]);
    }

    [Fact]
    public void KnownWeightSetsTheGain()
    {
        var calibration = new SenselCalibration(3, Law);
        int before = calibration.CalibrationId;
        Assert.True(calibration.CalibrateGain([8000, 6000, 6000], knownGrams: 25000));
        Assert.Equal(5120, calibration.GainQ12[0]);
        Assert.NotEqual(before, calibration.CalibrationId);
        Assert.False(calibration.CalibrateGain([0, 0, 0], 25000));
    }

    [Fact]
    public void EqualisingGainsEvensTheFilmsAndMarksDeadOnes()
    {
        var calibration = new SenselCalibration(4, Law);
        int dead = calibration.EqualiseGains([800, 1200, 1000, 20]);
        Assert.Equal(1, dead);
        Assert.Equal(1, calibration.DeadMask[3]);
        var raw = new ushort[4];
        var grams = new int[] { 800, 1200, 1000, 0 };
        for (int i = 0; i < 3; i++)
        {
            Assert.InRange(grams[i] * calibration.GainQ12[i] >> 12, 995, 1005);
        }
    }

    [Fact]
    public void SaturatedReadingsAreCountedForTheAnalysis()
    {
        var calibration = new SenselCalibration(3, Law);
        Assert.Equal(2, calibration.Apply([4095, 4094, 10], new int[3]));
        Assert.Equal(2, calibration.Health.SaturatedCount);
    }

    [Fact]
    public void ApplyingAFrameAllocatesNothing()
    {
        var calibration = new SenselCalibration(64 * 64, Law);
        var raw = new ushort[64 * 64];
        var grams = new int[64 * 64];
        calibration.Apply(raw, grams);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            calibration.Apply(raw, grams);
        }
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
