using CsCheck;
using Kiosk.Mat.Config;
using Kiosk.Mat.Geometry;
using Kiosk.Mat.Host.Frames;
using Kiosk.Tests.Fuzz;
using Xunit.Abstractions;
using static Kiosk.Hardware.Tests.Boards;

namespace Kiosk.Hardware.Tests.Fuzz;

/// <summary>
/// The files a technician or a stranger's download hands the tools and the mat: a board definition (hardware/*.json,
/// read by matctl), the board.txt and device.txt the mat reads at start-up, and a frame file (matctl analyze). Each
/// either gives a usable value or a clear error (an exception of the format's own type, or the parser's Error with
/// a message); nothing else ever escapes.
/// </summary>
public sealed class FileFuzzTests(ITestOutputHelper output)
{
    private static readonly string BoardJson = File.ReadAllText(JsonPath(Mat48));

    [Fact]
    public void ABoardDefinitionIsReadOrRefusedWithItsLineAndColumn()
    {
        FuzzRun.Cases(output, "board definition (hardware/*.json)", TextMutation.Of(BoardJson), 10_000, json =>
        {
            BoardDefinition board;
            try
            {
                board = BoardDefinitionFile.Parse(json, "fuzz.json");
            }
            catch (BoardFileException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Problem));
                return;
            }
            // A definition that parsed is checked, and a sound one exports to board.txt.
            if (BoardValidator.Check(board).Count == 0)
            {
                Assert.NotEmpty(DeviceBoardText.Export(board));
            }
        });
    }

    [Fact]
    public void TheMatsBoardFileIsReadOrNamesItsFirstProblem()
    {
        string boardText = DeviceBoardText.Export(Load(Mat48));
        FuzzRun.Cases(output, "board.txt (the mat's pin map)", TextMutation.BytesOf(boardText), 20_000, bytes =>
        {
            KeyValueFile file = KeyValueFile.Parse(bytes);
            BoardConfig board = BoardConfig.From(file);
            Assert.True(board.Error is null || board.Error.Length > 0);
            Assert.True(file.Error is null || file.ErrorLine > 0, "a file error names its line");
        }, Describe);
    }

    [Fact]
    public void TheMatsDeviceFileIsReadOrNamesItsFirstProblem()
    {
        const string DeviceText = "# written at pairing\nwifi_ssid=Store Wi-Fi\nwifi_password=p=ss#word\ndisplay_host=192.168.1.20\ndisplay_port=5577\n" +
            "device_id=240ac4123456\ndevice_key=00112233445566778899aabbccddeeff\n";
        FuzzRun.Cases(output, "device.txt (the mat's identity and Wi-Fi)", TextMutation.BytesOf(DeviceText), 20_000, bytes =>
        {
            DeviceSettings settings = DeviceSettings.From(KeyValueFile.Parse(bytes));
            Assert.True(settings.Error is null || settings.Error.Length > 0);
        }, Describe);
    }

    [Fact]
    public void AFrameFileIsReadOrRefusedWithItsLine()
    {
        var geometry = new MatGeometry(16, 16, 10000);
        var random = new Random(7);
        var loads = Enumerable.Range(0, geometry.SenselCount).Select(_ => random.Next(4) == 0 ? random.Next(1, 900) : 0).ToArray();
        string sample = FrameFile.Format(new PressureFrame(geometry, loads, new Dictionary<string, string> { ["pitch_mm"] = "10" }));
        FuzzRun.Cases(output, "frame file (matctl analyze)", TextMutation.Of(sample), 10_000, text =>
        {
            try
            {
                PressureFrame frame = FrameFile.Parse(text, "fuzz.frame");
                Assert.Equal(frame.Geometry.SenselCount, frame.LoadGrams.Length);
                Assert.All(frame.LoadGrams, grams => Assert.True(grams >= 0));
            }
            catch (FrameFormatException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Problem));
            }
        });
    }

    private static string Describe(byte[] bytes) => Convert.ToHexString(bytes);
}
