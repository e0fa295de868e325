namespace Kiosk.Mat.Tests.Scanning;

public class ScanCostModelTests
{
    private static ScanCostModel Model(int rows, int cols) =>
        new(rows, cols, 4, ScanTiming.Default(), RowDriverKind.ShiftRegister, (rows + 7) / 8);

    [Fact]
    public void A48x48MatMakes3937HardwareCallsPerFrame()
    {
        var model = Model(48, 48);
        // 48 row switches + 768 channel switches + 2304 reads + 48 + 768 settling waits + 1 release.
        Assert.Equal(48 + 768 + 2304 + 816 + 1, model.TotalHardwareCalls);
        Assert.Equal(386, model.RowGpioWrites);
        Assert.Equal(768, model.SelectGpioWrites);
    }

    [Theory]
    [InlineData(48, 48, 17, 5)]
    [InlineData(64, 64, 10, 3)]
    public void PredictedFrameRatesLieBetweenThePessimisticAndOptimisticCosts(int rows, int cols, int fastHz, int slowHz)
    {
        var model = Model(rows, cols);
        Assert.Equal(fastHz, model.FrameRateMilliHz(ScanCallCosts.Optimistic(), 0) / 1000);
        Assert.Equal(slowHz, model.FrameRateMilliHz(ScanCallCosts.Pessimistic(), 0) / 1000);
    }

    [Fact]
    public void DesignFigureOf55UsPerSenselGivesAbout8HzAt48x48()
    {
        // DESIGN.md: "at 55 us per sensel a 48x48 frame takes ~0.13 s (7.9 Hz)" - a per-sensel cost only.
        var model = new ScanCostModel(48, 48, 4, new ScanTiming(0, 0), RowDriverKind.Gpio, 0);
        var perSensel = new ScanCallCosts(0, 55000, 0);
        Assert.Equal(7891, model.FrameRateMilliHz(perSensel, 0));
    }

    [Fact]
    public void ARaw64x64FrameTakes711MsAt115200Baud()
    {
        int bytes = ScanCostModel.RawFrameBytes(64, 64);
        Assert.Equal(8192, bytes);
        Assert.Equal(711, ScanCostModel.SerialTransmitNs(bytes, 115200) / 1000000);
    }

    [Fact]
    public void ASparseFrameOfTwoFeetTakesUnder200MsAt115200Baud()
    {
        // Two standing feet cover about 240 cm2: ~430 sensels at 7.5 mm pitch.
        int bytes = ScanCostModel.SparseFrameBytes(430, 16);
        Assert.Equal(1736, bytes);
        Assert.Equal(150, ScanCostModel.SerialTransmitNs(bytes, 115200) / 1000000);
        Assert.Equal(13, ScanCostModel.LinkTransmitNs(bytes, 1000000) / 1000000);
    }
}
