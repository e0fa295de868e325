using System.Text.RegularExpressions;
using static Kiosk.Display.Tests.RecommendationRuleTests;

namespace Kiosk.Display.Tests;

/// <summary>
/// Every advice text: when it is shown, what it must say, and what none may say. The texts are in
/// Recommend/AdviceTexts.cs; the rules' reasons in Data/recommendation-rules.json.
/// </summary>
public sealed class AdviceTextTests
{
    private static readonly RecommendationRules Rules = RecommendationRules.Load(RecommendationRules.DefaultPath);
    private static readonly Recommender Recommender = new(Rules);

    private static ShopperAnswers Yes(params string[] signs) =>
        ShopperAnswers.None.With(null, signs.ToDictionary(s => s, _ => true))!;

    /// <summary>Scans of every shape the shopper can be: each text below must be shown for at least one of them.</summary>
    private static readonly (string Name, FootProfile Profile, ShopperAnswers Answers)[] Shoppers =
    [
        ("normal feet, nothing to say", Feet(), ShopperAnswers.None),
        ("flat feet, every warning sign", Feet("low", "low"), Yes(WarningSigns.Ids)),
        ("high arches", Feet("high", "high"), ShopperAnswers.None),
        ("between normal and flat", Feet("normal", "low", leftBorderline: "low"), ShopperAnswers.None),
        ("between normal and high", Feet("normal", "normal", rightBorderline: "high"), ShopperAnswers.None),
        ("one flat, one high", Feet("low", "high"), ShopperAnswers.None),
        ("one foot", Feet(null, "normal", leftPct: 0, ok: false, issues: ["one-foot-only"], leftFootOff: true), ShopperAnswers.None),
        ("a child", Feet(null, null, ok: false, issues: ["not-adult-sized", "too-light"], lengthMm: 170, widthMm: 62), ShopperAnswers.None),
        ("unclear footprint", Feet(null, null, ok: false, issues: ["footprint-unreliable", "foot-at-edge"]), ShopperAnswers.None),
        ("leans left", Feet(leftPct: 62), ShopperAnswers.None),
        ("leans right", Feet(leftPct: 38), ShopperAnswers.None),
        ("a little left", Feet(leftPct: 53), ShopperAnswers.None),
        ("a little right", Feet(leftPct: 47), ShopperAnswers.None),
        ("size 50", Feet(lengthMm: 320, widthMm: 120), ShopperAnswers.None),
    ];

    /// <summary>Every text id a shopper in <see cref="Shoppers"/> is shown, on the shopper page or the staff's.</summary>
    private static Dictionary<string, List<string>> ShownTo()
    {
        var shown = new Dictionary<string, List<string>>();
        void Add(string id, string who) => (shown.TryGetValue(id, out var list) ? list : shown[id] = []).Add(who);
        foreach (var (name, profile, answers) in Shoppers)
        {
            var advice = Recommender.Advise(profile, Catalog, answers);
            foreach (var line in advice.Referrals.Concat(advice.Notices).Append(advice.ProductsNote)
                .Concat(advice.Tips.SelectMany(g => g.Lines.Prepend(g.Intro)).OfType<AdviceLine>()))
            {
                Add(line.Id, name);
            }
            if (advice.Referrals.Count > 0) Add("referral.heading", name);
            Add(Recommender.ArchLabel(profile.Left, profile).Id, name);
            Add(Recommender.ArchLabel(profile.Right, profile).Id, name);
            if (ShopperView.Balance(profile) is { } balance) Add(balance.Id, name);
            if (profile.Size is not null) Add("size.note", name);
            foreach (string issue in profile.QualityIssues) Add("issue." + issue, name);
        }
        foreach (string sign in WarningSigns.Ids) Add("question." + sign, "every result");
        Add("question.knee-hip-pain.note", "every result");
        Add("questions.privacy", "every result");
        return shown;
    }

    /// <summary>Texts only the pages use: where a test sees them.</summary>
    private static readonly Dictionary<string, string> PageTexts = new()
    {
        ["staff.steadiness"] = nameof(AnswersTests.StaffPageShowsTheAnswersTheSizeAndSteadiness),
        ["sign.knee-hip-pain"] = nameof(AnswersTests.AnswersAreKeptWithTheScanAndLaidOverEachOtherForTheStaffAndTheReport),
        ["sign.daily-pain"] = nameof(CrowdedResultLayoutTests),
        ["sign.numbness"] = nameof(AnswersTests.AnswersAreKeptWithTheScanAndLaidOverEachOtherForTheStaffAndTheReport),
        ["sign.diabetes"] = nameof(AnswersTests.AnswersAreKeptWithTheScanAndLaidOverEachOtherForTheStaffAndTheReport),
        ["sign.recent-injury"] = nameof(CrowdedResultLayoutTests),
        ["sign.swelling"] = nameof(CrowdedResultLayoutTests),
        ["referral.several"] = nameof(CrowdedResultLayoutTests),
        ["questions.referred"] = nameof(CrowdedResultLayoutTests),
        ["staff.steadiness.note"] = nameof(AnswersTests.StaffPageShowsTheAnswersTheSizeAndSteadiness),
        ["issue.no-foot"] = nameof(EveryQualityIssueHasPlainWords),
        ["issue.saturated-sensels"] = nameof(EveryQualityIssueHasPlainWords),
        ["issue.too-many-dead-sensels"] = nameof(EveryQualityIssueHasPlainWords),
    };

    /// <summary>The advice's texts among the shopper page's (the rest are the page's own: <see cref="ShopperTextTests"/>).</summary>
    private static readonly string[] AdvicePrefixes =
        ["arch.", "balance.", "question.", "questions.privacy", "referral.", "notice.", "issue.", "products.", "size.", "tip.", "reason.", "limits.standing", "limits.arch", "staff.", "sign.", "questions.referred"];

    [Fact]
    public void EveryTextIsShownForSomeScanOrNamedPage()
    {
        var shown = ShownTo();
        foreach (var rule in Rules.Rules) shown.TryAdd(rule.ReasonTextId, ["rule " + rule.Id + ": RecommendationRuleTests.Cases"]);
        var advice = AdviceTexts.English.Keys.Where(id => AdvicePrefixes.Any(id.StartsWith)).ToList();
        Assert.True(advice.Count > 70, $"only {advice.Count} advice texts: the prefixes no longer match");
        var missing = advice.Where(id => !shown.ContainsKey(id) && !PageTexts.ContainsKey(id)).ToList();
        Assert.True(missing.Count == 0, "never shown: " + string.Join(", ", missing));
        Assert.All(shown.Keys, id => Assert.True(AdviceTexts.English.ContainsKey(id), $"{id} is shown but has no text"));
    }

    /// <summary>For each text: words it must contain (what it is for).</summary>
    public static TheoryData<string, string> MustSay => new()
    {
        { "referral.knee-hip-pain", "podiatrist or physiotherapist" },
        { "referral.daily-pain", "podiatrist, a physiotherapist or your doctor" },
        { "referral.numbness", "doctor or a podiatrist" },
        { "referral.diabetes", "podiatrist or your diabetes team" },
        { "referral.recent-injury", "physiotherapist or your doctor" },
        { "referral.swelling", "doctor" },
        { "referral.arches-differ", "podiatrist or physiotherapist" },
        { "question.knee-hip-pain.note", "Feet, knees and hips work together" },
        { "notice.one-foot", "one foot on each outline" },
        { "notice.not-adult", "adult feet" },
        { "notice.not-adult", "staff" },
        { "notice.borderline", "suit both" },
        { "products.intro", "Try them on and choose what feels comfortable" },
        { "tip.calf-raises", "Calf raises" },
        { "tip.toe-spreads", "Toe spreads" },
        { "tip.gradual", "new shoes and new insoles gradually" },
        { "tip.insoles-not-universal", "not a fix for every foot" },
        { "limits.standing", "cannot show how your feet move when you walk or run" },
        { "limits.standing", "gait analysis" },
        { "limits.arch", "only roughly" },
        { "size.note", "try this size and the next" },
        { "questions.privacy", "deleted with it" },
        { "arch.normal-low", "Between normal and flat" },
    };

    [Theory]
    [MemberData(nameof(MustSay))]
    public void TextSaysWhatItIsFor(string id, string words) => Assert.Contains(words, AdviceTexts.Text(id));

    /// <summary>
    /// A still, standing footprint cannot see how the foot moves, and shoes by arch type did no better than one shoe
    /// for all (Knapik et al. 2009/2010): no text or reason may claim a mechanism, a correction or a prevention, nor
    /// offer stability for a left/right split.
    /// </summary>
    [Fact]
    public void NoTextClaimsWhatAStandingPrintCannotSee()
    {
        var forbidden = new Regex(@"inward|outward|roll(ing|s)? (in|out)|pronat|supinat|correct|control|prevent|protect|absorbs|cure|stabili|stable|fix your|injur(y|ies) risk",
            RegexOptions.IgnoreCase);
        // what the rules said before: each would fail here
        Assert.All(new[] { "firm arch support to limit inward rolling of a flat / low arch", "a stable base, because you stand more on one foot",
            "extra cushioning for shock absorption, because a high arch absorbs little by itself" }, old => Assert.Matches(forbidden, old));
        var texts = AdviceTexts.English.Select(t => (t.Key, t.Value)).Concat(Rules.Rules.Select(r => ("rule " + r.Id, r.Reason)));
        Assert.All(texts, t => Assert.False(forbidden.IsMatch(t.Item2), $"{t.Item1}: \"{forbidden.Match(t.Item2).Value}\" in \"{t.Item2}\""));
    }

    [Fact]
    public void EveryArchReasonSaysWhatWasMeasuredOrWhyItIsNeutral()
    {
        foreach (var rule in Rules.Rules.Where(r => r.When.ArchReading is not null))
        {
            Assert.Matches("measured|footprints show|could not tell", rule.Reason);
            Assert.False(string.IsNullOrWhiteSpace(rule.Source), $"rule {rule.Id} has no source");
        }
    }

    [Fact]
    public void AYesLeadsToItsReferralFirstAndANoToNone()
    {
        foreach (string sign in WarningSigns.Ids)
        {
            var yes = Recommender.Advise(Feet("low", "high"), Catalog, Yes(sign));
            Assert.Equal(["referral." + sign, "referral.arches-differ"], yes.Referrals.Select(r => r.Id));
            var no = ShopperAnswers.None.With(null, new Dictionary<string, bool> { [sign] = false })!;
            Assert.Empty(Recommender.Advise(Feet(), Catalog, no).Referrals);
        }
    }

    [Fact]
    public void ArchLabelsSayWhatWasMeasured()
    {
        var profile = Feet("low", null, ok: false, issues: ["footprint-unreliable"]);
        Assert.Equal("Flat / low arch", Recommender.ArchLabel(profile.Left, profile).Text);
        Assert.Equal("Not clear from this scan", Recommender.ArchLabel(profile.Right, profile).Text);
        var borderline = Feet("low", "high", leftBorderline: "normal", rightBorderline: "normal");
        Assert.Equal("Between normal and flat", Recommender.ArchLabel(borderline.Left, borderline).Text);
        Assert.Equal("Between normal and high", Recommender.ArchLabel(borderline.Right, borderline).Text);
        Assert.Equal("differ", borderline.ArchReading); // one towards flat, one towards high: neutral
    }

    [Fact]
    public void EveryQualityIssueHasPlainWords()
    {
        foreach (string issue in new[] { "no-foot", "one-foot-only", "foot-at-edge", "too-light", "saturated-sensels",
                     "too-many-dead-sensels", "footprint-unreliable", "not-adult-sized" })
        {
            Assert.DoesNotContain("-", AdviceTexts.IssueText(issue));
        }
        Assert.Equal("a-new-issue", AdviceTexts.IssueText("a-new-issue")); // a name the display does not know yet is shown as it is
    }

    [Fact]
    public void AnswersRefuseUnknownQuestionsAndActivities()
    {
        Assert.Null(ShopperAnswers.None.With("skydiving", null));
        Assert.Null(ShopperAnswers.None.With(null, new Dictionary<string, bool> { ["astrology"] = true }));
        var answers = ShopperAnswers.None.With("running", new Dictionary<string, bool> { ["diabetes"] = true })!
            .With(null, new Dictionary<string, bool> { ["swelling"] = false })!;
        Assert.Equal("running", answers.Activity);
        Assert.Equal(["diabetes"], answers.YesTo);
        Assert.False(answers.Signs["swelling"]);
    }
}
