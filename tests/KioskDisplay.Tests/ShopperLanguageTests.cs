namespace Kiosk.Display.Tests;

/// <summary>A store in another language and currency: the shopper reads its texts, its number format and its prices.</summary>
[Collection("browser")]
public sealed class ShopperLanguageTests(BrowserFixture browser)
{
    [Fact]
    public async Task AGermanStoreInSwissFrancsShowsGermanTextsAndPricesInFrancs()
    {
        await using var server = KioskServer.WithFastVirtualMat(("Kiosk:Culture", "de-CH"), ("Kiosk:Currency", "CHF"));
        var page = await browser.PageAsync(baseAddress: server.StartKestrel(), timeoutMs: 30_000);
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("#idle >> text=Kostenloser Fuß-Scan");
        Assert.Equal("de", await page.GetAttributeAsync("html", "lang"));
        await page.WaitForSelectorAsync("#result:not([hidden])");
        Assert.Equal("Ihre Füße", await page.InnerTextAsync("#result h1"));
        Assert.All(await page.Locator(".arch").AllInnerTextsAsync(), a => Assert.Equal("Flaches / niedriges Gewölbe", a));
        Assert.Contains("Orientierung, keine Diagnose", await page.InnerTextAsync(".result-foot"));
        // Swiss German writes francs before the amount, with a point for decimals: "CHF 39.90".
        var prices = await page.Locator("#products .price").AllInnerTextsAsync();
        Assert.NotEmpty(prices);
        Assert.All(prices, p => Assert.Matches(@"^CHF\s[\d’']+\.\d\d$", p));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnUnknownCultureOrCurrencyStopsTheStartWithAClearMessage()
    {
        foreach (var (key, value, words) in new[] { ("Kiosk:Culture", "xx-NOPE", "Kiosk:Culture"), ("Kiosk:Currency", "euro", "Kiosk:Currency") })
        {
            await using var server = new KioskServer(settings: new() { [key] = value });
            var error = Assert.ThrowsAny<Exception>(() => server.Client());
            Assert.Contains(words, error.ToString());
        }
    }
}
