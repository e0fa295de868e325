using System.Collections.Concurrent;
using Kiosk.Mat.Analysis;
using Kiosk.Mat.Geometry;
using Kiosk.Mat.Host.Frames;
using Kiosk.Mat.Host.Json;
using Kiosk.Mat.Simulation.Feet;
using Kiosk.Tests;

namespace Kiosk.Mat.Tests.Analysis;

/// <summary>
/// The measurement figures issue #10 asks for, computed once for both their readers: the tests, which hold them, and
/// the benchmarks' report mode, which prints them (`dotnet run -c Release --project tests/MatCore.Benchmarks -- report`).
/// No xunit here, so the benchmarks project can link this file.
/// </summary>
public static class MeasurementFigures
{
    /// <summary>The mats and angles every real footprint is re-sampled onto.</summary>
    public static readonly int[] RealPitchesUm = [5000, 7500, 10000];
    public static readonly double[] RealTurnsDeg = [0, 10, 20];

    /// <summary>
    /// Every real trial as the right foot and mirrored as the left, each turned outward 0, 10 and 20 degrees, on 5, 7.5
    /// and 10 mm mats, against the right foot on the 5 mm mat standing straight. Each comparison is one foot of one
    /// rendering; a rendering where the analysis did not find both feet at an even split is listed in Faults.
    /// </summary>
    public static RealFeetConsistency RealFeet(int parallelism = 2)
    {
        string[] trials = RepositoryPaths.RealFootprintTrials();
        var comparisons = new ConcurrentBag<(double Area, double Modified, double LengthMm, double WidthMm)>();
        var faults = new ConcurrentBag<string>();
        Parallel.ForEach(trials, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, file =>
        {
            var recording = FrameFile.Load(file);
            var source = new PlacedFootprint(recording.LoadGrams, recording.Geometry.Rows, recording.Geometry.Cols, recording.PitchMm);
            FootMeasures? reference = null;
            foreach (int pitchUm in RealPitchesUm)
            {
                var analyzer = new FootAnalyzer(RealPair.Mat(pitchUm), null);
                foreach (double turn in RealTurnsDeg)
                {
                    var result = new ScanAnalysis();
                    analyzer.Analyze(RealPair.Render(source, pitchUm, turn), null, result);
                    if (!(result.Left.Present && result.Right.Present) || result.LoadLeftPctX10 < 490 || result.LoadLeftPctX10 > 510)
                    {
                        faults.Add($"{file} at {pitchUm / 1000.0} mm, {turn} deg: feet {result.Left.Present}/{result.Right.Present}, left {result.LoadLeftPctX10 / 10.0}%");
                        continue;
                    }
                    if (reference == null)
                    {
                        reference = new FootMeasures();
                        reference.CopyFrom(result.Right);
                    }
                    foreach (var foot in new[] { result.Right, result.Left })
                    {
                        comparisons.Add((
                            Math.Abs(foot.ArchIndexX1000 - reference.ArchIndexX1000) / 1000.0,
                            Math.Abs(foot.ModifiedArchIndexX1000 - reference.ModifiedArchIndexX1000) / 1000.0,
                            Math.Abs(foot.LengthMmX10 - reference.LengthMmX10) / 10.0,
                            Math.Abs(foot.WidthMmX10 - reference.WidthMmX10) / 10.0));
                    }
                }
            }
        });
        return new RealFeetConsistency(
            trials.Length,
            comparisons.Count,
            Figures.Of(comparisons.Select(c => c.Area)),
            Figures.Of(comparisons.Select(c => c.Modified)),
            Figures.Of(comparisons.Select(c => c.LengthMm)),
            Figures.Of(comparisons.Select(c => c.WidthMm)),
            faults.OrderBy(f => f, StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// Generated standing pairs against their truth: the arch index error on every foot (borderline ones included), the
    /// class accuracy of the feet whose true index lies outside the borderline band, and how the loads split.
    /// </summary>
    public static GeneratorAccuracy Generator(IEnumerable<(StandingScene Scene, MatGeometry Geometry)> scenes)
    {
        int band = new AnalysisSettings().BorderlineBandX1000;
        int sceneCount = 0, outsideBand = 0, right = 0, honest = 0, clear = 0;
        var indexErrors = new List<double>();
        var modifiedErrors = new List<double>();
        var regionErrors = new List<double>();
        var loadErrors = new List<double>();
        var rearErrors = new List<double>();
        var classesSeen = new HashSet<string>();
        var faults = new List<string>();
        var misses = new List<string>();
        var dishonest = new List<string>();
        foreach (var (scene, geometry) in scenes)
        {
            var frame = scene.Render(geometry);
            var result = GeneratedScenes.Analyze(frame);
            sceneCount++;
            if (result.Has(QualityIssue.NoFoot) || result.Has(QualityIssue.OneFootOnly))
            {
                faults.Add($"scene {sceneCount} pitch {geometry.PitchUm / 1000.0} mm: both feet not found");
                continue;
            }
            foreach (var (truth, measured) in new[] { (frame.Truth.Left!, result.Left), (frame.Truth.Right!, result.Right) })
            {
                indexErrors.Add(Math.Abs(measured.ArchIndexX1000 / 1000.0 - truth.ArchIndex));
                modifiedErrors.Add(Math.Abs(measured.ModifiedArchIndexX1000 / 1000.0 - truth.Regions.ModifiedArchIndex));
                regionErrors.Add(Math.Abs(measured.RearfootPctX10 / 10.0 - truth.Regions.Rearfoot * 100));
                regionErrors.Add(Math.Abs(measured.MidfootPctX10 / 10.0 - truth.Regions.Midfoot * 100));
                regionErrors.Add(Math.Abs(measured.ForefootPctX10 / 10.0 - truth.Regions.Forefoot * 100));
                string? nearest = FootReport.ArchName(measured.Arch);
                // Honest: the nearest class is the true one, or the foot is called borderline with the true class.
                bool isHonest = nearest == truth.ArchType || FootReport.ArchName(measured.ArchBorderlineWith) == truth.ArchType;
                honest += isHonest ? 1 : 0;
                clear += measured.ArchBorderlineWith == ArchType.Unknown ? 1 : 0;
                string line = $"scene {sceneCount} pitch {geometry.PitchUm / 1000.0} mm: true {truth.ArchIndex:F3} ({truth.ArchType}) measured {measured.ArchIndexX1000 / 1000.0:F3}";
                if (!isHonest)
                {
                    dishonest.Add(line);
                }
                if (truth.MarginToThreshold * 1000 < band)
                {
                    continue;
                }
                outsideBand++;
                classesSeen.Add(truth.ArchType);
                if (nearest == truth.ArchType)
                {
                    right++;
                }
                else
                {
                    misses.Add(line);
                }
            }
            loadErrors.Add(Math.Abs(result.LoadLeftPctX10 / 10.0 - frame.Truth.Left!.LoadShare * 100));
            rearErrors.Add(Math.Abs(result.RearfootPctX10 / 10.0 - frame.Truth.RearfootShare * 100));
        }
        return new GeneratorAccuracy(
            sceneCount, indexErrors.Count, outsideBand, right, honest, clear, classesSeen.Count,
            Figures.Of(indexErrors), Figures.Of(modifiedErrors), Figures.Of(regionErrors), Figures.Of(loadErrors), Figures.Of(rearErrors),
            faults, misses, dishonest);
    }
}

public sealed record RealFeetConsistency(
    int Trials, int Comparisons, Figures Area, Figures Modified, Figures LengthMm, Figures WidthMm, IReadOnlyList<string> Faults)
{
    public IEnumerable<string> Lines()
    {
        yield return $"{Comparisons} comparisons of {Trials} real feet (both feet of each rendering) at 5/7.5/10 mm, 0/10/20 deg, against the right foot at 5 mm straight:";
        yield return $"  area arch index:     {Area.ShareWithin(0.03):P1} within 0.03, median {Area.Median:F3}, p95 {Area.P95:F3}, worst {Area.Worst:F3}";
        yield return $"  modified arch index: {Modified.ShareWithin(0.03):P1} within 0.03, median {Modified.Median:F3}, p95 {Modified.P95:F3}, worst {Modified.Worst:F3}";
        yield return $"  length: median {LengthMm.Median:F1} mm, p95 {LengthMm.P95:F1} mm, worst {LengthMm.Worst:F1} mm; width: median {WidthMm.Median:F1} mm, p95 {WidthMm.P95:F1} mm, worst {WidthMm.Worst:F1} mm";
        yield return $"  renderings where both feet were not found at an even split: {Faults.Count}";
        foreach (string fault in Faults)
        {
            yield return "    " + fault;
        }
    }
}

public sealed record GeneratorAccuracy(
    int Scenes, int Feet, int OutsideBand, int RightOutsideBand, int Honest, int Clear, int ClassesSeen,
    Figures IndexError, Figures ModifiedError, Figures RegionErrorPoints, Figures LeftRightErrorPoints, Figures RearfootErrorPoints,
    IReadOnlyList<string> Faults, IReadOnlyList<string> Misses, IReadOnlyList<string> Dishonest)
{
    /// <summary>Class accuracy of the feet whose true index lies outside the borderline band.</summary>
    public double Accuracy => OutsideBand == 0 ? 0 : (double)RightOutsideBand / OutsideBand;

    public IEnumerable<string> Lines()
    {
        double band = new AnalysisSettings().BorderlineBandX1000 / 1000.0;
        yield return $"{Scenes} scenes, {Feet} feet; both feet not found in {Faults.Count}";
        yield return $"  arch index error, all feet (borderline included): median {IndexError.Median:F3}, p95 {IndexError.P95:F3}, worst {IndexError.Worst:F3}";
        yield return $"  modified arch index error: median {ModifiedError.Median:F3}, p95 {ModifiedError.P95:F3}, worst {ModifiedError.Worst:F3}";
        yield return $"  class accuracy outside the borderline band (true index {band:F3} or more from a threshold): {RightOutsideBand} of {OutsideBand}, {Accuracy:P1}";
        yield return $"  honest answers (nearest class, or borderline with the true class), all feet: {Honest} of {Feet} ({(double)Honest / Feet:P1}); clear classes {Clear}";
        yield return $"  left/right share error worst {LeftRightErrorPoints.Worst:F2} points; rearfoot share error worst {RearfootErrorPoints.Worst:F2} points; region share error worst {RegionErrorPoints.Worst:F2} points";
        foreach (string miss in Misses)
        {
            yield return "    wrong class: " + miss;
        }
        foreach (string line in Dishonest)
        {
            yield return "    not honest: " + line;
        }
    }
}

/// <summary>A real footprint as a standing pair on a square mat: the trial as the right foot, mirrored as the left.</summary>
public static class RealPair
{
    public static MatGeometry Mat(int pitchUm)
    {
        int cells = (int)Math.Ceiling(520_000.0 / pitchUm);
        return new MatGeometry(cells, cells, pitchUm);
    }

    /// <summary>Each foot turned outward by <paramref name="turnDeg"/>, 240 mm apart (turned heels do not meet), 36 kg each.</summary>
    public static int[] Render(PlacedFootprint source, int pitchUm, double turnDeg)
    {
        var geometry = Mat(pitchUm);
        var loads = new double[geometry.SenselCount];
        (source with { TurnDeg = turnDeg, CentreXMm = 380, CentreYMm = 260, LoadGrams = 36000 }).AddTo(geometry, loads);
        (source with { Mirrored = true, TurnDeg = -turnDeg, CentreXMm = 140, CentreYMm = 260, LoadGrams = 36000 }).AddTo(geometry, loads);
        return PlacedFootprint.Round(loads);
    }
}

/// <summary>Median, 95th percentile, worst and share within a bound of a set of differences.</summary>
public sealed class Figures
{
    private readonly double[] _sorted;

    private Figures(double[] sorted) => _sorted = sorted;

    public static Figures Of(IEnumerable<double> values) => new(values.OrderBy(v => v).ToArray());

    public int Count => _sorted.Length;

    public double Median => _sorted.Length == 0 ? double.NaN : _sorted[_sorted.Length / 2];

    public double P95 => _sorted.Length == 0 ? double.NaN : _sorted[(int)(_sorted.Length * 0.95)];

    public double Worst => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    public double ShareWithin(double bound) => _sorted.Length == 0 ? 0 : _sorted.Count(v => v <= bound) / (double)_sorted.Length;
}
