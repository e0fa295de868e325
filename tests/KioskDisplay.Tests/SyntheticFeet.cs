using Kiosk.Mat.Host.Json;


namespace Kiosk.Display.Tests;

/// <summary>
/// Two simple synthetic footprints on a 44 x 50 grid of 10 mm sensels, for the display's tests: heel, midfoot band,
/// ball and toes as smooth blobs; the midfoot band is full width for a flat foot, lateral for a normal arch and a
/// thin strip for a high arch. Row 0 is the toe end of the mat, column 0 the shopper's left.
/// </summary>
public static class SyntheticFeet
{
    public const int Rows = 50;
    public const int Cols = 44;
    public const double PitchMm = 10;

    private const double GramsPerKpa = PitchMm * PitchMm / 9.80665; // one sensel of 1 cm2: 1 kPa = 10.2 g

    /// <summary>One frame; <paramref name="weight"/> 0..1 ramps the shopper onto the mat, sway shifts load left/right.</summary>
    public static MatGrid Frame(string arch, double weight, double sway, Random noise)
    {
        var loads = new int[Rows * Cols];
        AddFoot(loads, centreCol: 12.5, leftFoot: true, arch, weight * (1 - sway), noise);
        AddFoot(loads, centreCol: 31.5, leftFoot: false, arch, weight * (1 + sway), noise);
        return new MatGrid(Rows, Cols, PitchMm, loads);
    }

    private static void AddFoot(int[] loads, double centreCol, bool leftFoot, string arch, double scale, Random noise)
    {
        const double heelRow = 40, toeRow = 14; // foot ~260 mm long
        double medialSign = leftFoot ? 1 : -1;  // the medial (inner) side faces the other foot
        double midfootHalfWidth = arch switch { "low" => 4.0, "high" => 1.0, _ => 2.2 };
        double midfootShift = arch switch { "low" => 0.6, "high" => -2.6, _ => -1.8 }; // towards the lateral side
        for (int row = 0; row < Rows; row++)
        {
            double t = (heelRow - row) / (heelRow - toeRow); // 0 at the heel, 1 at the toes
            if (t < -0.12 || t > 1.08) continue;
            for (int col = 0; col < Cols; col++)
            {
                double x = (col - centreCol) * medialSign; // + is medial
                double kpa =
                    Blob(t, x, 0.06, 0.4, 0.11, 2.9, 95) +                                   // heel
                    Band(t, x - midfootShift, 0.16, 0.64, midfootHalfWidth, arch == "low" ? 15 : 10) + // midfoot
                    Blob(t, x, 0.74, 0.6, 0.09, 4.2, 70) +                                   // ball
                    Blob(t, x, 0.95, 2.6, 0.045, 1.3, 45) +                                  // big toe
                    Blob(t, x, 0.92, -1.5, 0.04, 2.2, 25);                                   // lesser toes
                if (kpa < 2) continue;
                kpa *= 0.74 * scale * (0.95 + 0.1 * noise.NextDouble()); // about 75 kg in all
                loads[row * Cols + col] += (int)(kpa * GramsPerKpa);
            }
        }
    }

    private static double Blob(double t, double x, double t0, double x0, double tRadius, double xRadius, double peakKpa)
    {
        double d = Math.Pow((t - t0) / tRadius, 2) + Math.Pow((x - x0) / xRadius, 2);
        return d >= 1.6 ? 0 : peakKpa * Math.Exp(-1.4 * d * d);
    }

    private static double Band(double t, double x, double tFrom, double tTo, double halfWidth, double kpa)
    {
        if (t < tFrom || t > tTo) return 0;
        double edge = Math.Abs(x) / halfWidth;
        return edge >= 1.3 ? 0 : kpa * Math.Exp(-edge * edge * edge * edge);
    }

    /// <summary>A plausible analysis of the synthetic feet: what the mat's core would report for them.</summary>
    public static AnalysisReport Report(string arch, int totalLoadGrams)
    {
        var (archIndex, left, rear) = arch switch
        {
            "low" => (0.31, 50.5, 52.0),
            "high" => (0.14, 44.0, 63.0), // a 12-point imbalance, to show the gentle advice
            _ => (0.235, 51.5, 57.0),
        };
        FootReport Foot(double loadPct, double ai, double copX) => new(
            ai, arch, loadPct, rear + 1, 100 - rear - 1, arch == "low" ? 55 : 47, arch == "low" ? 45 : 53,
            262, arch == "low" ? 104 : 96, arch == "low" ? 128 : arch == "high" ? 92 : 110, arch == "high" ? 180 : 120,
            new PointMm(copX, 230), (int)(totalLoadGrams * loadPct / 100), 7.5);
        return new AnalysisReport(
            new QualityReport(true, []),
            Foot(left, archIndex + 0.004, 125),
            Foot(100 - left, archIndex - 0.004, 315),
            left, 100 - left, rear, 100 - rear, totalLoadGrams,
            new PointMm(220, 232), 38.5, 140, 48, 3000);
    }
}
