using System.Collections.Concurrent;

namespace Kiosk.Mat.Simulation.Feet;

/// <summary>
/// The true arch index of a <see cref="FootShape"/> (Cavanagh and Rodgers 1987): on the toeless footprint,
/// rastered finely (0.25 mm), divided into equal thirds along the footprint's principal axis (second moments),
/// the midfoot third's area over the whole area. This is what a perfect sensor would measure.
/// </summary>
public static class ArchIndexTruth
{
    private const double FineStepMm = 0.25;

    public static double Of(FootShape shape) => Of(shape, FineStepMm);

    private static double Of(FootShape shape, double stepMm)
    {
        // Pass 1: area and second moments of the toeless contact; pass 2: the thirds along the principal axis.
        Span<double> lows = stackalloc double[3], highs = stackalloc double[3];
        double halfWidth = shape.MaxHalfWidthMm;
        double n = 0, su = 0, sv = 0, suu = 0, svv = 0, suv = 0;
        ForEachPoint(shape, stepMm, halfWidth, lows, highs, (u, v) =>
        {
            n++;
            su += u;
            sv += v;
            suu += u * u;
            svv += v * v;
            suv += u * v;
        });
        if (n == 0)
        {
            return 0;
        }
        double mu = su / n, mv = sv / n;
        double cuu = suu / n - mu * mu, cvv = svv / n - mv * mv, cuv = suv / n - mu * mv;
        double angle = 0.5 * Math.Atan2(2 * cuv, cuu - cvv);
        double cos = Math.Cos(angle), sin = Math.Sin(angle);
        double tMin = double.MaxValue, tMax = double.MinValue;
        ForEachPoint(shape, stepMm, halfWidth, lows, highs, (u, v) =>
        {
            double t = u * cos + v * sin;
            tMin = Math.Min(tMin, t);
            tMax = Math.Max(tMax, t);
        });
        // Cell edges, not centres, bound the footprint.
        tMin -= stepMm / 2;
        tMax += stepMm / 2;
        double third = (tMax - tMin) / 3;
        double middle = 0;
        ForEachPoint(shape, stepMm, halfWidth, lows, highs, (u, v) =>
        {
            double t = u * cos + v * sin;
            if (t >= tMin + third && t < tMin + 2 * third)
            {
                middle++;
            }
        });
        return middle / n;
    }

    private delegate void PointAction(double u, double v);

    private static void ForEachPoint(FootShape shape, double stepMm, double halfWidth, Span<double> lows, Span<double> highs, PointAction action)
    {
        for (double u = stepMm / 2; u < shape.ToelessLengthMm + stepMm; u += stepMm)
        {
            int count = shape.ToelessIntervals(u, lows, highs);
            if (count == 0)
            {
                continue;
            }
            for (double v = -halfWidth; v <= halfWidth; v += stepMm)
            {
                for (int i = 0; i < count; i++)
                {
                    if (v >= lows[i] && v <= highs[i])
                    {
                        action(u, v);
                        break;
                    }
                }
            }
        }
    }

    // Arch index against arch depth, per width factor: the index depends on proportions only, not on length.
    private static readonly ConcurrentDictionary<int, double[]> DepthTables = new();
    private const double DepthStep = 0.01;
    private const int DepthSteps = 131;

    /// <summary>The arch depth that gives a foot of this shape the wanted arch index (the index falls as the arch rises).</summary>
    public static FootShape WithArchIndex(FootShape shape, double archIndex)
    {
        int key = (int)Math.Round(shape.WidthFactor * 1000);
        double[] table = DepthTables.GetOrAdd(key, _ =>
        {
            var reference = shape with { LengthMm = 260 };
            var ai = new double[DepthSteps];
            for (int i = 0; i < DepthSteps; i++)
            {
                ai[i] = Of(reference with { ArchDepth = i * DepthStep }, 0.5);
            }
            return ai;
        });
        for (int i = 1; i < table.Length; i++)
        {
            if (table[i] <= archIndex)
            {
                double f = (table[i - 1] - archIndex) / (table[i - 1] - table[i]);
                return shape with { ArchDepth = (i - 1 + f) * DepthStep };
            }
        }
        return shape with { ArchDepth = (DepthSteps - 1) * DepthStep };
    }
}
