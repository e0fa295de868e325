using System.Text.RegularExpressions;

namespace Kiosk.Display.Tests;

/// <summary>
/// The shopper's resource files (wwwroot/i18n): every language has every key English has and no other, with the
/// same placeholders, and every key the page asks for is there.
/// </summary>
public sealed partial class ShopperTextTests
{
    private static readonly string WebRoot = Path.Combine(RepositoryPaths.Root, "kiosk-display", "KioskDisplay", "wwwroot");

    public static Dictionary<string, string> Texts(string language) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(WebRoot, "i18n", language + ".json")))!;

    public static TheoryData<string> Languages() =>
        [.. Directory.GetFiles(Path.Combine(WebRoot, "i18n"), "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Where(l => l != "en")];

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();

    [Fact]
    public void ThereIsALanguageBesideEnglish() => Assert.NotEmpty(Languages());

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryLanguageHasEveryKeyOfEnglishWithTheSamePlaceholders(string language)
    {
        var english = Texts("en");
        var other = Texts(language);
        Assert.Empty(english.Keys.Except(other.Keys));
        Assert.Empty(other.Keys.Except(english.Keys));
        foreach (var (key, text) in english)
        {
            string Names(string s) => string.Join(",", Placeholder().Matches(s).Select(m => m.Value).Order());
            Assert.True(Names(text) == Names(other[key]), $"{language}.json changes the placeholders of {key}");
            Assert.False(string.IsNullOrWhiteSpace(other[key]), $"{language}.json has an empty {key}");
        }
    }

    [Fact]
    public void EveryKeyThePageNamesIsInEnglish()
    {
        var english = Texts("en");
        string html = File.ReadAllText(Path.Combine(WebRoot, "index.html")) + File.ReadAllText(Path.Combine(WebRoot, "take-home", "index.html"));
        var named = Regex.Matches(html, @"data-i18n(?:-aria-label)?=""([^""]+)""").Select(m => m.Groups[1].Value).ToList();
        foreach (string script in Directory.GetFiles(Path.Combine(WebRoot, "js"), "*.js"))
        {
            named.AddRange(Regex.Matches(File.ReadAllText(script), @"\bt\(""([^""]+)""").Select(m => m.Groups[1].Value));
        }
        Assert.True(named.Count > 30, $"only {named.Count} keys found: the patterns above no longer match the page");
        Assert.All(named, k => Assert.True(english.ContainsKey(k), $"en.json has no {k}"));
    }

    [Fact]
    public void EveryValueTheServerSendsAsAKeyHasItsText()
    {
        var english = Texts("en");
        var keys = new List<string>();
        keys.AddRange(new[] { "low", "normal", "high", "unclear", "missing" }.Select(a => "arch." + a));
        keys.AddRange(new[] { "even", "little-left", "little-right", "clearly-left", "clearly-right" }.Select(b => "balance." + b));
        keys.AddRange(ShopperAnswers.Activities.Select(a => "activity." + a));
        keys.AddRange(Product.Categories.Select(c => "category." + c));
        Assert.All(keys, k => Assert.True(english.ContainsKey(k), $"en.json has no {k}"));
    }

    [Theory]
    [InlineData(50, 50, "even")]
    [InlineData(53, 47, "little-left")]
    [InlineData(44, 56, "clearly-right")]
    public void TheBalanceTravelsAsAKey(double left, double right, string key)
    {
        var profile = FootProfile.From(SyntheticFeet.Report("normal", 70_000) with { LoadLeftPct = left, LoadRightPct = right });
        var balance = ShopperView.Balance(profile)!;
        Assert.Equal("balance." + key, balance.Id);
        Assert.Equal(Texts("en")[balance.Id], balance.Text);
    }
}
