namespace Kiosk.Display.Recommend;

/// <summary>
/// The short questions the shopper can answer on the result screen. A "yes" to any of them is a reason to see a
/// podiatrist, a physiotherapist or a doctor, and that referral is shown before anything else. Ids are stored with
/// the scan (so never rename one), and key the question's text (<c>question.ID</c>) and its referral (<c>referral.ID</c>).
/// </summary>
public static class WarningSigns
{
    public static readonly string[] Ids = ["knee-hip-pain", "daily-pain", "numbness", "diabetes", "recent-injury", "swelling"];

    public static bool IsKnown(string id) => Ids.Contains(id);
}

/// <summary>
/// What the shopper answered at the kiosk: the activity chosen and each warning sign answered yes or no (a question
/// not answered is absent). Stored with the scan, so the staff page and the printed report see the same advice.
/// </summary>
public sealed record ShopperAnswers(string Activity, IReadOnlyDictionary<string, bool> Signs)
{
    public const string DefaultActivity = "everyday";

    public static readonly string[] Activities = ["everyday", "walking", "running", "standing", "dress"];

    public static ShopperAnswers None { get; } = new(DefaultActivity, new Dictionary<string, bool>());

    public bool Said(string sign) => Signs.TryGetValue(sign, out bool yes) && yes;

    public IEnumerable<string> YesTo => WarningSigns.Ids.Where(Said);

    /// <summary>These answers with <paramref name="changes"/> laid over them; null when a change names an unknown question.</summary>
    public ShopperAnswers? With(string? activity, IReadOnlyDictionary<string, bool>? changes)
    {
        if (activity is not null && !Activities.Contains(activity)) return null;
        var signs = new Dictionary<string, bool>(Signs);
        foreach (var (id, yes) in changes ?? new Dictionary<string, bool>())
        {
            if (!WarningSigns.IsKnown(id)) return null;
            signs[id] = yes;
        }
        return new ShopperAnswers(activity ?? Activity, signs);
    }
}
