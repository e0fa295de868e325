using System.Text;
using Kiosk.Mat.Config;

namespace Kiosk.Mat.Tests.Scanning;

/// <summary>The device's key=value settings files (I:\board.txt, I:\device.txt), parsed on the host.</summary>
public class DeviceConfigTests
{
    private const string Board48 =
        "# mat-01, 48 x 48 at 7.5 mm\n" +
        "rows=48\ncols=48\npitch_um=7500\n" +
        "row_driver=shift\nsr_data=16\nsr_clock=17\nsr_latch=5\n" +
        "mux_count=3\nmux_select=13,12,14,27\nmux_enable=26\nmux_adc_channels=4,5,6\n" +
        "led=2\ntft_cs=15\ntft_dc=21\ntft_rst=4\ntft_bl=22\n";

    /// <summary>The same mat on an ESP32-WROVER-E: the shift chain moved off GPIO16/17 (its PSRAM), the backlight not fitted.</summary>
    private static readonly string WroverBoard48 =
        "module=ESP32-WROVER-E\n" + Board48.Replace("sr_data=16\nsr_clock=17", "sr_data=18\nsr_clock=22").Replace("tft_bl=22", "tft_bl=-1");

    private static KeyValueFile Parse(string text) => KeyValueFile.Parse(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void ReadsKeysValuesAndSkipsCommentsAndBlankLines()
    {
        var file = Parse("\uFEFF# comment\r\n\r\n  wifi_ssid = Shop Floor \r\nwifi_password=p=ss#1\nempty=\n");
        Assert.Null(file.Error);
        Assert.Equal(3, file.Count);
        Assert.Equal("Shop Floor", file.Get("wifi_ssid"));
        Assert.Equal("p=ss#1", file.Get("wifi_password"));
        Assert.Equal("", file.Get("empty"));
        Assert.Null(file.Get("absent"));
    }

    [Fact]
    public void DecodesUtf8Values()
    {
        var file = Parse("wifi_ssid=Café Größe\n");
        Assert.Equal("Café Größe", file.Get("wifi_ssid"));
    }

    [Theory]
    [InlineData("rows=48\nno equals here\n", 2, "no '='")]
    [InlineData("=5\n", 1, "no key")]
    [InlineData("Rows=5\n", 1, "a-z")]
    [InlineData("rows=1\nrows=2\n", 2, "twice")]
    public void AMalformedLineIsNamedNotThrown(string text, int line, string problem)
    {
        var file = Parse(text);
        Assert.Equal(line, file.ErrorLine);
        Assert.Contains(problem, file.Error);
        Assert.StartsWith($"line {line}:", file.Error);
    }

    [Fact]
    public void InvalidUtf8IsAnErrorNotACrash()
    {
        var file = KeyValueFile.Parse(new byte[] { (byte)'a', (byte)'=', 0xC3 });
        Assert.Contains("UTF-8", file.Error);
    }

    [Theory]
    [InlineData("5", true, 5)]
    [InlineData(" -12 ", true, -12)]
    [InlineData("2147483647", true, int.MaxValue)]
    [InlineData("-2147483648", true, int.MinValue)]
    [InlineData("2147483648", false, 0)]
    [InlineData("12a", false, 0)]
    [InlineData("", false, 0)]
    [InlineData("-", false, 0)]
    public void WholeNumbersParseWithoutOverflow(string text, bool ok, int expected)
    {
        Assert.Equal(ok, KeyValueFile.ParseInt(text, 0, text.Length, out int value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void IntListsParseAndRejectGapsAndOverflow()
    {
        var file = Parse("a=1, 2,3\nb=1,,2\nc=1,2,3,4,5\n");
        var into = new int[4];
        Assert.Equal(3, file.GetIntList("a", into));
        Assert.Equal(new[] { 1, 2, 3 }, into.Take(3));
        Assert.Equal(-1, file.GetIntList("b", into));
        Assert.Equal(-1, file.GetIntList("c", into));
        Assert.Equal(-1, file.GetIntList("absent", into));
    }

    [Fact]
    public void TheParserNeverThrowsOnAnyBytes()
    {
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            var file = KeyValueFile.Parse(bytes);
            Assert.True(file.Count <= KeyValueFile.MaxEntries);
        });
    }

    [Fact]
    public void AShiftRegisterBoardIsReadWithItsPinMap()
    {
        var board = BoardConfig.From(Parse(Board48));

        Assert.Null(board.Error);
        Assert.Equal(48, board.Rows);
        Assert.Equal(7500, board.PitchUm);
        Assert.Equal(RowDriverKind.ShiftRegister, board.RowDriver);
        Assert.Equal(6, board.SrChips);
        Assert.Equal(new[] { 13, 12, 14, 27 }, board.MuxSelect);
        Assert.Equal(new[] { 4, 5, 6 }, board.MuxAdcChannels.Take(board.MuxCount));
        Assert.Equal(32, BoardConfig.GpioOfAdc1Channel(4));
        Assert.True(board.HasScreen);
        Assert.Equal(10, board.RowSettleUs);
        Assert.Equal((BoardConfig.DefaultDividerOhms, true), (board.DividerOhms, board.DividerPerColumn));

        var perMux = BoardConfig.From(Parse(Board48 + "divider_ohm=4700\ndivider_placement=per-mux-output\n"));
        Assert.Equal((4700, false), (perMux.DividerOhms, perMux.DividerPerColumn));
        // A typo is a configuration error, not a silent fall-back to the default divider.
        Assert.Contains("divider_placement", BoardConfig.From(Parse(Board48 + "divider_placement=per-colum\n")).Error);
        Assert.Contains("divider_ohm", BoardConfig.From(Parse(Board48 + "divider_ohm=abc\n")).Error);
    }

    [Fact]
    public void TheModuleDecidesWhetherGpio16And17AreFree()
    {
        // A board.txt from before the module key described a WROOM-32, whose GPIO16/17 are plain pins.
        var old = BoardConfig.From(Parse(Board48));
        Assert.Null(old.Error);
        Assert.Equal((BoardConfig.ModuleWroom32, false), (old.Module, old.HasPsram));

        var wrover = BoardConfig.From(Parse(WroverBoard48));
        Assert.Null(wrover.Error);
        Assert.Equal((BoardConfig.ModuleWroverE, true), (wrover.Module, wrover.HasPsram));
    }

    [Fact]
    public void AWroverBoardOnFirmwareWithoutPsramIsRefusedWithWhatToFlash()
    {
        var wrover = BoardConfig.From(Parse(WroverBoard48));
        var wroom = BoardConfig.From(Parse(Board48));

        Assert.Contains("no PSRAM: flash the ESP32_PSRAM_REV3_IPV6 image", wrover.PsramProblem(0));
        Assert.Null(wrover.PsramProblem(8u * 1024 * 1024));
        Assert.Null(wroom.PsramProblem(0));
    }

    [Fact]
    public void AnUnfittedPinMayBeWrittenAsMinusOne()
    {
        // matctl board export writes -1 for a pin that is not there, such as a mux enable tied to ground.
        var board = BoardConfig.From(Parse(Board48.Replace("mux_enable=26", "mux_enable=-1").Replace("tft_bl=22", "tft_bl=-1")));

        Assert.Null(board.Error);
        Assert.Equal((BoardConfig.NoPin, BoardConfig.NoPin), (board.MuxEnable, board.TftBl));
        Assert.Contains("mux_enable", BoardConfig.From(Parse(Board48.Replace("mux_enable=26", "mux_enable=-2"))).Error);
    }

    [Fact]
    public void AGpioRowBoardNeedsOnePinPerRow()
    {
        string text = "rows=4\ncols=16\npitch_um=10000\nrow_driver=gpio\nrow_gpio=16,17,18,19\n" +
                      "mux_count=1\nmux_select=13,12,14,27\nmux_adc_channels=0\n";
        var board = BoardConfig.From(Parse(text));
        Assert.Null(board.Error);
        Assert.Equal(new[] { 16, 17, 18, 19 }, board.RowGpio.Take(4));
        Assert.False(board.HasScreen);

        var short1 = BoardConfig.From(Parse(text.Replace("row_gpio=16,17,18,19", "row_gpio=16,17,18")));
        Assert.Contains("row_gpio", short1.Error);
    }

    [Theory]
    [InlineData("mux_adc_channels=4,5,6", "mux_adc_channels=4,5,12", "ADC1 channels 0-7")]
    [InlineData("mux_adc_channels=4,5,6", "mux_adc_channels=4,5", "one ADC1 channel per multiplexer")]
    [InlineData("cols=48", "cols=64", "fewer than the mat's columns")]
    [InlineData("mux_select=13,12,14,27", "mux_select=13,12,14", "needs 4 pins")]
    [InlineData("sr_clock=17", "sr_clock=16", "already used")]
    [InlineData("tft_bl=22", "tft_bl=19", "already used")]
    [InlineData("led=2", "led=35", "input only")]
    [InlineData("led=2", "led=32", "already used")]
    [InlineData("row_driver=shift", "row_driver=spi", "shift or gpio")]
    [InlineData("rows=48", "rows=400", "rows")]
    [InlineData("sr_data=16\n", "", "sr_data")]
    [InlineData("led=2", "led=6", "led: GPIO 6 is wired to the module's SPI flash")]
    [InlineData("tft_rst=4", "tft_rst=11", "tft_rst: GPIO 11 is wired to the module's SPI flash")]
    [InlineData("rows=48", "module=ESP32-WROVER-E\nrows=48", "sr_data: GPIO 16 is the ESP32-WROVER-E's PSRAM")]
    [InlineData("sr_data=16\nsr_clock=17", "sr_data=18\nsr_clock=17\nmodule=ESP32-WROVER-E", "sr_clock: GPIO 17 is the ESP32-WROVER-E's PSRAM")]
    [InlineData("rows=48", "module=ESP32-S3-WROOM-1\nrows=48", "module: ESP32-S3-WROOM-1 is not a module this firmware knows")]
    public void AWrongPinMapIsRefusedWithItsReason(string good, string bad, string reason)
    {
        var board = BoardConfig.From(Parse(Board48.Replace(good, bad)));
        Assert.NotNull(board.Error);
        Assert.Contains(reason, board.Error);
        Assert.StartsWith("board.txt: ", board.Error);
    }

    [Fact]
    public void DeviceSettingsNeedAnIdAKeyAndADisplayWhenOnWifi()
    {
        var ok = DeviceSettings.From(Parse("wifi_ssid=Shop\nwifi_password=secret\ndisplay_host=192.0.2.10\ndisplay_port=6000\ndevice_id=mat-01\ndevice_key=9f86d081-884c7d65-9a2feaa0-c55ad015\n"));
        Assert.Null(ok.Error);
        Assert.True(ok.HasWifi);
        Assert.Equal(6000, ok.DisplayPort);

        var serialOnly = DeviceSettings.From(Parse("device_id=mat-02\ndevice_key=00112233445566778899aabbccddeeff\n"));
        Assert.Null(serialOnly.Error);
        Assert.False(serialOnly.HasWifi);
        Assert.Equal(DeviceSettings.DefaultDisplayPort, serialOnly.DisplayPort);

        Assert.Contains("display_host", DeviceSettings.From(Parse("wifi_ssid=Shop\ndevice_id=m\ndevice_key=00112233445566778899aabbccddeeff\n")).Error);
        Assert.Equal(Convert.FromHexString("00112233445566778899aabbccddeeff"), serialOnly.PairingKey);
        Assert.Contains("device_key", DeviceSettings.From(Parse("device_id=m\n")).Error);
        Assert.Contains("32 hex digits", DeviceSettings.From(Parse("device_id=m\ndevice_key=abc123\n")).Error);
        Assert.Contains("display_port", DeviceSettings.From(Parse("device_id=m\ndevice_key=00112233445566778899aabbccddeeff\ndisplay_port=70000\n")).Error);
    }
}
