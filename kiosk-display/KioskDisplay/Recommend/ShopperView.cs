using Kiosk.Display.Feed;
using Kiosk.Display.Storage;
using Kiosk.Mat.Host.Json;

namespace Kiosk.Display.Recommend;

/// <summary>The JSON the shopper page and the staff scan page draw: figures, plain words, advice.</summary>
public static class ShopperView
{
    public static object Result(ScanResult result, string? sessionId, Advice advice, string activity, bool pain, TakeHome.TakeHomeLink? takeHome = null) => new
    {
        resultId = result.ResultId,
        sessionId,
        deviceId = result.DeviceId,
        scannedAt = result.ScannedAt,
        left = Foot(result.Report.Left),
        right = Foot(result.Report.Right),
        result.Report.LoadLeftPct,
        result.Report.LoadRightPct,
        result.Report.RearfootPct,
        result.Report.ForefootPct,
        balance = Balance(result.Report),
        balanceKey = BalanceKey(result.Report),
        quality = new { ok = result.Report.Quality.Ok, issues = result.Report.Quality.Issues.Select(IssueText).ToArray() },
        grid = Grid(result.Summed),
        activity,
        pain,
        advice = Advice(advice),
        takeHome = takeHome is null ? null : new { url = takeHome.Url, qrSvg = takeHome.QrSvg },
    };

    public static object Grid(MatGrid grid) => new { rows = grid.Rows, cols = grid.Cols, pitchMm = grid.PitchMm, loads = grid.LoadGrams };

    public static object? Foot(FootReport? foot) => foot is null ? null : new
    {
        archType = foot.ArchType,
        label = Recommender.ArchLabel(foot.ArchType),
        foot.ArchIndex,
        foot.LoadPct,
        foot.RearfootPct,
        foot.ForefootPct,
        foot.LengthMm,
        foot.PeakKpa,
    };

    public static object Advice(Advice advice) => new
    {
        products = advice.Products.Select(r => new
        {
            r.Product.Id,
            r.Product.Name,
            r.Product.Category,
            categoryLabel = Product.CategoryLabel(r.Product.Category),
            r.Product.Price,
            archSupport = Product.LevelLabel(r.Product.ArchSupport),
            cushioning = Product.LevelLabel(r.Product.Cushioning),
            stability = Product.LevelLabel(r.Product.Stability),
            r.Score,
            reasons = r.Reasons.Select(x => new { ruleId = x.RuleId, text = x.Text }),
        }),
        firedRules = advice.FiredRules,
        cautions = advice.Cautions.Select(c => new { kind = c.Kind, text = c.Text }),
        tips = advice.Tips,
    };

    /// <summary>The balance in plain words (staff pages, and the shopper page's fallback).</summary>
    public static string Balance(AnalysisReport report) => BalanceKey(report) switch
    {
        "even" => "Well balanced between your feet",
        var key => $"{(key.StartsWith("clearly", StringComparison.Ordinal) ? "Clearly" : "A little")} more weight on your {key[(key.IndexOf('-') + 1)..]} foot",
    };

    /// <summary>The balance as the key of its text in the shopper's resource files: even, little-left, clearly-right, ...</summary>
    public static string BalanceKey(AnalysisReport report)
    {
        double difference = report.LoadLeftPct - report.LoadRightPct;
        if (Math.Abs(difference) <= 4) return "even";
        string side = difference > 0 ? "left" : "right";
        return (Math.Abs(difference) > Recommender.ImbalanceCautionPoints ? "clearly-" : "little-") + side;
    }

    public static string IssueText(string issue) => issue switch
    {
        "no-foot" => "no foot was found on the mat",
        "one-foot-only" => "only one foot was on the mat",
        "foot-at-edge" => "a foot was at the edge of the mat",
        "too-light" => "there was too little weight on the mat",
        "saturated-sensels" => "the mat reached its limit in places",
        "too-many-dead-sensels" => "the mat needs a technician's check",
        "footprint-unreliable" => "the footprint was not clear enough",
        _ => issue,
    };
}
