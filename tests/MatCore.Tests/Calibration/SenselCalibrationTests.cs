using Kiosk.Mat.Calibration;

namespace Kiosk.Mat.Tests.Calibration;

public class SenselCalibrationTests
{
    private static readonly ConductanceLaw Law = new(halfDriveGrams: 1000, fullScalePermilleOfDrive: 742);

    [Fact]
    public void LawRisesWithTheReadingAndIsNotLinear()
    {
        for (int raw = 1; raw <= ConductanceLaw.AdcMax; raw++)
        {
            Assert.True(Law.GramsFor(raw) >= Law.GramsFor(raw - 1), $"raw {raw}");
        }
        Assert.Equal(0, Law.GramsFor(0));
        // A divider: the second half of the readings spans far more load than the first.
        Assert.True(Law.GramsFor(4095) - Law.GramsFor(2048) > 2 * Law.GramsFor(2048));
    }

    [Fact]
    public void RawForGramsInvertsTheLawWithinOneCount()
    {
        Gen.Int[0, 2800].Sample(grams =>
        {
            int raw = Law.RawForGrams(grams);
            // The reading's load is within one ADC count's worth of grams of the load (a count spans more at the top).
            int step = Law.GramsFor(Math.Min(raw + 1, ConductanceLaw.AdcMax)) - Law.GramsFor(raw);
            return Math.Abs(Law.GramsFor(raw) - grams) <= step + 1;
        }, iter: 20_000);
    }

    [Fact]
    public void ZeroIsSubtractedAndGainScalesAndDeadSenselsReadNothing()
    {
        var calibration = new SenselCalibration(4, Law);
        calibration.CalibrateZero([100, 100, 100, 100]);
        calibration.FilmGainQ7[1] = SenselCalibration.UnityFilmGainQ7 * 3 / 2;
        calibration.DeadMask[3] = 1;
        var raw = new ushort[] { 100, (ushort)Law.RawForGrams(500 + Law.GramsFor(100)), 50, 4000 };
        var grams = new int[4];
        calibration.Apply(raw, grams);
        Assert.Equal(0, grams[0]);
        Assert.InRange(grams[1], 740, 760);
        Assert.Equal(0, grams[2]);
        Assert.Equal(0, grams[3]);
    }

    [Fact]
    public void KnownWeightSetsTheGain()
    {
        var calibration = new SenselCalibration(3, Law);
        int before = calibration.CalibrationId;
        Assert.True(calibration.CalibrateGain([8000, 6000, 6000], knownGrams: 25000));
        Assert.Equal(5120, calibration.MatGainQ12);
        Assert.NotEqual(before, calibration.CalibrationId);
        Assert.False(calibration.CalibrateGain([0, 0, 0], 25000));
    }

    [Fact]
    public void EqualisingGainsEvensTheFilmsAndMarksDeadOnes()
    {
        var calibration = new SenselCalibration(4, Law);
        int dead = calibration.EqualiseGains([800, 1200, 1000, 20]);
        Assert.Equal(1, dead);
        Assert.Equal((byte)Kiosk.Mat.SelfTest.SenselStatus.Dead, calibration.DeadMask[3]);
        var raw = new ushort[4];
        var grams = new int[] { 800, 1200, 1000, 0 };
        for (int i = 0; i < 3; i++)
        {
            Assert.InRange(grams[i] * calibration.FilmGainQ7[i] >> 7, 990, 1010);
        }
    }

    [Fact]
    public void TheSelfTestsMaskIsTheCalibrationsMask()
    {
        var mask = new byte[4];
        var calibration = new SenselCalibration(4, Law, mask);
        mask[2] = (byte)Kiosk.Mat.SelfTest.SenselStatus.Stuck;
        var grams = new int[4];
        calibration.Apply([1000, 1000, 1000, 1000], grams);
        Assert.Equal(0, grams[2]);
        Assert.True(grams[0] > 0);
        Assert.Same(mask, calibration.Health.DeadMask);
    }

    [Fact]
    public void FilmGainsStayWithinTheirByte()
    {
        var calibration = new SenselCalibration(3, Law);
        calibration.EqualiseGains([1000, 1000, 300]);
        Assert.Equal(byte.MaxValue, calibration.FilmGainQ7[2]);
        Assert.Equal(0, calibration.DeadMask[2]);
    }

    [Fact]
    public void ZeroIsKeptAboveTheMatsLowestAndAFarHigherSenselIsMaskedAsStuck()
    {
        var calibration = new SenselCalibration(4, Law);
        int stuck = calibration.CalibrateZero([20, 25, 20 + SenselCalibration.MaxZeroAboveBaseRaw, 21 + SenselCalibration.MaxZeroAboveBaseRaw]);
        Assert.Equal(1, stuck);
        Assert.Equal(20, calibration.ZeroBaseRaw);
        Assert.Equal(5, calibration.ZeroAboveBase[1]);
        Assert.Equal(0, calibration.DeadMask[2]);
        Assert.Equal((byte)Kiosk.Mat.SelfTest.SenselStatus.Stuck, calibration.DeadMask[3]);
        var grams = new int[4];
        calibration.Apply([20, 25, 1000, 1000], grams);
        Assert.Equal([0, 0], grams[..2]);
        Assert.True(grams[2] > 0);
        Assert.Equal(0, grams[3]);
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
