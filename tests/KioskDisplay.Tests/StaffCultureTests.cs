using System.Globalization;
using System.Text.RegularExpressions;

namespace Kiosk.Display.Tests;

/// <summary>
/// The staff's prices and sizes, whatever the machine's language and the store's currency. The product form shows and
/// saves a price and a half size the same on a kiosk whose machine is set to German as on any other: the number fields
/// get "39.90" (not "39,90", which a number field shows as empty), and the browser's "49.90" is saved as 49.90. The
/// catalog and the form say the currency the prices are in (Kiosk:Currency), as the shopper's page does.
/// </summary>
public sealed class StaffCultureTests
{
    [Fact]
    public async Task OnAMachineSetToGermanTheProductFormShowsAndSavesPricesAndHalfSizes()
    {
        await using var server = new KioskServer();
        server.Server.PreserveExecutionContext = true; // the requests run in the test's culture, as in the machine's
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        var staff = await server.SignedInAsync("staff");
        var catalog = server.Get<ICatalogStore>();
        var product = (await catalog.ListProductsAsync(true)).First(p => p.Price % 1 != 0);

        string page = await staff.GetStringAsync($"/staff/product?id={product.Id}");
        Assert.Contains($"name=\"price\" type=\"number\" step=\"0.01\" min=\"0\" value=\"{product.Price.ToString(CultureInfo.InvariantCulture)}\"", page);

        var fields = new Dictionary<string, string>(); // the form as the page filled it in
        foreach (Match field in Regex.Matches(page, "<input name=\"(\\w+)\"[^>]* value=\"([^\"]*)\""))
        {
            fields[field.Groups[1].Value] = System.Net.WebUtility.HtmlDecode(field.Groups[2].Value);
        }
        fields["price"] = "49.90";
        fields["sizeMin"] = "35.5";
        fields["category"] = product.Category;
        fields["archSupport"] = fields["cushioning"] = fields["stability"] = "2";
        fields["width"] = product.Width;
        fields.Remove("retired"); // a checkbox: sent only when ticked
        fields["__RequestVerificationToken"] = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var saved = await staff.PostAsync($"/staff/product?id={product.Id}", new FormUrlEncodedContent(fields));

        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var stored = (await catalog.GetProductAsync(product.Id))!;
        Assert.Equal((49.90m, 35.5), (stored.Price, stored.SizeMin));
        Assert.Matches("<h1>Scans of [A-Z][a-z]+day [0-9]+ [A-Z][a-z]+ 20[0-9]{2}", await staff.GetStringAsync("/staff")); // English, as the page is
    }

    [Fact]
    public async Task TheCatalogAndTheProductFormSayInWhichCurrencyPricesAre()
    {
        await using var server = new KioskServer(settings: new() { ["Kiosk:Currency"] = "GBP" });
        var staff = await server.SignedInAsync("staff");
        Assert.Contains("<th>Price (GBP)</th>", await staff.GetStringAsync("/staff/catalog"));
        Assert.Contains("<label>Price (GBP) <input name=\"price\"", await staff.GetStringAsync("/staff/product"));
    }
}
