using System.Text.Json;
using Kiosk.Mat.Host.Frames;
using Kiosk.Tests;

namespace Kiosk.Mat.Tests.Cli;

public class AnalyzeCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("matctl-analyze-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WriteScene(StandingScene scene, MatGeometry geometry, string name)
    {
        var frame = scene.Render(geometry);
        string path = Path.Combine(_folder, name);
        FrameFile.Save(path, new PressureFrame(geometry, frame.LoadGrams, new Dictionary<string, string> { ["source"] = "test" }));
        return path;
    }

    [Fact]
    public void JsonHasExactlyTheDocumentedKeysAndTheScriptedArches()
    {
        var flat = ArchIndexTruth.WithArchIndex(new FootShape(), 0.30);
        var high = ArchIndexTruth.WithArchIndex(new FootShape(), 0.12);
        string path = WriteScene(new StandingScene { LeftFoot = flat, RightFoot = high, LeftShare = 0.56 }, new MatGeometry(48, 48, 10000), "pair.csv");
        var run = MatctlRun.Run("analyze", path, "--json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        foreach (string key in new[] { "loadLeftPct", "loadRightPct", "rearfootPct", "forefootPct", "totalLoadG", "copMm" })
        {
            Assert.True(root.TryGetProperty(key, out _), key);
        }
        Assert.True(root.GetProperty("quality").GetProperty("ok").GetBoolean());
        Assert.Equal(0, root.GetProperty("quality").GetProperty("issues").GetArrayLength());
        foreach (string foot in new[] { "left", "right" })
        {
            var f = root.GetProperty(foot);
            foreach (string key in new[] { "archIndex", "archType", "loadPct", "rearfootPct", "forefootPct", "medialPct", "lateralPct", "lengthMm", "widthMm", "contactAreaCm2", "peakKpa", "copMm" })
            {
                Assert.True(f.TryGetProperty(key, out _), $"{foot}.{key}");
            }
            Assert.True(f.GetProperty("copMm").TryGetProperty("x", out _));
        }
        Assert.Equal("low", root.GetProperty("left").GetProperty("archType").GetString());
        Assert.Equal("high", root.GetProperty("right").GetProperty("archType").GetString());
        Assert.InRange(root.GetProperty("loadLeftPct").GetDouble(), 55, 57);
    }

    [Fact]
    public void EmptyMatExitsZeroWithQualityNotOk()
    {
        var geometry = new MatGeometry(10, 10, 7500);
        string path = Path.Combine(_folder, "empty.csv");
        FrameFile.Save(path, new PressureFrame(geometry, new int[100]));
        var run = MatctlRun.Run("analyze", path, "--json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.False(json.RootElement.GetProperty("quality").GetProperty("ok").GetBoolean());
        Assert.Equal("no-foot", json.RootElement.GetProperty("quality").GetProperty("issues")[0].GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("left").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("right").ValueKind);
    }

    [Fact]
    public void UnreadableFileExitsTwoWithOneLineNamingFileLineAndProblem()
    {
        string path = Path.Combine(_folder, "bad.csv");
        File.WriteAllText(path, "# pitch_mm=7.5\n0,0,0\n0,zero,0\n");
        var run = MatctlRun.Run("analyze", path);
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Contains($"{path}:3:", run.Error);
        Assert.Contains("column 2", run.Error);
        Assert.Equal("", run.Output);

        var missing = MatctlRun.Run("analyze", Path.Combine(_folder, "nope.csv"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such file", missing.Error);
    }

    [Fact]
    public void SummaryNamesEachFootsArchInPlainWords()
    {
        var normal = ArchIndexTruth.WithArchIndex(new FootShape(), 0.235);
        string path = WriteScene(new StandingScene { LeftFoot = normal, RightFoot = normal }, new MatGeometry(64, 64, 7500), "normal.csv");
        var run = MatctlRun.Run("analyze", path);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("quality: ok", run.Output);
        Assert.Matches(@"arch\s+normal \(0\.2\d\d\)\s+normal \(0\.2\d\d\)", run.Output);
    }

    [Fact]
    public void DeadAndSaturatedHeadersReachTheAnalysis()
    {
        string path = Path.Combine(_folder, "health.csv");
        File.WriteAllText(path, "# pitch_mm=10\n# saturated=4\n# dead=0:1;1:0\n0,0\n0,0\n");
        var run = MatctlRun.Run("analyze", path, "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("saturated-sensels", run.Output);
        Assert.Contains("too-many-dead-sensels", run.Output);

        File.WriteAllText(path, "# pitch_mm=10\n# dead=9:9\n0,0\n0,0\n");
        var bad = MatctlRun.Run("analyze", path);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("dead", bad.Error);
    }
}
