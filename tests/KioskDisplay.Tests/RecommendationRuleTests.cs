using Kiosk.Display.Recommend;
using Kiosk.Display.Storage;

namespace Kiosk.Display.Tests;

/// <summary>Every rule in Data/recommendation-rules.json, fired by a profile built for it, against the demo catalog.</summary>
public sealed class RecommendationRuleTests
{
    private static readonly RecommendationRules Rules = RecommendationRules.Load(RecommendationRules.DefaultPath);
    private static readonly IReadOnlyList<Product> Catalog = CatalogCsv.Parse(File.ReadAllText(StoreInitializer.DemoCatalogPath)).Products;
    private static readonly Recommender Recommender = new(Rules);

    private static FootProfile Feet(string? left = "normal", string? right = "normal", double leftPct = 50, double rearPct = 55,
        bool ok = true, string activity = "everyday") =>
        new(left, right, leftPct, 100 - leftPct, rearPct, 100 - rearPct, ok, 262, activity);

    /// <summary>For each rule: a profile that fires it and words its reason must contain.</summary>
    public static TheoryData<string, FootProfile, string> Cases => new()
    {
        { "flat-arch-support", Feet("low", "low"), "firm arch support" },
        { "normal-arch-neutral", Feet(), "neutral support" },
        { "high-arch-cushioning", Feet("high", "high"), "extra cushioning for shock absorption" },
        { "heel-load-cushioning", Feet(rearPct: 65), "cushioned heel" },
        { "forefoot-load-relief", Feet(rearPct: 40), "ball of the foot" },
        { "imbalance-stability", Feet(leftPct: 57), "stable base" },
        { "unclear-scan-moderate", Feet(null, "normal", ok: false), "not clear enough" },
        { "activity-running", Feet(activity: "running"), "running" },
        { "activity-walking", Feet(activity: "walking"), "walking" },
        { "activity-standing", Feet(activity: "standing"), "standing at work" },
        { "activity-everyday", Feet(activity: "everyday"), "everyday" },
        { "activity-dress", Feet(activity: "dress"), "smart shoes" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void RuleFiresAndARecommendedProductGivesItsReason(string ruleId, FootProfile profile, string words)
    {
        var advice = Recommender.Advise(profile, Catalog, kneeOrHipPain: false);
        Assert.Contains(ruleId, advice.FiredRules);
        var reasons = advice.Products.SelectMany(p => p.Reasons).Where(r => r.RuleId == ruleId).ToList();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.Contains(words, r.Text));
    }

    [Fact]
    public void EveryRuleInTheFileHasATest()
    {
        var tested = Cases.Select(c => (string)c[0]).ToHashSet();
        Assert.All(Rules.Rules, rule => Assert.Contains(rule.Id, tested));
    }

    [Fact]
    public void FlatFeetGetFirmSupportAndHighArchesCushioning()
    {
        var flat = Recommender.Advise(Feet("low", "low"), Catalog, false).Products;
        Assert.InRange(flat.Count, 2, Recommender.MaxProducts);
        Assert.Equal(3, flat[0].Product.ArchSupport);
        var high = Recommender.Advise(Feet("high", "high"), Catalog, false).Products;
        Assert.Equal(3, high[0].Product.Cushioning);
    }

    [Fact]
    public void OnlyProductsInStockNotRetiredInTheShoppersSizeOfTheActivitysKind()
    {
        var advice = Recommender.Advise(Feet("low", "low", activity: "running"), Catalog, false);
        Assert.All(advice.Products, r =>
        {
            Assert.True(r.Product.Stock > 0 && !r.Product.Retired);
            Assert.Contains(r.Product.Category, new[] { "running-shoe", "insole" });
        });
        Assert.DoesNotContain(advice.Products, r => r.Product.Sku == "INS-SPRT-05"); // out of stock
        var bigFeet = Feet("low", "low") with { FootLengthMm = 320 };                 // EU ~50: nothing fits
        Assert.Empty(Recommender.Advise(bigFeet, Catalog, false).Products);
        Assert.True(Recommender.Advise(Feet(), Catalog, false).Products.GroupBy(p => p.Product.Category).All(g => g.Count() <= 2));
    }

    [Theory]
    [InlineData(true, 50, true, "pain")]
    [InlineData(false, 56, true, "imbalance")]
    [InlineData(false, 50, false, "quality")]
    public void PainImbalanceOrAnUnclearScanSuggestsAProfessional(bool pain, double leftPct, bool ok, string kind)
    {
        var advice = Recommender.Advise(Feet(leftPct: leftPct, ok: ok), Catalog, pain);
        var caution = Assert.Single(advice.Cautions);
        Assert.Equal(kind, caution.Kind);
        Assert.Matches("podiatrist|physiotherapist", caution.Text);
        Assert.Empty(Recommender.Advise(Feet(leftPct: 55), Catalog, false).Cautions); // 10 points is not above 10
    }

    [Fact]
    public void TipsCoverGradualSwitchAndExercises()
    {
        var tips = Recommender.Advise(Feet("low", "high"), Catalog, false).Tips;
        Assert.Contains(tips, t => t.Contains("gradually"));
        Assert.Contains(tips, t => t.StartsWith("Exercise"));
    }

    [Fact]
    public void ShoeSizeComesFromTheLongerFoot()
    {
        Assert.Equal(41.5, Feet().EuSize);
        Assert.Null((Feet() with { FootLengthMm = null }).EuSize);
    }
}
