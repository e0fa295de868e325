namespace Kiosk.Display.Recommend;

/// <summary>One text the shopper or staff read, with the id a translation is keyed by.</summary>
public sealed record AdviceLine(string Id, string Text);

/// <summary>
/// Every advice text except the rules' reasons (those live with their rules in Data/recommendation-rules.json), in
/// English, keyed by id. Each text says what was measured or asked, what that often means, and who can say more; none
/// claims a mechanism a still, standing footprint cannot see (docs/shopper-advice.md, "What a standing print can say").
/// Sources are cited beside the texts that rest on them; docs/shopper-advice.md lists them in full.
/// </summary>
public static class AdviceTexts
{
    public static readonly IReadOnlyDictionary<string, string> English = new Dictionary<string, string>
    {
        // ---- the arch, per foot (Cavanagh & Rodgers 1987 classes; a borderline foot is not forced into one) ----
        ["arch.low"] = "Flat / low arch",
        ["arch.normal"] = "Normal arch",
        ["arch.high"] = "High arch",
        ["arch.normal-low"] = "Between normal and flat",
        ["arch.normal-high"] = "Between normal and high",
        ["arch.unclear"] = "Not clear from this scan",
        ["arch.not-adult"] = "Not measured: for adult feet only",
        ["arch.missing"] = "Not on the mat",

        // ---- how the weight was shared (never for a one-foot scan: that is a scan to repeat, not a split) ----
        ["balance.even"] = "Well balanced between your feet",
        ["balance.little-left"] = "A little more weight on your left foot",
        ["balance.little-right"] = "A little more weight on your right foot",
        ["balance.clearly-left"] = "Clearly more weight on your left foot",
        ["balance.clearly-right"] = "Clearly more weight on your right foot",

        // ---- the warning-sign questions: a "yes" to any of them leads to a referral, shown first ----
        ["question.knee-hip-pain"] = "Do you have knee or hip pain?",
        // The kinetic chain in one line, with the question it belongs to; no claim that the scan sees the cause.
        ["question.knee-hip-pain.note"] = "Feet, knees and hips work together: how you stand can affect them, and pain there can change how you stand.",
        ["question.daily-pain"] = "Do you have foot pain that affects your daily activities?",
        ["question.numbness"] = "Do you have numbness or tingling in your feet?",
        ["question.diabetes"] = "Do you have diabetes?",
        ["question.recent-injury"] = "Have you injured your foot, ankle or leg recently?",
        ["question.swelling"] = "Do you have swelling in your feet or ankles?",
        ["questions.privacy"] = "Your answers are kept with this anonymous scan, without your name, so staff can help you, and are deleted with it.",

        // ---- referrals: kind, clear, and first ----
        ["referral.heading"] = "Worth seeing a podiatrist or physiotherapist",
        ["referral.knee-hip-pain"] = "Thank you for telling us about your knee or hip pain. A podiatrist or physiotherapist can look at your feet, knees and hips together and find the cause; comfortable shoes may help, but they are no substitute for that.",
        ["referral.daily-pain"] = "Foot pain that gets in the way of your day deserves a proper look. Please see a podiatrist, a physiotherapist or your doctor before relying on shoes or insoles.",
        ["referral.numbness"] = "Numbness or tingling in the feet is worth checking with your doctor or a podiatrist: it can have causes that shoes cannot help.",
        // NICE NG19 (2015, updated 2019) and IWGDF guidance: regular foot checks, footwear advice from the foot care team.
        ["referral.diabetes"] = "With diabetes, feet need extra care. Have them checked regularly by a podiatrist or your diabetes team, ask them before you use insoles, and look for red marks or sores after wearing new shoes.",
        ["referral.recent-injury"] = "After a recent injury, let a physiotherapist or your doctor guide your return to activity and the footwear you need for it.",
        ["referral.swelling"] = "Swelling of the feet or ankles has many causes. Please ask your doctor about it, and soon if it is new, painful or on one side only.",
        ["referral.arches-differ"] = "One of your feet measured a low (flat) arch and the other did not. Feet are rarely identical, but a clear difference is worth showing to a podiatrist or physiotherapist, who can examine both feet and watch you walk.",

        // ---- notices about the scan itself ----
        ["notice.one-foot"] = "We could see only one foot, so we cannot compare your feet or how you share your weight. Step off, then stand with one foot on each outline for a new scan.",
        ["notice.not-adult"] = "This analysis is made for adult feet. A member of staff will be glad to measure children's feet and help choose their shoes.",
        ["notice.unclear"] = "The scan was not clear enough to be sure: {issues}. A member of staff can help you scan again.",
        // DESIGN.md: quiet standing is near 50/50 but shifts from moment to moment; above about 10 points, mention it gently.
        ["notice.uneven"] = "You stood with more weight on one foot ({leftPct}% left, {rightPct}% right). Everyone shifts a little, and a few seconds cannot say whether this is usual for you. If you often favour one side, or it comes with pain, a physiotherapist can check why.",
        // the analysis's quality issues, as they end "The scan was not clear enough to be sure: ..."
        ["issue.no-foot"] = "no foot was found on the mat",
        ["issue.one-foot-only"] = "only one foot was on the mat",
        ["issue.foot-at-edge"] = "a foot was at the edge of the mat",
        ["issue.too-light"] = "there was too little weight on the mat",
        ["issue.saturated-sensels"] = "the mat reached its limit in places",
        ["issue.too-many-dead-sensels"] = "the mat needs a technician's check",
        ["issue.footprint-unreliable"] = "the footprint was not clear enough",
        ["issue.not-adult-sized"] = "the feet or the weight were below adult size",
        ["notice.borderline"] = "Your arch measured close to the line between two types, so we do not pick one: the suggestions here suit both.",

        // ---- the products: comfort first (Nigg et al. 2015 "comfort filter"; Knapik et al. 2009/2010) ----
        ["products.intro"] = "Try them on and choose what feels comfortable: comfort is the best guide we know to the right shoe or insole.",
        ["products.none"] = "Nothing in stock matches your scan right now. Please ask a member of staff.",
        ["products.not-adult"] = "Our suggestions are for adult feet: please ask a member of staff.",

        // ---- shoe size from foot length (ShoeSize.cs gives the rule and its source) ----
        ["size.note"] = "From your longer foot. Sizes differ between makers: try this size and the next.",

        // ---- exercises: simple, for every arch type (McKeon et al. 2015, the foot core) ----
        ["tip.exercises"] = "Simple exercises many people find keep their feet strong and comfortable. Stop any that hurt.",
        ["tip.calf-raises"] = "Calf raises: holding a wall or chair, rise slowly onto your toes and lower again, 10 to 15 times a day.",
        ["tip.toe-spreads"] = "Toe spreads: sitting, spread your toes as wide as you can, hold for 5 seconds and relax, 10 times.",
        ["tip.short-foot"] = "'Short foot': standing, gently draw the ball of your foot towards your heel so the arch lifts, toes relaxed. Hold 5 seconds, 10 times.",
        ["tip.calf-stretch"] = "Calf stretch: hands on a wall, one leg back with the heel down and the knee straight, 30 seconds each leg, twice a day.",
        ["tip.ball-roll"] = "Roll a ball or a bottle under each foot for a minute.",
        ["tip.towel-pick"] = "Pick up a towel or small objects with your toes for a few minutes.",

        // ---- footwear ----
        ["tip.try-on"] = "Try shoes on in the afternoon with your own socks; leave a thumb's width in front of the longest toe, and fit the larger foot.",
        ["tip.gradual"] = "Get used to new shoes and new insoles gradually: an hour or two at first, a little more each day, over one to two weeks.",
        // Bonanno et al. 2017; Hume et al. 2008: orthoses help some people and some conditions, not every foot.
        ["tip.insoles-not-universal"] = "Insoles help some people feel more comfortable, but they are not a fix for every foot and do not change its shape. If they still feel wrong after two weeks, stop.",

        // ---- what the scan cannot show, and what would (Razeghi & Batt 2002: static foot type says little about motion) ----
        ["tip.scan-limits"] = "This scan shows how you stand still. It cannot show how your feet move when you walk or run: a podiatrist or physiotherapist can watch you walk or run (a gait analysis).",

        // ---- staff only ----
        ["staff.steadiness"] = "Steadiness during the scan",
        ["staff.steadiness.note"] = "centre of pressure while still; not a balance test",
    };

    /// <summary>The text of <paramref name="id"/> with each <c>{name}</c> replaced by its value.</summary>
    public static AdviceLine Line(string id, params (string Name, object Value)[] values)
    {
        if (!English.TryGetValue(id, out string? text)) throw new KeyNotFoundException($"no advice text '{id}'");
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
        }
        return new AdviceLine(id, text);
    }

    public static string Text(string id) => Line(id).Text;

    /// <summary>Plain words for one of the analysis's quality issue names; an unknown name is shown as it is.</summary>
    public static string IssueText(string issue) => English.TryGetValue("issue." + issue, out string? text) ? text : issue;
}
