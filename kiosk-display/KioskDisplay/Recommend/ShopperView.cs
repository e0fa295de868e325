using Kiosk.Mat.Host.Json;

namespace Kiosk.Display.Recommend;

/// <summary>
/// The JSON the shopper page draws: figures, plain words, the questions with the shopper's answers, and the advice.
/// Every text comes as <c>{ id, text }</c>, so a translation can be keyed by the id.
/// </summary>
public static class ShopperView
{
    public static object Result(ScanResult result, string? sessionId, Advice advice, ShopperAnswers answers, TakeHome.TakeHomeLink? takeHome = null)
    {
        var report = result.Report;
        var profile = FootProfile.From(report);
        return new
        {
            resultId = result.ResultId,
            sessionId,
            deviceId = result.DeviceId,
            scannedAt = result.ScannedAt,
            left = Foot(report.Left, profile.Left, profile),
            right = Foot(report.Right, profile.Right, profile),
            // One foot on the mat is a scan to repeat, not a 100/0 split: the page shows no split for it.
            oneFootOnly = profile.OneFootOnly,
            notAdultSized = profile.NotAdultSized,
            report.LoadLeftPct,
            report.LoadRightPct,
            report.RearfootPct,
            // rearfoot, midfoot and forefoot by anatomical regions; null from a mat that sends no midfoot share
            report.MidfootPct,
            report.ForefootPct,
            balance = Balance(profile)?.Text,
            balanceKey = Balance(profile)?.Id["balance.".Length..],
            shoeSize = Size(profile),
            widthFit = profile.WidthFit,
            quality = new { ok = report.Quality.Ok, issues = report.Quality.Issues.Select(AdviceTexts.IssueText).ToArray() },
            grid = Grid(result.Summed),
            activity = answers.Activity,
            questions = Questions(answers),
            advice = Advice(advice),
            takeHome = takeHome is null ? null : new { url = takeHome.Url, qrSvg = takeHome.QrSvg },
        };
    }

    public static object Grid(MatGrid grid) => new { rows = grid.Rows, cols = grid.Cols, pitchMm = grid.PitchMm, loads = grid.LoadGrams };

    private static object? Foot(FootReport? foot, FootFacts? facts, FootProfile profile) => foot is null ? null : new
    {
        archType = foot.ArchType,
        archBorderlineWith = facts?.BorderlineWith,
        label = Recommender.ArchLabel(facts, profile).Text,
        labelId = Recommender.ArchLabel(facts, profile).Id,
        foot.ArchIndex,
        foot.LoadPct,
        foot.RearfootPct,
        foot.MidfootPct,
        foot.ForefootPct,
        foot.ModifiedArchIndex,
        foot.LengthMm,
        foot.WidthMm,
        foot.PeakKpa,
    };

    private static object? Size(FootProfile profile) => profile.Size is not { } size ? null : new
    {
        footLengthMm = size.FootLengthMm,
        eu = size.Eu,
        uk = size.Uk,
        usMen = size.UsMen,
        usWomen = size.UsWomen,
        note = AdviceTexts.Line("size.note"),
    };

    public static object[] Questions(ShopperAnswers answers) => WarningSigns.Ids.Select(id => (object)new
    {
        id,
        text = AdviceTexts.Text("question." + id),
        note = AdviceTexts.English.TryGetValue($"question.{id}.note", out string? note) ? note : null,
        answer = answers.Signs.TryGetValue(id, out bool yes) ? yes : (bool?)null,
    }).ToArray();

    public static object Advice(Advice advice) => new
    {
        referralHeading = advice.Referrals.Count == 0 ? null : AdviceTexts.Line("referral.heading"),
        referrals = advice.Referrals,
        notices = advice.Notices,
        commonReasons = advice.CommonReasons.Select(x => new { ruleId = x.RuleId, text = x.Text }),
        productsNote = advice.ProductsNote,
        products = advice.Products.Select(r => new
        {
            r.Product.Id,
            r.Product.Name,
            r.Product.Category,
            categoryLabel = Product.CategoryLabel(r.Product.Category),
            r.Product.Price,
            archSupport = Product.LevelLabel(r.Product.ArchSupport),
            cushioning = Product.LevelLabel(r.Product.Cushioning),
            width = r.Product.Width,
            r.Score,
            // only this product's reasons: the shared ones are in commonReasons, said once
            ownReasons = r.Reasons.Select(x => new { ruleId = x.RuleId, text = x.Text }),
            // every reason it meets, the shared ones first
            reasons = advice.CommonReasons.Concat(r.Reasons).Select(x => new { ruleId = x.RuleId, text = x.Text }),
        }),
        firedRules = advice.FiredRules,
        tipGroups = advice.Tips.Select(g => new { topic = g.Topic, intro = g.Intro, lines = g.Lines }),
    };

    /// <summary>How the weight was shared between the feet, in words; null when only one foot was on the mat.</summary>
    public static AdviceLine? Balance(FootProfile profile)
    {
        if (profile.UnevenPoints is not { } points) return null;
        if (points <= 4) return AdviceTexts.Line("balance.even");
        string side = profile.LoadLeftPct > profile.LoadRightPct ? "left" : "right";
        return AdviceTexts.Line(points > FootProfile.UnevenMentionPoints ? $"balance.clearly-{side}" : $"balance.little-{side}");
    }
}
