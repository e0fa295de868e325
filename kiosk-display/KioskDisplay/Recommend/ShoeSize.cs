namespace Kiosk.Display.Recommend;

/// <summary>
/// The adult shoe size a foot length implies, in the three systems shoppers know. Every system sizes the last (the
/// shoe's form), which is longer than the foot: the inner cavity is typically 15-20 mm longer (Wikipedia, "Shoe size";
/// ISO/TS 19407:2015 converts between the systems on the same basis), so last = foot + <see cref="AllowanceMm"/>.
/// <list type="bullet">
/// <item>EU (Paris point, 2/3 cm): EU = 1.5 x last in cm.</item>
/// <item>UK (barleycorn, 1/3 inch, adults from 25 barleycorns): UK = 3 x last in inches - 25.</item>
/// <item>US men's = UK + 1; US women's = US men's + 1.5 (= 3 x last in inches - 22.5).</item>
/// </list>
/// Each is rounded to the nearest half size, as shoes are sold. Makers differ by up to a size, which is why the
/// shopper is told to try this size and the next. Not for children: their UK and US scales start again at 0.
/// </summary>
public sealed record ShoeSize(double FootLengthMm, double Eu, double Uk, double UsMen, double UsWomen)
{
    public const double AllowanceMm = 15;

    /// <summary>Feet outside this range are not an adult foot read right: no size.</summary>
    public const double MinAdultFootMm = 200, MaxFootMm = 350;

    public static ShoeSize? FromFootLength(double? footLengthMm)
    {
        if (footLengthMm is not { } foot || foot < MinAdultFootMm || foot > MaxFootMm) return null;
        double lastMm = foot + AllowanceMm;
        double lastInches = lastMm / 25.4;
        double uk = 3 * lastInches - 25;
        return new ShoeSize(foot, Half(1.5 * lastMm / 10), Half(uk), Half(uk + 1), Half(uk + 2.5));
    }

    private static double Half(double size) => Math.Round(size * 2, MidpointRounding.AwayFromZero) / 2;
}
