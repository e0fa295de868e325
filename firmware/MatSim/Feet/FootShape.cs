namespace Kiosk.Mat.Simulation.Feet;

/// <summary>
/// A standing foot's plantar contact and pressure, in the foot's own frame: u runs along the foot axis from the
/// back of the heel (0) to the tip of the hallux (LengthMm); v runs across it, positive toward the medial side.
/// The contact is a heel ellipse, a forefoot (ball) ellipse, a midfoot band whose medial edge recedes with the
/// arch, and five toes ahead of the ball, separated from it by a gap as real standing footprints show.
/// Proportions follow typical adult feet (heel about a quarter, ball about 0.38 of the length wide).
/// </summary>
public sealed record FootShape
{
    public double LengthMm { get; init; } = 260;

    /// <summary>Scales every width; 1 is an average foot.</summary>
    public double WidthFactor { get; init; } = 1;

    /// <summary>How far the arch lifts the medial midfoot off the mat: 0 flat, 1 the midfoot strip just vanishes.</summary>
    public double ArchDepth { get; init; } = 0.6;

    /// <summary>Peak pressure of the ball relative to the heel's.</summary>
    public double BallToHeelPressure { get; init; } = 0.8;

    /// <summary>Pressure under the midfoot band relative to the heel's peak (a thin lateral strip often carries less).</summary>
    public double MidfootPressure { get; init; } = 0.35;

    /// <summary>Width of the contact's rim over which pressure falls off (soft tissue), mm...</summary>
    public double EdgeTaperMm { get; init; } = 3;

    /// <summary>...to this fraction of the pressure inside at the very edge.</summary>
    public double EdgePressureFraction { get; init; } = 0.6;

    public bool HasToes { get; init; } = true;

    /// <summary>
    /// Toes moved back toward the ball by this much, mm (0: the usual gap of a standing print; about 18 mm makes the
    /// hallux and the lesser toes touch the ball, as toes pressed down often do). The hallux stretches so its tip
    /// stays at the foot's length.
    /// </summary>
    public double ToeShiftMm { get; init; }

    private double L => LengthMm;

    private double W => LengthMm * WidthFactor;

    // Heel: ellipse at the back.
    private double HeelCentreU => 0.13 * L;
    private double HeelHalfLengthU => 0.13 * L;
    private double HeelHalfWidthV => 0.125 * W;

    // Ball: ellipse under the metatarsal heads.
    private double BallCentreU => 0.70 * L;
    private double BallCentreV => 0.01 * W;
    private double BallHalfLengthU => 0.105 * L;
    private double BallHalfWidthV => 0.19 * W;

    /// <summary>The toeless footprint ends at the front of the ball; everything ahead is toes.</summary>
    public double ToelessLengthMm => BallCentreU + BallHalfLengthU;

    /// <summary>Whether (u, v) is in contact, counting the toes or not.</summary>
    public bool Contains(double u, double v, bool withToes = true)
    {
        return Region(u, v, withToes) != FootPart.None;
    }

    /// <summary>Relative pressure at (u, v): 0 outside the contact, about 1 at the heel's peak.</summary>
    public double Pressure(double u, double v)
    {
        FootPart part = Region(u, v, HasToes);
        double edge;
        double level;
        switch (part)
        {
            case FootPart.Heel:
                level = 0.55 + 0.45 * Bump(u - HeelCentreU, v, 0.07 * L);
                edge = EllipseDepthMm(u - HeelCentreU, v, HeelHalfLengthU, HeelHalfWidthV);
                break;
            case FootPart.Ball:
                level = BallToHeelPressure * (0.5 + 0.5 * Bump(u - BallCentreU, v - 0.05 * W, 0.08 * L));
                edge = EllipseDepthMm(u - BallCentreU, v - BallCentreV, BallHalfLengthU, BallHalfWidthV);
                break;
            case FootPart.Midfoot:
                level = MidfootPressure;
                edge = MidfootDepthMm(u, v);
                break;
            case FootPart.Toe:
                level = 0.45;
                edge = 2;
                break;
            default:
                return 0;
        }
        // Pressure falls off over the last few millimetres of the contact, as soft tissue does.
        double taper = EdgePressureFraction + (1 - EdgePressureFraction) * Math.Clamp(edge / EdgeTaperMm, 0, 1);
        return level * taper;
    }

    public FootPart Region(double u, double v, bool withToes)
    {
        if (InEllipse(u - HeelCentreU, v, HeelHalfLengthU, HeelHalfWidthV))
        {
            return FootPart.Heel;
        }
        if (InEllipse(u - BallCentreU, v - BallCentreV, BallHalfLengthU, BallHalfWidthV))
        {
            return FootPart.Ball;
        }
        if (InMidfoot(u, v))
        {
            return FootPart.Midfoot;
        }
        if (withToes && InToe(u, v))
        {
            return FootPart.Toe;
        }
        return FootPart.None;
    }

    /// <summary>
    /// The toeless contact across the foot at one u, as up to three v intervals (heel, midfoot, ball), so a raster
    /// evaluates the arch curve once per row instead of once per point.
    /// </summary>
    public int ToelessIntervals(double u, Span<double> lows, Span<double> highs)
    {
        int count = 0;
        AddEllipseChord(u - HeelCentreU, 0, HeelHalfLengthU, HeelHalfWidthV, lows, highs, ref count);
        AddEllipseChord(u - BallCentreU, BallCentreV, BallHalfLengthU, BallHalfWidthV, lows, highs, ref count);
        if (u >= HeelCentreU && u <= BallCentreU)
        {
            (double lateral, double medial) = MidfootEdges(u);
            if (medial > lateral)
            {
                lows[count] = lateral;
                highs[count] = medial;
                count++;
            }
        }
        return count;
    }

    private static void AddEllipseChord(double du, double centreV, double au, double av, Span<double> lows, Span<double> highs, ref int count)
    {
        double k = 1 - (du * du) / (au * au);
        if (k >= 0)
        {
            double half = av * Math.Sqrt(k);
            lows[count] = centreV - half;
            highs[count] = centreV + half;
            count++;
        }
    }

    private bool InMidfoot(double u, double v)
    {
        if (u < HeelCentreU || u > BallCentreU)
        {
            return false;
        }
        (double lateral, double medial) = MidfootEdges(u);
        return v >= lateral && v <= medial;
    }

    private (double Lateral, double Medial) MidfootEdges(double u)
    {
        double s = (u - HeelCentreU) / (BallCentreU - HeelCentreU);
        double lateral = -HeelHalfWidthV + s * (-(BallHalfWidthV - BallCentreV) + HeelHalfWidthV);
        double fullMedial = HeelHalfWidthV + s * (BallHalfWidthV + BallCentreV - HeelHalfWidthV);
        // The arch is highest a little behind the middle of the midfoot.
        double lift = Math.Pow(Math.Sin(Math.PI * s), 0.7);
        double medial = lateral + (fullMedial - lateral) * Math.Max(0, 1 - ArchDepth * lift);
        return (lateral, medial);
    }

    private double MidfootDepthMm(double u, double v)
    {
        (double lateral, double medial) = MidfootEdges(u);
        return Math.Min(v - lateral, medial - v);
    }

    private bool InToe(double u, double v)
    {
        // Hallux, then toes 2-5 along the oblique line of the toe tips.
        double shift = ToeShiftMm;
        if (InEllipse(u - (0.94 * L - shift / 2), v - 0.10 * W, 0.06 * L + shift / 2, 0.042 * W))
        {
            return true;
        }
        return InCircle(u - (0.905 * L - shift), v - 0.035 * W, 0.028 * L)
            || InCircle(u - (0.885 * L - shift), v + 0.03 * W, 0.026 * L)
            || InCircle(u - (0.86 * L - shift), v + 0.085 * W, 0.024 * L)
            || InCircle(u - (0.83 * L - shift), v + 0.135 * W, 0.022 * L);
    }

    private static bool InEllipse(double du, double dv, double au, double av) => (du * du) / (au * au) + (dv * dv) / (av * av) <= 1;

    private static bool InCircle(double du, double dv, double r) => du * du + dv * dv <= r * r;

    private static double EllipseDepthMm(double du, double dv, double au, double av)
    {
        double rho = Math.Sqrt((du * du) / (au * au) + (dv * dv) / (av * av));
        return (1 - rho) * Math.Min(au, av);
    }

    private static double Bump(double du, double dv, double sigma) => Math.Exp(-(du * du + dv * dv) / (2 * sigma * sigma));

    /// <summary>Half the width of the widest part, for bounding boxes.</summary>
    public double MaxHalfWidthMm => 0.21 * W;
}

public enum FootPart
{
    None,
    Heel,
    Midfoot,
    Ball,
    Toe,
}
