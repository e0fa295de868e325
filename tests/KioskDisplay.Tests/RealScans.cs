using Kiosk.Mat.Analysis;
using Kiosk.Mat.Host.Frames;
using Kiosk.Mat.Host.Json;
using Kiosk.Mat.Simulation.Feet;
using Kiosk.Mat.Simulation.Shoppers;

namespace Kiosk.Display.Tests;

/// <summary>
/// Scans as a store gets them: a standing frame on the kiosk's 48 x 48 mat at 10 mm, analysed by the mat's own core
/// (<see cref="FootAnalyzer"/>), so every figure, flag and borderline band is what the analysis gives, not a
/// hand-written report. The feet are real footprints (tests/data, Pataky 2008) placed as a standing pair or alone,
/// or the virtual mat's feet where a shape needs a known arch index (borderline, mixed, child-sized).
/// </summary>
public static class RealScans
{
    private static readonly MatGeometry Mat = new(48, 48, 10_000);

    /// <summary>Every shape of scan a store prints, by name; <paramref name="Activity"/> is what the shopper answered.</summary>
    public sealed record Shape(string Name, ScanResult Result, string Activity = "everyday");

    public static IReadOnlyList<Shape> EveryShape(string device)
    {
        string[] trials = RepositoryPaths.RealFootprintTrials();
        ScanResult Real(string name, int trial, int otherTrial, double leftShare, double kg) =>
            Scan(name, device, Pair(Footprint(trials[trial]), Footprint(trials[otherTrial]), leftShare, kg, turnDeg: 8));
        return
        [
            new("real-both-feet", Real("real-both-feet", 0, 0, 0.5, 72)),
            new("real-two-subjects-uneven", Real("real-two-subjects-uneven", 75, 130, 0.62, 91), "running"),
            new("real-heavy-long-list", Real("real-heavy-long-list", 200, 260, 0.47, 118), "standing"),
            new("real-one-foot", Scan("real-one-foot", device, Alone(Footprint(trials[140]), 70)), "walking"),
            new("borderline-low-normal", Scan("borderline-low-normal", device, ShopperScenarios.Scene(0.255, 0.252))),
            new("flat-left-high-right", Scan("flat-left-high-right", device, ShopperScenarios.Scene(0.30, 0.15)), "dress"),
            new("child-sized", Scan("child-sized", device, ShopperScenarios.Scene(0.225, 0.225, bodyMassKg: 22, footLengthMm: 170, heelSpacingMm: 110))),
        ];
    }

    /// <summary>A scan of a virtual mat's scene (feet of a known arch index, placed and loaded as the scene says).</summary>
    public static ScanResult Scan(string id, string device, StandingScene scene) => Scan(id, device, Scene(scene));

    public static ScanResult Scan(string id, string device, int[] loadGrams)
    {
        var analysis = new ScanAnalysis();
        new FootAnalyzer(Mat, null).Analyze(loadGrams, null, analysis);
        var grid = new MatGrid(Mat.Rows, Mat.Cols, Mat.PitchUm / 1000.0, loadGrams);
        return new ScanResult(id, device, AnalysisReport.From(analysis), grid, DateTimeOffset.UtcNow);
    }

    private static PlacedFootprint Footprint(string file)
    {
        var recording = FrameFile.Load(file);
        return new PlacedFootprint(recording.LoadGrams, recording.Geometry.Rows, recording.Geometry.Cols, recording.PitchMm);
    }

    /// <summary>The right foot and, mirrored, the left, each turned outward, 200 mm apart, sharing a body weight.</summary>
    private static int[] Pair(PlacedFootprint right, PlacedFootprint left, double leftShare, double kg, double turnDeg)
    {
        var loads = new double[Mat.SenselCount];
        (right with { TurnDeg = turnDeg, CentreXMm = 340, CentreYMm = 240, LoadGrams = kg * 1000 * (1 - leftShare) }).AddTo(Mat, loads);
        (left with { Mirrored = true, TurnDeg = -turnDeg, CentreXMm = 140, CentreYMm = 240, LoadGrams = kg * 1000 * leftShare }).AddTo(Mat, loads);
        return PlacedFootprint.Round(loads);
    }

    private static int[] Alone(PlacedFootprint right, double kg)
    {
        var loads = new double[Mat.SenselCount];
        (right with { CentreXMm = 300, CentreYMm = 240, LoadGrams = kg * 1000 }).AddTo(Mat, loads);
        return PlacedFootprint.Round(loads);
    }

    private static int[] Scene(StandingScene scene) => scene.Render(Mat).LoadGrams;
}
