using Kiosk.Mat.Host.Frames;

namespace Kiosk.Mat.Tests.Frames;

public class FrameFileTests
{
    [Fact]
    public void ReadsHeaderAndRowsWithRowZeroAtTheFront()
    {
        var frame = FrameFile.Parse("# pitch_mm=7.5\n# device=mat-01\n0,1,2\n3,4,5\n");
        Assert.Equal(2, frame.Geometry.Rows);
        Assert.Equal(3, frame.Geometry.Cols);
        Assert.Equal(7500, frame.Geometry.PitchUm);
        Assert.Equal(2, frame[0, 2]);
        Assert.Equal(3, frame[1, 0]);
        Assert.Equal("mat-01", frame.Header["device"]);
    }

    [Fact]
    public void FormatThenParseGivesTheSameFrame()
    {
        var frame = FrameFile.Parse("# pitch_mm=10\n# source=test\n0,1000,2\r\n3,4,50000\r\n");
        var again = FrameFile.Parse(FrameFile.Format(frame));
        Assert.Equal(frame.LoadGrams, again.LoadGrams);
        Assert.Equal(10000, again.Geometry.PitchUm);
        Assert.Equal("test", again.Header["source"]);
    }

    [Theory]
    [InlineData("0,1\n2,3\n", 0, "pitch_mm")]
    [InlineData("# pitch_mm=abc\n0,1\n2,3\n", 1, "not a number")]
    [InlineData("# pitch_mm=7.5\n0,1\n2,x\n", 3, "column 2")]
    [InlineData("# pitch_mm=7.5\n0,1\n2,-3\n", 3, "negative")]
    [InlineData("# pitch_mm=7.5\n0,1\n2,3,4\n", 3, "3 values")]
    [InlineData("# pitch_mm=7.5\n0,1\n2,,4\n", 3, "empty")]
    [InlineData("# pitch_mm=7.5\n0,1\n# late=1\n2,3\n", 3, "header line after")]
    [InlineData("# pitch_mm=7.5\n0,1\n", 2, "at least 2 rows")]
    [InlineData("# pitch_mm=7.5\n# pitch_mm=5\n0,1\n2,3\n", 2, "twice")]
    [InlineData("# pitch_mm=7.5\n0,1\n2,99999999999999999999\n", 3, "not a whole number")]
    public void MalformedFileNamesTheLineAndTheProblem(string text, int line, string problem)
    {
        var error = Assert.Throws<FrameFormatException>(() => FrameFile.Parse(text, "bad.csv"));
        Assert.Equal(line, error.LineNumber);
        Assert.Contains(problem, error.Message);
        Assert.StartsWith(line > 0 ? $"bad.csv:{line}:" : "bad.csv:", error.Message);
    }

    [Fact]
    public void MissingFileIsAFormatErrorNotACrash()
    {
        var error = Assert.Throws<FrameFormatException>(() => FrameFile.Load("/nonexistent/frame.csv"));
        Assert.Contains("no such file", error.Message);
    }

    [Fact]
    public void ReadsEveryRealFootprintInTheSharedData()
    {
        string[] files = Kiosk.Tests.RepositoryPaths.RealFootprintTrials();
        Assert.Equal(300, files.Length);
        foreach (string file in files)
        {
            var frame = FrameFile.Load(file);
            Assert.Equal(5000, frame.Geometry.PitchUm);
            Assert.Equal(63, frame.Geometry.Rows);
            Assert.True(frame.LoadGrams.Sum() > 10000, file);
        }
    }
}
