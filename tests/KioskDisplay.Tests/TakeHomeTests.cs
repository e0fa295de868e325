using Kiosk.Display.Endpoints;
using Kiosk.Display.TakeHome;
using Microsoft.Playwright;
using ZXing;

namespace Kiosk.Display.Tests;

/// <summary>
/// Something to take home: the QR code on the result, read off the kiosk's screen as a phone's camera would, opens
/// the shopper's result on a phone-sized browser with no account, from the link alone.
/// </summary>
[Collection("browser")]
public sealed class TakeHomeTests(BrowserFixture browser)
{
    /// <summary>
    /// The text of the QR code as the screen shows it: a screenshot of the code, decoded by ZXing (at the screen's
    /// pixels, then enlarged two times without smoothing, as a phone's camera sees it larger); null when none decodes.
    /// </summary>
    private static async Task<string?> ReadQrCodeAsync(IPage page, string savePath)
    {
        byte[] png = await page.Locator("#qr svg").ScreenshotAsync(); // the code and its quiet zone, as a camera would frame it
        await File.WriteAllBytesAsync(savePath, png);
        foreach (int scale in new[] { 1, 2 })
        {
            string pixels = await page.EvaluateAsync<string>("""
                async ([png, scale]) => {
                  const image = new Image();
                  image.src = "data:image/png;base64," + png;
                  await image.decode();
                  const canvas = document.createElement("canvas");
                  canvas.width = image.naturalWidth * scale; canvas.height = image.naturalHeight * scale;
                  const context = canvas.getContext("2d");
                  context.imageSmoothingEnabled = false;
                  context.drawImage(image, 0, 0, canvas.width, canvas.height);
                  const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
                  let binary = "";
                  for (let i = 0; i < data.length; i += 8192) binary += String.fromCharCode(...data.subarray(i, i + 8192));
                  return canvas.width + "x" + canvas.height + ":" + btoa(binary);
                }
                """, new object[] { Convert.ToBase64String(png), scale });
            int colon = pixels.IndexOf(':');
            var size = pixels[..colon].Split('x').Select(int.Parse).ToArray();
            var source = new RGBLuminanceSource(Convert.FromBase64String(pixels[(colon + 1)..]), size[0], size[1], RGBLuminanceSource.BitmapFormat.RGBA32);
            var reader = new BarcodeReaderGeneric { Options = { TryHarder = true, PossibleFormats = [BarcodeFormat.QR_CODE] } };
            if (reader.Decode(source) is { } result) return result.Text;
        }
        return null;
    }

    [Fact]
    public async Task ThePhoneOpensTheShoppersResultFromTheCodeOnTheScreen()
    {
        // A real result off the server's event stream, held on the kiosk page (the virtual mat's shoppers stay only a
        // few seconds, and the page moves to its second view after 20, less than a screenshot and a decode may take
        // on a loaded machine).
        var kiosk = await browser.PageAsync(1080, 1920);
        await ShopperStream.HoldAsync(kiosk, await ShopperStream.NextResultJsonAsync(browser.BaseAddress));
        await kiosk.WaitForSelectorAsync("#take-home:not([hidden]) #qr svg");
        var arches = await kiosk.Locator("#feet .arch").AllInnerTextsAsync();
        var products = await kiosk.Locator("#products .product-head b").AllInnerTextsAsync();
        await kiosk.ScreenshotAsync(new() { Path = Path.Combine(ShopperResultLayoutTests.ScreenshotFolder, "take-home-kiosk-1080x1920.png") });
        string qrPicture = Path.Combine(ShopperResultLayoutTests.ScreenshotFolder, "take-home-qr-1080x1920.png");
        string link = await ReadQrCodeAsync(kiosk, qrPicture) ?? throw new Xunit.Sdk.XunitException($"the QR code on the screen does not decode: {qrPicture}");
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
        // The longest a result can make the link: four products (one more than goes), names of the catalog's 120 characters.
        var products = Enumerable.Range(1, 4).Select(i => new Recommendation(
            new Product(i, $"SKU-{i}", new string('N', 120), "walking-shoe", 3, 2, 2, 35, 48, 5, 12345.67m), 5, [])).ToList();
        var advice = new Advice([new AdviceLine("referral.knee-hip-pain", "see a professional")], [], [], products,
            new AdviceLine("products.note", "try them on"), ["flat"], []);
        var link = TakeHomeLink.For("https://shop.example/scan/", result, advice, new ShopperLocale("de", "de-DE", "EUR"), new DateOnly(2025, 6, 2));

        Assert.StartsWith("https://shop.example/scan/#", link.Url);
        Assert.Contains("<svg", link.QrSvg);
        Assert.DoesNotContain("style=", link.QrSvg);
        using var payload = TakeHomeLink.Decode(link.Url[(link.Url.IndexOf('#') + 1)..]);
        var root = payload.RootElement;
        Assert.Equal("de", root.GetProperty("l").GetString());
        Assert.Equal("2025-06-02", root.GetProperty("d").GetString());
        Assert.Equal("low", root.GetProperty("f")[0].GetProperty("a").GetString());
        Assert.Equal(TakeHomeLink.MaxProducts, root.GetProperty("p").GetArrayLength());
        Assert.Equal(TakeHomeLink.MaxNameChars, root.GetProperty("p")[0][0].GetString()!.Length);
        Assert.Equal(1, root.GetProperty("r").GetInt32());
        string json = root.GetRawText();
        foreach (string secret in new[] { result.ResultId, result.DeviceId, "5eed", result.Report.TotalLoadG.ToString(), "T" + result.ScannedAt.ToString("HH") })
        {
            Assert.DoesNotContain(secret, json);
        }
        // 480 characters is a version-13 code (69 modules): over 3.5 pixels a module at the kiosk's size.
        Assert.True(link.Url.Length <= 480, $"a link of {link.Url.Length} characters makes a code too dense to read from a screen");
    }
}
