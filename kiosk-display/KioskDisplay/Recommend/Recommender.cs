namespace Kiosk.Display.Recommend;

public sealed record Reason(string RuleId, string Text);

/// <summary>A product to try, with the reasons that are its own (the reasons every product shares are said once, in <see cref="Advice.CommonReasons"/>).</summary>
public sealed record Recommendation(Product Product, int Score, IReadOnlyList<Reason> Reasons);

/// <summary>Tips on one topic: exercises, footwear, or what the scan cannot show.</summary>
public sealed record TipGroup(string Topic, AdviceLine? Intro, IReadOnlyList<AdviceLine> Lines);

/// <summary>
/// Everything the shopper is told, in the order it is shown: referrals to a professional first, then notices about the
/// scan, then products with why (once), then tips.
/// </summary>
public sealed record Advice(
    IReadOnlyList<AdviceLine> Referrals,
    IReadOnlyList<AdviceLine> Notices,
    IReadOnlyList<Reason> CommonReasons,
    IReadOnlyList<Recommendation> Products,
    AdviceLine ProductsNote,
    IReadOnlyList<string> FiredRules,
    IReadOnlyList<TipGroup> Tips);

/// <summary>
/// Scores the store's catalog against the rules that fire for a foot profile: a product in stock, not retired, in
/// the shopper's size and of a kind the activity asks for earns each fired rule's weight when it meets the rule's
/// wants. Comfort-first: the reasons say what was measured and what that often means, never a mechanism a still
/// footprint cannot see; the shopper is told to try them on and choose by comfort (docs/shopper-advice.md).
/// </summary>
public sealed class Recommender(RecommendationRules rules)
{
    public const int MaxProducts = 4;

    public IReadOnlyList<RecommendationRule> Fired(FootProfile profile, string activity) =>
        rules.Rules.Where(r => r.When.Holds(profile, activity)).ToList();

    public Advice Advise(FootProfile profile, IEnumerable<Product> catalog, ShopperAnswers answers)
    {
        var fired = Fired(profile, answers.Activity);
        var chosen = profile.NotAdultSized ? [] : Choose(profile, catalog, fired);
        // A reason every product shares is said once, above them; a card keeps only what is its own.
        var common = chosen.Count == 0 ? [] : chosen[0].Reasons.Where(r => chosen.All(c => c.Reasons.Contains(r))).ToList();
        var products = chosen.Select(c => c with { Reasons = c.Reasons.Except(common).ToList() }).ToList();
        var note = profile.NotAdultSized ? AdviceTexts.Line("products.not-adult")
            : products.Count == 0 ? AdviceTexts.Line("result.noProducts")
            : AdviceTexts.Line("products.intro");
        return new Advice(Referrals(profile, answers), Notices(profile), common, products, note,
            fired.Select(r => r.Id).ToList(), Tips(profile));
    }

    private static List<Recommendation> Choose(FootProfile profile, IEnumerable<Product> catalog, IReadOnlyList<RecommendationRule> fired)
    {
        var categoryRules = fired.Where(r => r.ChoosesCategory).ToList();
        var candidates = catalog.Where(p => !p.Retired && p.Stock > 0 && p.FitsSize(profile.Size?.Eu)
            && (categoryRules.Count == 0 || categoryRules.Any(r => r.Wants.MetBy(p))));
        var scored = new List<Recommendation>();
        foreach (var product in candidates)
        {
            var met = fired.Where(r => r.Wants.MetBy(product)).ToList();
            if (!met.Any(r => !r.ChoosesCategory)) continue; // it must suit the feet, not only the activity
            var reasons = met.OrderByDescending(r => r.Weight).ThenBy(r => r.ChoosesCategory).Select(r => new Reason(r.Id, r.Reason)).ToList();
            scored.Add(new Recommendation(product, met.Sum(r => r.Weight), reasons));
        }
        var chosen = new List<Recommendation>();
        foreach (var candidate in scored.OrderByDescending(r => r.Score).ThenByDescending(r => r.Product.Stock).ThenBy(r => r.Product.Price))
        {
            if (chosen.Count(c => c.Product.Category == candidate.Product.Category) >= 2) continue; // variety
            chosen.Add(candidate);
            if (chosen.Count == MaxProducts) break;
        }
        return chosen;
    }

    /// <summary>Suggestions to see a professional, shown before anything else: each warning sign answered yes, and one flat foot beside one that is not.</summary>
    public static IReadOnlyList<AdviceLine> Referrals(FootProfile profile, ShopperAnswers answers)
    {
        var referrals = answers.YesTo.Select(sign => AdviceTexts.Line("referral." + sign)).ToList();
        if (profile.OneFootFlat) referrals.Add(AdviceTexts.Line("referral.arches-differ"));
        return referrals;
    }

    /// <summary>What the shopper should know about the scan itself: it missed a foot, is for adults, was unclear, or how they stood.</summary>
    public static IReadOnlyList<AdviceLine> Notices(FootProfile profile)
    {
        var notices = new List<AdviceLine>();
        if (profile.NotAdultSized)
        {
            notices.Add(AdviceTexts.Line("notice.not-adult"));
            return notices; // the rest of the analysis is not for these feet
        }
        if (profile.OneFootOnly) notices.Add(AdviceTexts.Line("notice.one-foot"));
        var otherIssues = profile.QualityIssues.Where(i => i != FootProfile.OneFootIssue).ToList();
        if (otherIssues.Count > 0 || (!profile.QualityOk && !profile.OneFootOnly))
        {
            string[] issues = otherIssues.Count > 0 ? [.. otherIssues.Select(AdviceTexts.IssueTextId).Distinct()] : ["issue.footprint-unreliable"];
            notices.Add(AdviceTexts.Line("notice.unclear", ("issues", issues)));
        }
        if (profile.ArchReading is "normal-low" or "normal-high") notices.Add(AdviceTexts.Line("notice.borderline"));
        if (profile.UnevenPoints > FootProfile.UnevenMentionPoints)
        {
            notices.Add(AdviceTexts.Line("notice.uneven",
                ("leftPct", Math.Round(profile.LoadLeftPct)), ("rightPct", Math.Round(profile.LoadRightPct))));
        }
        return notices;
    }

    /// <summary>Exercises for the arch types measured (and two for everyone), footwear habits, and what the scan cannot show.</summary>
    public static IReadOnlyList<TipGroup> Tips(FootProfile profile)
    {
        var groups = new List<TipGroup>();
        if (!profile.NotAdultSized)
        {
            var classes = profile.Feet.SelectMany(f => f.Classes).ToHashSet();
            var exercises = new List<string> { "tip.calf-raises", "tip.toe-spreads" };
            if (classes.Contains("low")) exercises.Add("tip.short-foot");
            if (classes.Contains("high")) exercises.AddRange(["tip.calf-stretch", "tip.ball-roll"]);
            if (classes.Contains("normal") || classes.Count == 0) exercises.Add("tip.towel-pick");
            groups.Add(new TipGroup("exercises", AdviceTexts.Line("tip.exercises"), exercises.Select(id => AdviceTexts.Line(id)).ToList()));
            groups.Add(new TipGroup("footwear", null, [AdviceTexts.Line("tip.try-on"), AdviceTexts.Line("tip.gradual"), AdviceTexts.Line("tip.insoles-not-universal")]));
        }
        else
        {
            groups.Add(new TipGroup("footwear", null, [AdviceTexts.Line("tip.try-on")]));
        }
        groups.Add(new TipGroup("limits", null, [AdviceTexts.Line("limits.standing"), AdviceTexts.Line("limits.arch")]));
        return groups;
    }

    /// <summary>Plain words for one foot's arch, as the shopper and staff pages show them.</summary>
    public static AdviceLine ArchLabel(FootFacts? foot, FootProfile profile)
    {
        if (profile.NotAdultSized) return AdviceTexts.Line("arch.not-adult");
        if (foot is null) return AdviceTexts.Line("arch.missing");
        if (foot.Arch is null) return AdviceTexts.Line("arch.unclear");
        if (foot.BorderlineWith is { } other)
        {
            return AdviceTexts.Line(foot.Arch == "high" || other == "high" ? "arch.normal-high" : "arch.normal-low");
        }
        return AdviceTexts.Line("arch." + foot.Arch);
    }
}
