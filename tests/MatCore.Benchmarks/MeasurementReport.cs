using Kiosk.Mat.Tests.Analysis;

namespace Kiosk.Mat.Benchmarks;

/// <summary>
/// The analysis's measurement figures (issue #10, docs/foot-analysis.md "How well it measures"), printed from the same
/// code the analysis tests hold them with: the real footprints re-sampled onto 5 / 7.5 / 10 mm at 0 / 10 / 20 degrees,
/// and the generator's feet against their truth.
/// </summary>
public static class MeasurementReport
{
    public static void Print(TextWriter output)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        output.WriteLine("Real footprints (tests/data/pataky2008-walking-peak), same foot on every mat and angle:");
        foreach (string line in MeasurementFigures.RealFeet(Environment.ProcessorCount).Lines())
        {
            output.WriteLine(line);
        }
        output.WriteLine();
        output.WriteLine("Generator, all three classes (90 scenes, seed 2026, arch index 0.02-0.36, pitches 5-10 mm):");
        foreach (string line in MeasurementFigures.Generator(GeneratedScenes.Sample(90, seed: 2026)).Lines())
        {
            output.WriteLine(line);
        }
        output.WriteLine();
        output.WriteLine("Generator, near a threshold (60 scenes, seed 77, arch index 0.19-0.28):");
        foreach (string line in MeasurementFigures.Generator(GeneratedScenes.NearThresholds(60, seed: 77)).Lines())
        {
            output.WriteLine(line);
        }
        output.WriteLine($"({watch.Elapsed.TotalSeconds:F0} s)");
    }
}
