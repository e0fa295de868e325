using Kiosk.Mat.Host.Json;

namespace Kiosk.Display.Recommend;

/// <summary>One foot as the advice sees it: its arch class (null: not classified), the neighbouring class when the
/// index lies in the borderline band, and its size.</summary>
public sealed record FootFacts(string? Arch, string? BorderlineWith, double LengthMm, double WidthMm)
{
    /// <summary>The classes this foot could honestly be: its own, and its neighbour when borderline.</summary>
    public IReadOnlySet<string> Classes =>
        Arch is null ? new HashSet<string>() : BorderlineWith is null ? new HashSet<string> { Arch } : new HashSet<string> { Arch, BorderlineWith };

    /// <summary>Forefoot width over length; 0 when the length is unknown.</summary>
    public double WidthRatio => LengthMm > 0 ? WidthMm / LengthMm : 0;

    public static FootFacts? From(FootReport? foot) => foot is null ? null : new(foot.ArchType, null, foot.LengthMm, foot.WidthMm);
}

/// <summary>
/// What the advice knows about the shopper's feet: each foot, how they stood, what the analysis said of the scan's
/// quality. The derived readings (<see cref="ArchReading"/>, <see cref="WidthFit"/>,
/// <see cref="Size"/>, <see cref="UnevenPoints"/>) are what the rules and texts use.
/// </summary>
public sealed record FootProfile(
    FootFacts? Left,
    FootFacts? Right,
    double LoadLeftPct,
    double RearfootPct,
    double ForefootPct,
    bool QualityOk,
    IReadOnlyList<string> QualityIssues)
{
    public const string OneFootIssue = "one-foot-only";
    public const string NotAdultIssue = "not-adult-sized";

    /// <summary>DESIGN.md: quiet standing is near 50/50 but shifts; above about 10 points it is worth mentioning gently.</summary>
    public const double UnevenMentionPoints = 10;

    /// <summary>
    /// Forefoot width over length above which a foot reads wide, and below which narrow: about two standard deviations
    /// either side of adults' mean (foot breadth / length about 0.36 for men, 0.375 for women, SD about 0.02:
    /// Pheasant &amp; Haslegrave 2006, British adults; Jurca et al. 2019 on the spread of widths at each length), widened
    /// by the mat's own error in width (about a sensel). A hint to try a fitting, never a filter.
    /// </summary>
    public const double WideRatio = 0.41, NarrowRatio = 0.33;

    public double LoadRightPct => 100 - LoadLeftPct;

    public bool OneFootOnly => QualityIssues.Contains(OneFootIssue) || (Left is null) != (Right is null);

    public bool NotAdultSized => QualityIssues.Contains(NotAdultIssue);

    /// <summary>How many points more weight one foot carried; null when there is no honest comparison (one foot only).</summary>
    public double? UnevenPoints => OneFootOnly || Left is null || Right is null ? null : Math.Abs(LoadLeftPct - LoadRightPct);

    public IEnumerable<FootFacts> Feet => new[] { Left, Right }.OfType<FootFacts>();

    /// <summary>
    /// One reading for both feet, so that one set of products with one reason fits both and no two products argue:
    /// "low", "normal", "high" when both feet are (only) that; "normal-low" / "normal-high" when the feet's possible
    /// classes span normal and one neighbour and overlap (a borderline foot); "differ" when the feet measured
    /// different classes outright (one flat and one high, or flat beside a clear normal); "unclear" when a foot is
    /// missing or not classified, the scan's quality failed, or the feet are not adult-sized.
    /// </summary>
    public string ArchReading
    {
        get
        {
            if (!QualityOk || NotAdultSized || Left?.Arch is null || Right?.Arch is null) return "unclear";
            var left = Left.Classes;
            var right = Right.Classes;
            if (!left.Overlaps(right)) return "differ";
            var both = left.Union(right).ToHashSet();
            if (both.Count == 1) return both.Single();
            if (both.SetEquals(["normal", "low"])) return "normal-low";
            if (both.SetEquals(["normal", "high"])) return "normal-high";
            return "differ"; // borderline both ways: one towards flat, the other towards high
        }
    }

    /// <summary>One foot clearly flat and the other clearly not: a reason to suggest a professional.</summary>
    public bool OneFootFlat => ArchReading == "differ" && Feet.Any(f => f.Classes.SetEquals(["low"]));

    /// <summary>"wide", "narrow" or "standard" from the wider foot (shoes fit the larger foot); null when not measured.</summary>
    public string? WidthFit
    {
        get
        {
            if (NotAdultSized || !Feet.Any(f => f.LengthMm > 0)) return null;
            double ratio = Feet.Max(f => f.WidthRatio);
            return ratio >= WideRatio ? "wide" : ratio <= NarrowRatio ? "narrow" : "standard";
        }
    }

    /// <summary>The shoe size of the longer foot; null for a child-sized scan or no length.</summary>
    public ShoeSize? Size => NotAdultSized ? null : ShoeSize.FromFootLength(Feet.Select(f => f.LengthMm).DefaultIfEmpty(0).Max());

    public static FootProfile From(AnalysisReport report) => new(
        FootFacts.From(report.Left), FootFacts.From(report.Right), report.LoadLeftPct, report.RearfootPct, report.ForefootPct,
        report.Quality.Ok, report.Quality.Issues);
}
