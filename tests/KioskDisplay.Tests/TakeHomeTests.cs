using System.Text.Json;
using Kiosk.Display.Endpoints;
using Kiosk.Display.Recommend;
using Kiosk.Display.Storage;
using Kiosk.Display.TakeHome;
using Microsoft.Playwright;
using ZXing;
using ZXing.Common;

namespace Kiosk.Display.Tests;

/// <summary>
/// Something to take home: the QR code on the result, read off the kiosk's screen as a phone's camera would, opens
/// the shopper's result on a phone-sized browser with no account, from the link alone.
/// </summary>
[Collection("browser")]
public sealed class TakeHomeTests(BrowserFixture browser)
{
    /// <summary>The text of the QR code as the screen shows it: a screenshot of the code, decoded by ZXing.</summary>
    private static async Task<string> ReadQrCodeAsync(IPage page)
    {
        byte[] png = await page.Locator("#qr").ScreenshotAsync();
        string pixels = await page.EvaluateAsync<string>("""
            async (png) => {
              const image = new Image();
              image.src = "data:image/png;base64," + png;
              await image.decode();
              const canvas = document.createElement("canvas");
              canvas.width = image.naturalWidth; canvas.height = image.naturalHeight;
              const context = canvas.getContext("2d");
              context.drawImage(image, 0, 0);
              const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
              let binary = "";
              for (let i = 0; i < data.length; i += 8192) binary += String.fromCharCode(...data.subarray(i, i + 8192));
              return canvas.width + "x" + canvas.height + ":" + btoa(binary);
            }
            """, Convert.ToBase64String(png));
        var (size, rgba) = (pixels[..pixels.IndexOf(':')], Convert.FromBase64String(pixels[(pixels.IndexOf(':') + 1)..]));
        int width = int.Parse(size.Split('x')[0]), height = int.Parse(size.Split('x')[1]);
        var source = new RGBLuminanceSource(rgba, width, height, RGBLuminanceSource.BitmapFormat.RGBA32);
        var result = new ZXing.QrCode.QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
            new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true });
        Assert.True(result is not null, $"the QR code on the screen ({width}x{height} px) does not decode");
        return result.Text;
    }

    [Fact]
    public async Task ThePhoneOpensTheShoppersResultFromTheCodeOnTheScreen()
    {
        var kiosk = await browser.PageAsync(1080, 1920);
        await kiosk.GotoAsync("/");
        await kiosk.WaitForSelectorAsync("#idle:not([hidden])");
        await kiosk.WaitForSelectorAsync("#take-home:not([hidden]) #qr svg");
        await kiosk.ScreenshotAsync(new() { Path = Path.Combine(ShopperResultLayoutTests.ScreenshotFolder, "take-home-kiosk-1080x1920.png") });
        string link = await ReadQrCodeAsync(kiosk);
        var arches = await kiosk.Locator("#feet .arch").AllInnerTextsAsync();
        var products = await kiosk.Locator("#products .product-head b").AllInnerTextsAsync();
        await kiosk.Context.CloseAsync();
        Assert.StartsWith(new Uri(browser.BaseAddress, "/take-home/#").ToString(), link);

        // A phone: small screen, touch, no cookies of the store; every request it makes is one of the page's own files.
        var phone = await browser.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true,
        });
        var page = await phone.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(new Uri(request.Url).AbsolutePath);
        await page.GotoAsync(link);
        await page.WaitForSelectorAsync("#content:not([hidden])");
        Assert.Equal(arches, await page.Locator("#feet .arch").AllInnerTextsAsync());
        var phoneProducts = await page.Locator("#products .product b").AllInnerTextsAsync();
        Assert.Equal(products, phoneProducts.Take(products.Count));
        Assert.All(await page.Locator("#products .price").AllInnerTextsAsync(), p => Assert.Contains("€", p));
        Assert.Contains("not a diagnosis", await page.InnerTextAsync(".disclaimer"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), "the phone page scrolls sideways");
        Assert.All(requests, path => Assert.Matches(@"^/(take-home/(index\.html)?|js/[\w-]+\.js|css/[\w-]+\.css|i18n/\w+\.json|favicon\.ico)$", path));
        await page.ScreenshotAsync(new() { Path = Path.Combine(ShopperResultLayoutTests.ScreenshotFolder, "take-home-phone-390x844.png"), FullPage = true });
        await phone.DisposeAsync();
    }

    [Fact]
    public async Task ALinkWithoutAScanSaysSoKindly()
    {
        var page = await browser.PageAsync(390, 844);
        await page.GotoAsync("/take-home/#not-a-scan");
        Assert.Contains("does not hold a foot scan", await page.InnerTextAsync("#problem"));
        Assert.True(await page.IsHiddenAsync("#content"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public void TheLinkCarriesTheEssentialsAndNothingThatNamesTheShopperOrTheScan()
    {
        var result = TestScans.Result("5eed00000001-42", "low");
        var product = new Product(1, "SKU-1", new string('N', 100), "insole", 3, 2, 2, 35, 48, 5, 39.90m);
        var advice = new Advice([new Recommendation(product, 5, [])], ["flat"], [new Caution("pain", "see a professional")], []);
        var link = TakeHomeLink.For("https://shop.example/scan/", result, advice, new ShopperLocale("de", "de-DE", "EUR"), new DateOnly(2025, 6, 2));

        Assert.StartsWith("https://shop.example/scan/#", link.Url);
        Assert.Contains("<svg", link.QrSvg);
        Assert.DoesNotContain("style=", link.QrSvg);
        using var payload = TakeHomeLink.Decode(link.Url[(link.Url.IndexOf('#') + 1)..]);
        var root = payload.RootElement;
        Assert.Equal("de", root.GetProperty("l").GetString());
        Assert.Equal("2025-06-02", root.GetProperty("d").GetString());
        Assert.Equal("low", root.GetProperty("f")[0].GetProperty("a").GetString());
        Assert.Equal(TakeHomeLink.MaxNameChars, root.GetProperty("p")[0][0].GetString()!.Length);
        Assert.Equal(1, root.GetProperty("r").GetInt32());
        string json = root.GetRawText();
        foreach (string secret in new[] { result.ResultId, result.DeviceId, "5eed", result.Report.TotalLoadG.ToString(), "T" + result.ScannedAt.ToString("HH") })
        {
            Assert.DoesNotContain(secret, json);
        }
        Assert.True(link.Url.Length < 600, $"a link of {link.Url.Length} characters makes a code too dense to read from a screen");
    }
}
