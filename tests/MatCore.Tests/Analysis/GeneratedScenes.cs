using Kiosk.Mat.Analysis;
using Kiosk.Mat.Geometry;
using Kiosk.Mat.Simulation.Feet;

namespace Kiosk.Mat.Tests.Analysis;

/// <summary>
/// Standing shoppers drawn at random (seeded) over pitches, stances, weights, toe-out, noise and dead sensels, and
/// over the feet themselves: the midfoot's pressure (a thin strip often carries little), the rim's pressure fall-off,
/// the ball's pressure, and toes touching the ball or not.
/// </summary>
public static class GeneratedScenes
{
    public static readonly int[] PitchesUm = [5000, 6000, 7500, 8500, 10000];

    /// <summary>Scenes whose feet have arch indices across all three classes (0.02-0.36).</summary>
    public static IEnumerable<(StandingScene Scene, MatGeometry Geometry)> Sample(int count, int seed) =>
        Sample(count, seed, random => 0.02 + random.NextDouble() * 0.34);

    /// <summary>Scenes whose feet lie near a class threshold (0.19-0.28): where most adults are.</summary>
    public static IEnumerable<(StandingScene Scene, MatGeometry Geometry)> NearThresholds(int count, int seed) =>
        Sample(count, seed, random => 0.19 + random.NextDouble() * 0.09);

    private static IEnumerable<(StandingScene Scene, MatGeometry Geometry)> Sample(int count, int seed, Func<Random, double> archIndex)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            double length = 225 + random.NextDouble() * 60;
            var baseShape = new FootShape
            {
                LengthMm = length,
                WidthFactor = Math.Round(0.92 + random.Next(5) * 0.04, 2),
                MidfootPressure = 0.12 + random.NextDouble() * 0.4,
                BallToHeelPressure = 0.6 + random.NextDouble() * 0.6,
                EdgeTaperMm = 2 + random.NextDouble() * 8,
                EdgePressureFraction = 0.1 + random.NextDouble() * 0.6,
                ToeShiftMm = random.NextDouble() < 0.5 ? 0 : random.NextDouble() * 20,
            };
            // Each foot its own arch.
            var left = ArchIndexTruth.WithArchIndex(baseShape, archIndex(random));
            var right = random.NextDouble() < 0.5 ? left : ArchIndexTruth.WithArchIndex(baseShape, archIndex(random));
            int pitchUm = PitchesUm[random.Next(PitchesUm.Length)];
            int cells = (int)Math.Ceiling(480_000.0 / pitchUm);
            var scene = new StandingScene
            {
                LeftFoot = left,
                RightFoot = right,
                BodyMassKg = 45 + random.NextDouble() * 65,
                LeftShare = 0.38 + random.NextDouble() * 0.24,
                LeftRearHalfShare = 0.42 + random.NextDouble() * 0.22,
                RightRearHalfShare = 0.42 + random.NextDouble() * 0.22,
                LeftToeOutDeg = -5 + random.NextDouble() * 25,
                RightToeOutDeg = -5 + random.NextDouble() * 25,
                HeelSpacingMm = 120 + random.NextDouble() * 120,
                OffsetXMm = -25 + random.NextDouble() * 50,
                OffsetYMm = -25 + random.NextDouble() * 50,
                NoiseGrams = random.NextDouble() * 4,
                DeadSensels = random.Next(4),
                Seed = random.Next(),
            };
            yield return (scene, new MatGeometry(cells, cells, pitchUm));
        }
    }

    public static ScanAnalysis Analyze(SceneFrame frame)
    {
        var analyzer = new FootAnalyzer(frame.Geometry, null);
        var result = new ScanAnalysis();
        analyzer.Analyze(frame.LoadGrams, new FrameHealth(frame.DeadMask, 0), result);
        return result;
    }
}
