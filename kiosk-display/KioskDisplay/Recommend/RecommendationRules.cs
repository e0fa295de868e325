using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kiosk.Display.Recommend;

/// <summary>When a rule fires: every condition given must hold.</summary>
public sealed class RuleCondition
{
    /// <summary>Values of <see cref="FootProfile.ArchReading"/>: low, normal, high, normal-low, normal-high, differ, unclear.</summary>
    [JsonPropertyName("archReading")] public string[]? ArchReading { get; init; }
    [JsonPropertyName("forefootAbove")] public double? ForefootAbove { get; init; }
    /// <summary>Values of <see cref="FootProfile.WidthFit"/>: narrow, standard, wide.</summary>
    [JsonPropertyName("widthFit")] public string[]? WidthFit { get; init; }
    [JsonPropertyName("activity")] public string[]? Activity { get; init; }

    public static readonly string[] ArchReadings = ["low", "normal", "high", "normal-low", "normal-high", "differ", "unclear"];

    public bool Holds(FootProfile p, string activity) =>
        (ArchReading is null || ArchReading.Contains(p.ArchReading))
        && (ForefootAbove is null || p.ForefootPct > ForefootAbove)
        && (WidthFit is null || (p.WidthFit is { } fit && WidthFit.Contains(fit)))
        && (Activity is null || Activity.Contains(activity));

    /// <summary>Problems in plain words: values no profile can have.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var v in (ArchReading ?? []).Except(ArchReadings)) yield return $"archReading '{v}' is not one of {string.Join(", ", ArchReadings)}";
        foreach (var v in (WidthFit ?? []).Except(Product.Widths)) yield return $"widthFit '{v}' is not one of {string.Join(", ", Product.Widths)}";
        foreach (var v in (Activity ?? []).Except(ShopperAnswers.Activities)) yield return $"activity '{v}' is not one of {string.Join(", ", ShopperAnswers.Activities)}";
    }
}

/// <summary>What a product must be to earn a fired rule's weight.</summary>
public sealed class RuleWants
{
    [JsonPropertyName("categories")] public string[]? Categories { get; init; }
    [JsonPropertyName("archSupportMin")] public int? ArchSupportMin { get; init; }
    [JsonPropertyName("archSupportMax")] public int? ArchSupportMax { get; init; }
    [JsonPropertyName("cushioningMin")] public int? CushioningMin { get; init; }
    [JsonPropertyName("cushioningMax")] public int? CushioningMax { get; init; }
    [JsonPropertyName("width")] public string[]? Width { get; init; }

    private static bool Within(int value, int? min, int? max) => value >= (min ?? int.MinValue) && value <= (max ?? int.MaxValue);

    public bool MetBy(Product p) =>
        (Categories is null || Categories.Contains(p.Category))
        && Within(p.ArchSupport, ArchSupportMin, ArchSupportMax)
        && Within(p.Cushioning, CushioningMin, CushioningMax)
        && (Width is null || Width.Contains(p.Width));

    public IEnumerable<string> Problems()
    {
        foreach (var v in (Categories ?? []).Except(Product.Categories)) yield return $"category '{v}' is not one of {string.Join(", ", Product.Categories)}";
        foreach (var v in (Width ?? []).Except(Product.Widths)) yield return $"width '{v}' is not one of {string.Join(", ", Product.Widths)}";
    }
}

public sealed class RecommendationRule
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("when")] public required RuleCondition When { get; init; }
    [JsonPropertyName("wants")] public required RuleWants Wants { get; init; }
    [JsonPropertyName("weight")] public int Weight { get; init; } = 1;
    /// <summary>Plain words for the shopper (the text <c>reason.ID</c> of the shopper's resource files): what was measured, what that often means; comfort decides.</summary>
    [JsonIgnore] public string Reason => AdviceTexts.Text(ReasonTextId);

    [JsonIgnore] public string ReasonTextId => "reason." + Id;
    /// <summary>Where the reason's claim comes from (docs/shopper-advice.md lists the sources).</summary>
    [JsonPropertyName("source")] public string? Source { get; init; }

    /// <summary>Rules naming categories choose the kind of product (the activity); the others its qualities.</summary>
    public bool ChoosesCategory => Wants.Categories is not null;
}

/// <summary>The rule file, loaded and checked at start-up: a typo in a condition is an error, never a rule that always fires.</summary>
public sealed class RecommendationRules
{
    [JsonPropertyName("_comment")] public string? Comment { get; init; }
    [JsonPropertyName("rules")] public required List<RecommendationRule> Rules { get; init; }

    private static readonly JsonSerializerOptions Strict = new() { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    public static RecommendationRules Load(string path)
    {
        RecommendationRules rules;
        try
        {
            rules = JsonSerializer.Deserialize<RecommendationRules>(File.ReadAllText(path), Strict)
                ?? throw new InvalidDataException($"{path}: no rules");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
        var duplicate = rules.Rules.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidDataException($"{path}: rule id {duplicate.Key} is used twice");
        var blank = rules.Rules.FirstOrDefault(r => r.Weight <= 0);
        if (blank is not null) throw new InvalidDataException($"{path}: rule {blank.Id} needs a positive weight");
        var unexplained = rules.Rules.FirstOrDefault(r => !AdviceTexts.English.ContainsKey(r.ReasonTextId));
        if (unexplained is not null)
        {
            throw new InvalidDataException($"{path}: rule {unexplained.Id} needs its reason, \"{unexplained.ReasonTextId}\", in wwwroot/i18n/en.json");
        }
        foreach (var rule in rules.Rules)
        {
            if (rule.When.Problems().Concat(rule.Wants.Problems()).FirstOrDefault() is { } problem)
            {
                throw new InvalidDataException($"{path}: rule {rule.Id}: {problem}");
            }
        }
        return rules;
    }

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Data", "recommendation-rules.json");
}
