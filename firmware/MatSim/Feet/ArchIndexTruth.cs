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

    private static double Of(FootShape shape, double stepMm) => Axis(shape, stepMm).ArchIndex;

    /// <summary>The toeless footprint's principal axis (t = u cos + v sin), its extent along it, and the arch index.</summary>
    private sealed record ToelessAxis(double Cos, double Sin, double TMin, double TMax, double ArchIndex)
    {
        public double Third => (TMax - TMin) / 3;
    }

    private static readonly ConcurrentDictionary<FootShape, ToelessAxis> FineAxes = new();

    private static ToelessAxis Axis(FootShape shape, double stepMm)
    {
        if (stepMm == FineStepMm && FineAxes.TryGetValue(shape, out var cached))
        {
            return cached;
        }
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
            return new ToelessAxis(1, 0, 0, 0, 0);
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
        var axis = new ToelessAxis(cos, sin, tMin, tMax, middle / n);
        if (stepMm == FineStepMm)
        {
            FineAxes[shape] = axis;
        }
        return axis;
    }

    /// <summary>
    /// The true load shares of a foot loaded as <see cref="StandingScene"/> loads it (its pressure, the half behind
    /// mid-length scaled to carry <paramref name="rearHalfShare"/>): the modified arch index (Chu et al. 1995:
    /// midfoot third's load over the toeless footprint's) and the rearfoot, midfoot and forefoot (toes included)
    /// shares of the whole foot's load, by the same thirds as the arch index.
    /// </summary>
    public static RegionShares Regions(FootShape shape, double rearHalfShare) =>
        RegionCache.GetOrAdd((shape, rearHalfShare), key => ComputeRegions(key.Shape, key.RearHalfShare));

    private static readonly ConcurrentDictionary<(FootShape Shape, double RearHalfShare), RegionShares> RegionCache = new();

    private static RegionShares ComputeRegions(FootShape shape, double rearHalfShare)
    {
        const double step = 0.5;
        var axis = Axis(shape, FineStepMm);
        double third = axis.Third;
        // Per half (behind and ahead of mid-length): load in the rear, mid and front region, and on the toes.
        var sums = new double[8];
        double halfWidth = shape.MaxHalfWidthMm;
        for (double u = step / 2; u < shape.LengthMm; u += step)
        {
            int half = u < shape.LengthMm / 2 ? 0 : 4;
            for (double v = -halfWidth; v <= halfWidth; v += step)
            {
                double p = shape.Pressure(u, v);
                if (p <= 0)
                {
                    continue;
                }
                if (shape.Region(u, v, withToes: true) == FootPart.Toe)
                {
                    sums[half + 3] += p;
                    continue;
                }
                double t = u * axis.Cos + v * axis.Sin;
                sums[half + (t < axis.TMin + third ? 0 : t < axis.TMin + 2 * third ? 1 : 2)] += p;
            }
        }
        double rearHalf = sums[0] + sums[1] + sums[2] + sums[3];
        double frontHalf = sums[4] + sums[5] + sums[6] + sums[7];
        double rearScale = rearHalfShare / rearHalf, frontScale = (1 - rearHalfShare) / frontHalf;
        double Share(int region) => sums[region] * rearScale + sums[4 + region] * frontScale;
        double toeless = Share(0) + Share(1) + Share(2);
        return new RegionShares(Share(0), Share(1), Share(2) + Share(3), Share(1) / toeless);
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

/// <summary>A foot's load by anatomical region (shares of its own load) and its modified arch index.</summary>
public sealed record RegionShares(double Rearfoot, double Midfoot, double Forefoot, double ModifiedArchIndex);
