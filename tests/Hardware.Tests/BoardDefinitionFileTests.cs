using System.Text.Json.Nodes;
using static Kiosk.Hardware.Tests.Boards;

namespace Kiosk.Hardware.Tests;

public class BoardDefinitionFileTests
{
    [Fact]
    public void SyntaxErrorNamesFileLineAndColumn()
    {
        string json = "{\n  \"name\": \"x\",\n  \"mat\": { \"rows\": 48,, }\n}\n";

        var error = Assert.Throws<BoardFileException>(() => BoardDefinitionFile.Parse(json, "bad.json"));

        Assert.Equal(3, error.Line);
        Assert.Equal(23, error.Column); // the second comma, counted from 1 as editors do
        Assert.StartsWith("bad.json:3:23: ", error.Message);
    }

    [Fact]
    public void MisspeltKeyIsAnErrorNotIgnored()
    {
        string json = Edited(Mat48, b => b["mat"]!.AsObject().Add("pitchMM", 10));

        var error = Assert.Throws<BoardFileException>(() => BoardDefinitionFile.Parse(json, "typo.json"));

        Assert.Contains("pitchMM", error.Message);
        Assert.True(error.Line > 0, error.Message);
    }

    [Fact]
    public void MissingSectionIsNamed()
    {
        string json = Edited(Mat48, b => b.Remove("display"));

        var error = Assert.Throws<BoardFileException>(() => BoardDefinitionFile.Parse(json, "short.json"));

        Assert.Contains("display", error.Message);
        Assert.StartsWith("short.json", error.Message);
    }

    [Theory]
    [InlineData("display", "widthPx")]
    [InlineData("display", "backlightGpio")]
    [InlineData("mat", "pitchMm")]
    public void MissingKeyIsNamed(string section, string key)
    {
        string json = Edited(Mat48, b => b[section]!.AsObject().Remove(key));

        var error = Assert.Throws<BoardFileException>(() => BoardDefinitionFile.Parse(json, "short.json"));

        Assert.Contains($"'{key}'", error.Message);
    }

    [Fact]
    public void NumberWrittenAsTextNamesThePath()
    {
        string json = Edited(Mat48, b => b["mat"]!["rows"] = "48");

        var error = Assert.Throws<BoardFileException>(() => BoardDefinitionFile.Parse(json, "text.json"));

        Assert.Contains("$.mat.rows", error.Message);
    }

    [Fact]
    public void MissingFileSaysSo()
    {
        var error = Assert.Throws<BoardFileException>(() => BoardDefinitionFile.Load("/nonexistent/board.json"));

        Assert.Equal("/nonexistent/board.json: no such file", error.Message);
    }

    [Fact]
    public void SchemaLinkInTheFileIsAccepted()
    {
        Assert.Equal("./board.schema.json", Load(Mat48).Schema);
    }
}
