using System.Globalization;
using System.Xml.Linq;
using Kiosk.Tests;
using static Kiosk.Hardware.Tests.Boards;

namespace Kiosk.Hardware.Tests;

public class WiringDiagramTests
{
    private static string SvgPath(string name) => Path.Combine(RepositoryPaths.Root, "hardware", name + ".svg");

    [Theory]
    [MemberData(nameof(Committed), MemberType = typeof(Boards))]
    public void CommittedSvgIsWhatTheToolGeneratesNow(string name)
    {
        string committed = File.ReadAllText(SvgPath(name));

        string generated = MatctlRun.Board("draw", JsonPath(name)).Output;

        Assert.True(committed == generated,
            $"hardware/{name}.svg is out of date with hardware/{name}.json or the drawing code; regenerate it with\n" +
            $"  dotnet run --project firmware/matctl -- board draw hardware/{name}.json --out hardware/{name}.svg");
    }

    [Theory]
    [MemberData(nameof(Committed), MemberType = typeof(Boards))]
    public void EveryUsedGpioIsLabelledOnTheDiagram(string name)
    {
        AssertEveryGpioLabelled(Load(name));
    }

    [Fact]
    public void SmallMatWithOneGpioPerRowIsDrawnWithEveryRowWire()
    {
        BoardDefinition board = SmallGpioRowMat();
        Assert.Empty(BoardValidator.Check(board));

        string svg = AssertEveryGpioLabelled(board);

        Assert.Contains("GPIO21 ROW2", svg);
        Assert.DoesNotContain("74HC595", svg);
    }

    /// <summary>Every pin the board uses appears as "GPIOn SIGNAL" on a wire label; returns the SVG.</summary>
    private static string AssertEveryGpioLabelled(BoardDefinition board)
    {
        string svg = WiringDiagram.Svg(board);
        var texts = XDocument.Parse(svg).Descendants(XName.Get("text", "http://www.w3.org/2000/svg")).Select(t => t.Value).ToHashSet();
        Assert.All(BoardPins.Of(board), pin => Assert.Contains($"GPIO{pin.Gpio} {pin.Signal}", texts));
        return svg;
    }

    [Fact]
    public void DiagramDoesNotDependOnTheMachinesCulture()
    {
        BoardDefinition board = Load(Mat64);
        string invariant = WiringDiagram.Svg(board);
        CultureInfo before = CultureInfo.CurrentCulture;
        try
        {
            // German writes 7,5 for 7.5: a culture-dependent number would break the SVG and the comparison.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(invariant, WiringDiagram.Svg(board));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
