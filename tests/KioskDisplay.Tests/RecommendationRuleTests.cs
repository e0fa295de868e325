namespace Kiosk.Display.Tests;

/// <summary>Every rule in Data/recommendation-rules.json, fired by a profile built for it, against the demo catalog.</summary>
public sealed class RecommendationRuleTests
{
    private static readonly RecommendationRules Rules = RecommendationRules.Load(RecommendationRules.DefaultPath);
    private static readonly Recommender Recommender = new(Rules);

    /// <summary>The demo catalog (with a few wide and narrow fittings).</summary>
    internal static readonly IReadOnlyList<Product> Catalog = CatalogCsv.Parse(File.ReadAllText(StoreInitializer.DemoCatalogPath)).Products;

    /// <summary>The arch rules: exactly one of them fires for any scan.</summary>
    internal static readonly string[] ArchRules =
        ["low-arch", "normal-arch", "high-arch", "between-normal-and-low", "between-normal-and-high", "feet-differ-neutral", "unclear-scan-neutral"];

    internal static FootProfile Feet(string? left = "normal", string? right = "normal", double leftPct = 50, double forefootPct = 40,
        bool ok = true, string[]? issues = null, string? leftBorderline = null, string? rightBorderline = null,
        double lengthMm = 262, double widthMm = 98, bool leftFootOff = false) =>
        new(leftFootOff ? null : new FootFacts(left, leftBorderline, lengthMm, widthMm),
            new FootFacts(right, rightBorderline, lengthMm, widthMm), leftPct, leftFootOff ? 0 : 100 - leftPct, 100 - forefootPct, forefootPct, ok, issues ?? []);

    internal static ShopperAnswers Doing(string activity) => ShopperAnswers.None with { Activity = activity };

    /// <summary>For each rule: a profile and activity that fire it, and words its reason must contain.</summary>
    public static TheoryData<string, FootProfile, string, string> Cases => new()
    {
        { "low-arch", Feet("low", "low"), "everyday", "low arch" },
        { "normal-arch", Feet(), "everyday", "normal arch" },
        { "high-arch", Feet("high", "high"), "everyday", "high arch" },
        { "between-normal-and-low", Feet("normal", "normal", leftBorderline: "low"), "everyday", "between normal and low" },
        { "between-normal-and-high", Feet("high", "normal", leftBorderline: "normal"), "everyday", "between normal and high" },
        { "feet-differ-neutral", Feet("low", "high"), "everyday", "two feet measured differently" },
        { "unclear-scan-neutral", Feet(null, "normal", ok: false, issues: ["footprint-unreliable"]), "everyday", "could not tell your arch type" },
        { "forefoot-load-cushioning", Feet(forefootPct: 60), "everyday", "front of your feet" },
        { "wide-feet-fit", Feet(widthMm: 112), "everyday", "wide fitting" },
        { "narrow-feet-fit", Feet(widthMm: 84), "everyday", "narrow fitting" },
        { "activity-running", Feet(), "running", "For running" },
        { "activity-walking", Feet(), "walking", "For walking" },
        { "activity-standing", Feet(), "standing", "standing at work" },
        { "activity-everyday", Feet(), "everyday", "For everyday wear" },
        { "activity-dress", Feet(), "dress", "dress shoes" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void RuleFiresAndTheShopperIsToldItsReason(string ruleId, FootProfile profile, string activity, string words)
    {
        var advice = Recommender.Advise(profile, Catalog, Doing(activity));
        Assert.Contains(ruleId, advice.FiredRules);
        var reasons = advice.CommonReasons.Concat(advice.Products.SelectMany(p => p.Reasons)).Where(r => r.RuleId == ruleId).ToList();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.Contains(words, r.Text, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void EveryRuleInTheFileHasATest()
    {
        var tested = Cases.Select(c => (string)c[0]).ToHashSet();
        Assert.All(Rules.Rules, rule => Assert.Contains(rule.Id, tested));
        Assert.Equal(ArchRules.Order(), Rules.Rules.Where(r => r.When.ArchReading is not null).Select(r => r.Id).Order());
        Assert.Equal(Specs.Keys.Order(), Rules.Rules.Select(r => r.Id).Order()); // a rule removed or added fails here
    }

    /// <summary>What one rule is meant to do, written out apart from the rule file: when it fires, which products earn it, and how much.</summary>
    internal sealed record RuleSpec(Func<FootProfile, string, bool> When, Func<Product, bool> Wants, int Weight);

    /// <summary>
    /// Every rule as docs/shopper-advice.md describes it. A rule changed in the file (a condition, a wish, a weight)
    /// no longer matches its row here and fails <see cref="EachRuleFiresWhenItShouldAndCreditsTheProductsItShould"/>.
    /// </summary>
    internal static readonly Dictionary<string, RuleSpec> Specs = new()
    {
        ["low-arch"] = new((p, _) => p.ArchReading == "low", x => x.ArchSupport >= 2, 3),
        ["normal-arch"] = new((p, _) => p.ArchReading == "normal", x => x.ArchSupport <= 2, 3),
        ["high-arch"] = new((p, _) => p.ArchReading == "high", x => x.Cushioning == 3, 3),
        ["between-normal-and-low"] = new((p, _) => p.ArchReading == "normal-low", x => x.ArchSupport == 2, 3),
        ["between-normal-and-high"] = new((p, _) => p.ArchReading == "normal-high", x => x.ArchSupport <= 2 && x.Cushioning >= 2, 3),
        ["feet-differ-neutral"] = new((p, _) => p.ArchReading == "differ", x => x.ArchSupport == 2, 3),
        ["unclear-scan-neutral"] = new((p, _) => p.ArchReading == "unclear", x => x.ArchSupport == 2, 3),
        ["forefoot-load-cushioning"] = new((p, _) => p.ForefootPct > 55, x => x.Cushioning >= 2, 1),
        ["wide-feet-fit"] = new((p, _) => p.WidthFit == "wide", x => x.Width == "wide", 2),
        ["narrow-feet-fit"] = new((p, _) => p.WidthFit == "narrow", x => x.Width == "narrow", 2),
        ["activity-running"] = new((_, a) => a == "running", x => x.Category is "running-shoe" or "insole", 1),
        ["activity-walking"] = new((_, a) => a == "walking", x => x.Category is "walking-shoe" or "insole", 1),
        ["activity-standing"] = new((_, a) => a == "standing", x => x.Category is "work-shoe" or "insole", 1),
        ["activity-everyday"] = new((_, a) => a == "everyday", x => x.Category is "walking-shoe" or "insole", 1),
        ["activity-dress"] = new((_, a) => a == "dress", x => x.Category is "dress-shoe" or "insole", 1),
    };

    /// <summary>Every kind of product the catalog can hold: each category, support and cushioning level, and width.</summary>
    private static IEnumerable<Product> EveryKindOfProduct() =>
        from category in Product.Categories
        from support in new[] { 1, 2, 3 }
        from cushioning in new[] { 1, 2, 3 }
        from width in Product.Widths
        select new Product(0, $"{category}-{support}{cushioning}-{width}", "test", category, support, cushioning, 2, 35, 47, 5, 50m, Width: width);

    /// <summary>Scans on both sides of every rule's line: each arch reading, the forefoot share either side of 55 %, each width.</summary>
    private static IEnumerable<FootProfile> ScansAroundEveryLine()
    {
        var arches = new[]
        {
            Feet("low", "low"), Feet(), Feet("high", "high"), Feet("normal", "normal", leftBorderline: "low"),
            Feet("normal", "normal", rightBorderline: "high"), Feet("low", "high"), Feet(null, "normal", ok: false, issues: ["footprint-unreliable"]),
        };
        foreach (var arch in arches)
            foreach (double forefoot in new[] { 40, 55, 55.5 })
                foreach (double widthMm in new[] { 84, 98, 112 })
                {
                    yield return arch with
                    {
                        ForefootPct = forefoot,
                        RearfootPct = 100 - forefoot,
                        Left = arch.Left is null ? null : arch.Left with { WidthMm = widthMm },
                        Right = arch.Right is null ? null : arch.Right with { WidthMm = widthMm },
                    };
                }
    }

    public static TheoryData<string> RuleIds() => [.. Specs.Keys];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void EachRuleFiresWhenItShouldAndCreditsTheProductsItShould(string ruleId)
    {
        var spec = Specs[ruleId];
        var rule = Assert.Single(Rules.Rules, r => r.Id == ruleId);
        Assert.Equal(spec.Weight, rule.Weight);
        int fired = 0, quiet = 0;
        foreach (var scan in ScansAroundEveryLine())
            foreach (string activity in ShopperAnswers.Activities)
            {
                bool should = spec.When(scan, activity);
                Assert.True(should == rule.When.Holds(scan, activity),
                    $"{ruleId} {(should ? "did not fire" : "fired")}: arch {scan.ArchReading}, forefoot {scan.ForefootPct} %, width {scan.WidthFit}, {activity}");
                Assert.Equal(should, Recommender.Fired(scan, activity).Contains(rule));
                if (should) fired++; else quiet++;
            }
        Assert.True(fired > 0 && quiet > 0, $"{ruleId}: the scans here never {(fired == 0 ? "fire" : "leave out")} it");
        var products = EveryKindOfProduct().ToList();
        Assert.All(products, p => Assert.True(spec.Wants(p) == rule.Wants.MetBy(p),
            $"{ruleId} {(spec.Wants(p) ? "leaves out" : "credits")} {p.Category}, support {p.ArchSupport}, cushioning {p.Cushioning}, {p.Width}"));
        Assert.Contains(products, p => spec.Wants(p));
        Assert.Contains(products, p => !spec.Wants(p));
    }

    /// <summary>Through the recommender: each product shown scores the weights of the rules it meets, by the specs above.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void EachProductShownScoresTheWeightsOfTheRulesItMeets(string ruleId, FootProfile profile, string activity, string words)
    {
        _ = words;
        var advice = Recommender.Advise(profile, Catalog, Doing(activity));
        Assert.NotEmpty(advice.Products);
        Assert.Contains(advice.Products, p => Specs[ruleId].Wants(p.Product));
        foreach (var shown in advice.Products)
        {
            var met = advice.FiredRules.Where(id => Specs[id].Wants(shown.Product)).ToList();
            Assert.Equal(met.Sum(id => Specs[id].Weight), shown.Score);
            Assert.Equal(met.Order(), advice.CommonReasons.Concat(shown.Reasons).Select(r => r.RuleId).Order());
        }
    }

    /// <summary>Every arch and borderline combination of two feet, every quality: one arch rule, so no two products argue.</summary>
    public static IEnumerable<object[]> AllArchCombinations()
    {
        string?[] arches = [null, "low", "normal", "high"];
        string? Neighbour(string? arch, bool borderline) => !borderline || arch is null ? null : arch == "normal" ? "low" : "normal";
        foreach (var left in arches)
            foreach (var right in arches)
                foreach (bool leftBorder in new[] { false, true })
                    foreach (bool rightBorder in new[] { false, true })
                        foreach (bool ok in new[] { true, false })
                        {
                            yield return [Feet(left, right, ok: ok, issues: ok ? [] : ["footprint-unreliable"],
                                leftBorderline: Neighbour(left, leftBorder), rightBorderline: Neighbour(right, rightBorder))];
                        }
        yield return [Feet("normal", "normal", leftBorderline: "high", rightBorderline: "low")];
    }

    [Theory]
    [MemberData(nameof(AllArchCombinations))]
    public void ExactlyOneArchRuleFiresSoNoTwoProductsArgue(FootProfile profile)
    {
        var advice = Recommender.Advise(profile, Catalog, ShopperAnswers.None);
        Assert.Single(advice.FiredRules.Intersect(ArchRules));
        Assert.Single(advice.CommonReasons.Concat(advice.Products.SelectMany(p => p.Reasons)).Select(r => r.RuleId).Intersect(ArchRules).Distinct());
    }

    [Fact]
    public void OneFlatAndOneHighFootGetTheNeutralChoiceAndSayWhy()
    {
        var advice = Recommender.Advise(Feet("low", "high"), Catalog, ShopperAnswers.None);
        Assert.DoesNotContain("low-arch", advice.FiredRules);
        Assert.DoesNotContain("high-arch", advice.FiredRules);
        Assert.InRange(advice.Products.Count, 2, Recommender.MaxProducts);
        Assert.All(advice.Products, p => Assert.Equal(2, p.Product.ArchSupport));
        Assert.Contains(advice.CommonReasons, r => r.RuleId == "feet-differ-neutral");
        Assert.Equal("referral.arches-differ", Assert.Single(advice.Referrals).Id);
    }

    [Fact]
    public void ABorderlineFootGetsAdviceThatFitsBothClasses()
    {
        var advice = Recommender.Advise(Feet("low", "low", rightBorderline: "normal"), Catalog, ShopperAnswers.None);
        Assert.Contains("between-normal-and-low", advice.FiredRules);
        Assert.All(advice.Products, p => Assert.Equal(2, p.Product.ArchSupport)); // medium: suits a normal and a low arch
        Assert.Contains(advice.Notices, n => n.Id == "notice.borderline");
        Assert.Empty(advice.Referrals); // a borderline foot beside a flat one is not "one flat, one not"
    }

    [Fact]
    public void HighArchesGetCushioningAndLowArchesSupport()
    {
        Assert.All(Recommender.Advise(Feet("high", "high"), Catalog, ShopperAnswers.None).Products, p => Assert.Equal(3, p.Product.Cushioning));
        Assert.All(Recommender.Advise(Feet("low", "low"), Catalog, ShopperAnswers.None).Products, p => Assert.True(p.Product.ArchSupport >= 2));
    }

    [Fact]
    public void SixtyPercentOnTheHeelsIsNormalStandingAndNoFinding()
    {
        var heels = Recommender.Advise(Feet(forefootPct: 35), Catalog, ShopperAnswers.None); // 65% on the heels
        Assert.Equal(["normal-arch", "activity-everyday"], heels.FiredRules);
    }

    [Fact]
    public void ALeftRightSplitIsMentionedGentlyAndSellsNothing()
    {
        var uneven = Recommender.Advise(Feet(leftPct: 58), Catalog, ShopperAnswers.None);
        var even = Recommender.Advise(Feet(leftPct: 50), Catalog, ShopperAnswers.None);
        Assert.Equal(even.FiredRules, uneven.FiredRules);
        Assert.Equal(even.Products.Select(p => p.Product.Sku), uneven.Products.Select(p => p.Product.Sku));
        var notice = Assert.Single(uneven.Notices);
        Assert.Equal("notice.uneven", notice.Id);
        Assert.Contains("58% left, 42% right", notice.Text);
        Assert.Empty(uneven.Referrals);
        Assert.Empty(Recommender.Advise(Feet(leftPct: 55), Catalog, ShopperAnswers.None).Notices); // 10 points is not above 10
    }

    [Fact]
    public void AOneFootScanAsksForBothFeetAndIsNeverAnImbalance()
    {
        var oneFoot = Feet(null, "normal", leftPct: 0, ok: false, issues: ["one-foot-only"], leftFootOff: true);
        Assert.Null(oneFoot.Left);
        var advice = Recommender.Advise(oneFoot, Catalog, ShopperAnswers.None);
        Assert.Equal("notice.one-foot", Assert.Single(advice.Notices).Id);
        Assert.Contains("one foot on each outline", advice.Notices[0].Text);
        Assert.Null(oneFoot.UnevenPoints);
        Assert.Null(ShopperView.Balance(oneFoot));
        Assert.Empty(advice.Referrals);
        Assert.Contains("unclear-scan-neutral", advice.FiredRules);
        Assert.DoesNotContain(advice.FiredRules, r => r.Contains("imbalance") || r.Contains("stab"));
    }

    [Fact]
    public void AChildSizedScanGetsNoProductsAndAsksForStaff()
    {
        var child = Feet(null, null, ok: false, issues: ["not-adult-sized"], lengthMm: 170, widthMm: 62);
        var advice = Recommender.Advise(child, Catalog, ShopperAnswers.None);
        Assert.Empty(advice.Products);
        Assert.Equal("products.not-adult", advice.ProductsNote.Id);
        Assert.Equal("notice.not-adult", Assert.Single(advice.Notices).Id);
        Assert.Contains("staff", advice.Notices[0].Text);
        Assert.Null(child.Size);
        Assert.Null(child.WidthFit);
        Assert.Equal("arch.not-adult", Recommender.ArchLabel(child.Left, child).Id);
    }

    [Fact]
    public void EachReasonIsSaidOnce()
    {
        foreach (string activity in ShopperAnswers.Activities)
        {
            var advice = Recommender.Advise(Feet("low", "low", widthMm: 112), Catalog, Doing(activity));
            var texts = advice.CommonReasons.Concat(advice.Products.SelectMany(p => p.Reasons)).Select(r => r.Text).ToList();
            Assert.Equal(texts.Count, texts.Distinct().Count());
            Assert.Contains(advice.CommonReasons, r => r.RuleId == "activity-" + activity);
            Assert.All(advice.Products, p => Assert.DoesNotContain(p.Reasons, r => r.RuleId.StartsWith("activity-")));
        }
        // the wide fitting is the one product's own reason
        var wide = Recommender.Advise(Feet(widthMm: 112), Catalog, ShopperAnswers.None);
        Assert.Contains(wide.Products, p => p.Product.Width == "wide" && p.Reasons.Any(r => r.RuleId == "wide-feet-fit"));
    }

    [Fact]
    public void OnlyProductsInStockNotRetiredInTheShoppersSizeOfTheActivitysKind()
    {
        var advice = Recommender.Advise(Feet("low", "low"), Catalog, Doing("running"));
        Assert.All(advice.Products, r =>
        {
            Assert.True(r.Product.Stock > 0 && !r.Product.Retired);
            Assert.Contains(r.Product.Category, new[] { "running-shoe", "insole" });
        });
        Assert.DoesNotContain(advice.Products, r => r.Product.Sku == "INS-SPRT-05"); // out of stock
        var bigFeet = Feet("low", "low", lengthMm: 320, widthMm: 120);                // EU 50: nothing fits
        var none = Recommender.Advise(bigFeet, Catalog, ShopperAnswers.None);
        Assert.Empty(none.Products);
        Assert.Equal("result.noProducts", none.ProductsNote.Id);
        Assert.True(Recommender.Advise(Feet(), Catalog, ShopperAnswers.None).Products.GroupBy(p => p.Product.Category).All(g => g.Count() <= 2));
    }

    [Fact]
    public void WidthFitComesFromTheWiderFootAgainstItsLength()
    {
        Assert.Equal("standard", Feet(widthMm: 98).WidthFit);                       // 0.374: an average foot
        Assert.Equal("wide", Feet(widthMm: 108).WidthFit);                          // 0.412
        Assert.Equal("narrow", Feet(widthMm: 86).WidthFit);                         // 0.328
        var oneWide = Feet() with { Left = new FootFacts("normal", null, 262, 110) };
        Assert.Equal("wide", oneWide.WidthFit);
    }

    [Theory]
    [InlineData("{\"rules\":[{\"id\":\"low-arch\",\"when\":{\"rearfootAbove\":60},\"wants\":{}}]}", "rearfootAbove")]
    [InlineData("{\"rules\":[{\"id\":\"low-arch\",\"when\":{\"archReading\":[\"flat\"]},\"wants\":{}}]}", "archReading 'flat'")]
    [InlineData("{\"rules\":[{\"id\":\"low-arch\",\"when\":{},\"wants\":{\"width\":[\"extra-wide\"]}}]}", "width 'extra-wide'")]
    [InlineData("{\"rules\":[{\"id\":\"low-arch\",\"when\":{},\"wants\":{},\"reason\":\"typed here\"}]}", "reason")]
    [InlineData("{\"rules\":[{\"id\":\"made-up\",\"when\":{},\"wants\":{}}]}", "needs its reason, \"reason.made-up\"")]
    public void ARuleFileWithAnUnknownConditionOrValueIsRefused(string json, string message)
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, json);
            var error = Assert.Throws<InvalidDataException>(() => RecommendationRules.Load(path));
            Assert.Contains(message, error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
