namespace Kiosk.Display.Tests;

/// <summary>The shoe size a foot length implies (Recommend/ShoeSize.cs gives the rule and its source).</summary>
public sealed class ShoeSizeTests
{
    /// <summary>Worked through by hand from the rule: last = foot + 15 mm; EU = 1.5 x last cm; UK = 3 x last in - 25; US men UK + 1, women UK + 2.5.</summary>
    [Theory]
    [InlineData(245, 39, 5.5, 6.5, 8)]
    [InlineData(262, 41.5, 7.5, 8.5, 10)]
    [InlineData(270, 43, 8.5, 9.5, 11)]
    [InlineData(290, 46, 11, 12, 13.5)]
    public void FootLengthGivesTheSizeInEverySystem(double footMm, double eu, double uk, double usMen, double usWomen)
    {
        var size = ShoeSize.FromFootLength(footMm)!;
        Assert.Equal((eu, uk, usMen, usWomen), (size.Eu, size.Uk, size.UsMen, size.UsWomen));
    }

    [Fact]
    public void SystemsAgreeWithTheUsualConversionBetweenThem()
    {
        // UK to EU, as conversion charts give it: EU = 1.27 x (UK + 25) (both from the same last); within the half-size rounding.
        for (double foot = 220; foot <= 310; foot += 2.5)
        {
            var size = ShoeSize.FromFootLength(foot)!;
            Assert.InRange(size.Eu - 1.27 * (size.Uk + 25), -0.9, 0.9);
            Assert.Equal(size.Uk + 1, size.UsMen);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData(170.0)] // a child's foot: their UK and US scales start again at 0
    [InlineData(400.0)] // not a foot read right
    public void NoSizeForAChildOrAnImplausibleLength(double? footMm) => Assert.Null(ShoeSize.FromFootLength(footMm));

    [Fact]
    public void TheLongerFootDecides()
    {
        var profile = RecommendationRuleTests.Feet() with { Left = new FootFacts("normal", null, 270, 100) };
        Assert.Equal(270, profile.Size!.FootLengthMm);
    }
}
