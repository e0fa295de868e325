using System.Text.Json;
using System.Text.Json.Serialization;
using Kiosk.Display.Storage;

namespace Kiosk.Display.Recommend;

/// <summary>What the recommender knows about the shopper: the scan's figures and the chosen activity.</summary>
public sealed record FootProfile(
    string? LeftArch,
    string? RightArch,
    double LoadLeftPct,
    double LoadRightPct,
    double RearfootPct,
    double ForefootPct,
    bool QualityOk,
    double? FootLengthMm,
    string Activity = "everyday")
{
    public double ImbalancePoints => Math.Abs(LoadLeftPct - LoadRightPct);

    /// <summary>EU (Paris point) size from the longer foot: shoe length = foot length + ~15 mm, 1 size = 2/3 cm.</summary>
    public double? EuSize => FootLengthMm is > 150 and < 360 ? Math.Round((FootLengthMm.Value + 15) / (20.0 / 3) * 2) / 2 : null;

    public static FootProfile From(Mat.Host.Json.AnalysisReport report, string activity) => new(
        report.Left?.ArchType, report.Right?.ArchType, report.LoadLeftPct, report.LoadRightPct,
        report.RearfootPct, report.ForefootPct, report.Quality.Ok,
        Math.Max(report.Left?.LengthMm ?? 0, report.Right?.LengthMm ?? 0) is > 0 and var length ? length : null,
        activity);
}

public sealed class RuleCondition
{
    [JsonPropertyName("archAny")] public string[]? ArchAny { get; init; }
    [JsonPropertyName("archBoth")] public string[]? ArchBoth { get; init; }
    [JsonPropertyName("imbalanceAbove")] public double? ImbalanceAbove { get; init; }
    [JsonPropertyName("rearfootAbove")] public double? RearfootAbove { get; init; }
    [JsonPropertyName("forefootAbove")] public double? ForefootAbove { get; init; }
    [JsonPropertyName("qualityOk")] public bool? QualityOk { get; init; }
    [JsonPropertyName("activity")] public string[]? Activity { get; init; }

    public bool Holds(FootProfile p) =>
        (ArchAny is null || ArchAny.Contains(p.LeftArch) || ArchAny.Contains(p.RightArch))
        && (ArchBoth is null || (ArchBoth.Contains(p.LeftArch) && ArchBoth.Contains(p.RightArch)))
        && (ImbalanceAbove is null || p.ImbalancePoints > ImbalanceAbove)
        && (RearfootAbove is null || p.RearfootPct > RearfootAbove)
        && (ForefootAbove is null || p.ForefootPct > ForefootAbove)
        && (QualityOk is null || p.QualityOk == QualityOk)
        && (Activity is null || Activity.Contains(p.Activity));
}

public sealed class RuleWants
{
    [JsonPropertyName("categories")] public string[]? Categories { get; init; }
    [JsonPropertyName("archSupportMin")] public int? ArchSupportMin { get; init; }
    [JsonPropertyName("archSupportMax")] public int? ArchSupportMax { get; init; }
    [JsonPropertyName("cushioningMin")] public int? CushioningMin { get; init; }
    [JsonPropertyName("cushioningMax")] public int? CushioningMax { get; init; }
    [JsonPropertyName("stabilityMin")] public int? StabilityMin { get; init; }
    [JsonPropertyName("stabilityMax")] public int? StabilityMax { get; init; }

    private static bool Within(int value, int? min, int? max) => value >= (min ?? int.MinValue) && value <= (max ?? int.MaxValue);

    public bool MetBy(Product p) =>
        (Categories is null || Categories.Contains(p.Category))
        && Within(p.ArchSupport, ArchSupportMin, ArchSupportMax)
        && Within(p.Cushioning, CushioningMin, CushioningMax)
        && Within(p.Stability, StabilityMin, StabilityMax);
}

public sealed class RecommendationRule
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("when")] public required RuleCondition When { get; init; }
    [JsonPropertyName("wants")] public required RuleWants Wants { get; init; }
    [JsonPropertyName("weight")] public int Weight { get; init; } = 1;
    [JsonPropertyName("reason")] public required string Reason { get; init; }

    /// <summary>Rules naming categories choose the kind of product (the activity); the others its qualities.</summary>
    public bool ChoosesCategory => Wants.Categories is not null;
}

/// <summary>The rule file, loaded and checked at start-up.</summary>
public sealed class RecommendationRules
{
    [JsonPropertyName("rules")] public required List<RecommendationRule> Rules { get; init; }

    public static RecommendationRules Load(string path)
    {
        var rules = JsonSerializer.Deserialize<RecommendationRules>(File.ReadAllText(path))
            ?? throw new InvalidDataException($"{path}: no rules");
        var duplicate = rules.Rules.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidDataException($"{path}: rule id {duplicate.Key} is used twice");
        var blank = rules.Rules.FirstOrDefault(r => string.IsNullOrWhiteSpace(r.Reason) || r.Weight <= 0);
        if (blank is not null) throw new InvalidDataException($"{path}: rule {blank.Id} needs a reason and a positive weight");
        return rules;
    }

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Data", "recommendation-rules.json");
}
