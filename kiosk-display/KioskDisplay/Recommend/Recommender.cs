using Kiosk.Display.Storage;

namespace Kiosk.Display.Recommend;

public sealed record Reason(string RuleId, string Text);

public sealed record Recommendation(Product Product, int Score, IReadOnlyList<Reason> Reasons);

/// <summary>A calm suggestion to see a professional, with why.</summary>
public sealed record Caution(string Kind, string Text);

public sealed record Advice(
    IReadOnlyList<Recommendation> Products,
    IReadOnlyList<string> FiredRules,
    IReadOnlyList<Caution> Cautions,
    IReadOnlyList<string> Tips);

/// <summary>
/// Scores the store's catalog against the rules that fire for a foot profile: a product in stock, not retired, in
/// the shopper's size and of a kind the activity asks for earns each fired rule's weight when it meets the rule's wants.
/// </summary>
public sealed class Recommender(RecommendationRules rules)
{
    public const int MaxProducts = 4;
    public const double ImbalanceCautionPoints = 10;

    public static readonly string[] Activities = ["everyday", "walking", "running", "standing", "dress"];

    public IReadOnlyList<RecommendationRule> Fired(FootProfile profile) => rules.Rules.Where(r => r.When.Holds(profile)).ToList();

    public Advice Advise(FootProfile profile, IEnumerable<Product> catalog, bool kneeOrHipPain)
    {
        var fired = Fired(profile);
        var categoryRules = fired.Where(r => r.ChoosesCategory).ToList();
        var candidates = catalog.Where(p => !p.Retired && p.Stock > 0 && p.FitsSize(profile.EuSize)
            && (categoryRules.Count == 0 || categoryRules.Any(r => r.Wants.MetBy(p))));
        var scored = new List<Recommendation>();
        foreach (var product in candidates)
        {
            var met = fired.Where(r => r.Wants.MetBy(product)).ToList();
            if (!met.Any(r => !r.ChoosesCategory)) continue; // it must suit the feet, not only the activity
            var reasons = met.OrderByDescending(r => r.Weight).Select(r => new Reason(r.Id, r.Reason)).ToList();
            scored.Add(new Recommendation(product, met.Sum(r => r.Weight), reasons));
        }
        var chosen = new List<Recommendation>();
        foreach (var candidate in scored.OrderByDescending(r => r.Score).ThenByDescending(r => r.Product.Stock).ThenBy(r => r.Product.Price))
        {
            if (chosen.Count(c => c.Product.Category == candidate.Product.Category) >= 2) continue; // variety
            chosen.Add(candidate);
            if (chosen.Count == MaxProducts) break;
        }
        return new Advice(chosen, fired.Select(r => r.Id).ToList(), Cautions(profile, kneeOrHipPain), Tips(profile));
    }

    public static IReadOnlyList<Caution> Cautions(FootProfile profile, bool kneeOrHipPain)
    {
        var cautions = new List<Caution>();
        if (kneeOrHipPain)
        {
            cautions.Add(new Caution("pain", "You mentioned knee or hip pain. Insoles can help comfort, but a podiatrist or physiotherapist can find the cause and advise you properly."));
        }
        if (profile.ImbalancePoints > ImbalanceCautionPoints)
        {
            cautions.Add(new Caution("imbalance", $"You stood with {profile.ImbalancePoints:0} points more weight on one foot. Everyone shifts a little, but if this is usual for you, a podiatrist or physiotherapist can check why."));
        }
        if (!profile.QualityOk || profile.LeftArch is null || profile.RightArch is null)
        {
            cautions.Add(new Caution("quality", "The scan was not clear enough to be sure. A member of staff can help you scan again, and a podiatrist can assess your feet in person."));
        }
        return cautions;
    }

    public static IReadOnlyList<string> Tips(FootProfile profile)
    {
        var tips = new List<string>();
        string?[] arches = [profile.LeftArch, profile.RightArch];
        if (arches.Contains("low"))
        {
            tips.Add("Choose shoes with a firm heel counter (the back of the shoe should not fold when you press it).");
            tips.Add("Exercise: 'short foot' - standing, gently draw the ball of your foot towards your heel to lift the arch, without curling your toes. Hold 5 seconds, 10 times.");
        }
        if (arches.Contains("high"))
        {
            tips.Add("Look for soft, cushioned midsoles and enough room at the top of the shoe; lace loosely over the high point of the foot.");
            tips.Add("Exercise: calf stretch against a wall, 30 seconds each leg, twice a day.");
        }
        if (arches.Contains("normal"))
        {
            tips.Add("Neutral shoes usually suit you; replace running shoes every 600-800 km as the cushioning wears.");
        }
        tips.Add("Get used to new insoles gradually: wear them an hour on the first day and add an hour each day over one to two weeks.");
        tips.Add("Exercise: roll a ball or bottle under each foot for a minute, and pick up a towel with your toes.");
        tips.Add("Try shoes on in the afternoon, with the socks you will wear, and leave a thumb's width in front of the longest toe.");
        return tips;
    }

    /// <summary>Plain words for an arch type, as the shopper page shows them.</summary>
    public static string ArchLabel(string? arch) => arch switch
    {
        "low" => "Flat / low arch",
        "normal" => "Normal arch",
        "high" => "High arch",
        _ => "Not clear from this scan",
    };
}
