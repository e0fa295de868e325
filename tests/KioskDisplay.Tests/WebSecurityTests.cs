using System.Text;
using System.Text.RegularExpressions;

namespace Kiosk.Display.Tests;

/// <summary>
/// What every response and every state-changing request must hold: security headers with a CSP that allows no inline
/// script, changes refused from another site, and bad input answered with 400 and words instead of a 500.
/// </summary>
public sealed partial class WebSecurityTests : DisplayPerTest
{
    [Theory]
    [InlineData("/", null)]
    [InlineData("/login", null)]
    [InlineData("/js/heatmap.js", null)]
    [InlineData("/api/staff/catalog", null)]
    [InlineData("/staff", "staff")]
    [InlineData("/tech", "tech")]
    [InlineData("/no-such-page", null)]
    public async Task EveryResponseCarriesTheSecurityHeaders(string path, string? user)
    {
        var client = user is null ? server.Client() : await server.SignedInAsync(user);
        var response = await client.GetAsync(path);

        string csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task NoPageHasInlineScriptOrEventHandlerAttributes()
    {
        await server.Get<IScanStore>().SaveResultAsync(TestScans.Result("inline-check-1", "high"));
        var staff = await server.SignedInAsync("staff");
        var tech = await server.SignedInAsync("tech");
        long productId = (await server.Get<ICatalogStore>().ListProductsAsync(true))[0].Id;
        var pages = new (HttpClient Client, string Path)[]
        {
            (server.Client(), "/"), (server.Client(), "/login"), (staff, "/staff"), (staff, "/staff/scan/inline-check-1"),
            (staff, "/staff/report/inline-check-1"), (staff, "/staff/catalog"), (staff, $"/staff/product?id={productId}"),
            (staff, "/staff/import"), (staff, "/staff/settings"), (tech, "/tech"),
        };
        foreach (var (client, path) in pages)
        {
            var response = await client.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode}");
            string html = await response.Content.ReadAsStringAsync();
            Assert.False(InlineScript().IsMatch(html), $"{path} has an inline <script>: the CSP blocks it");
            Assert.False(EventHandlerAttribute().IsMatch(html), $"{path} has an on...= attribute: the CSP blocks it");
        }
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[^>]+\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();

    [Fact]
    public async Task ChangesFromAnotherSiteAreRefusedAndFromThisOneTaken()
    {
        var staff = await server.SignedInAsync("staff");
        long id = (await server.Get<ICatalogStore>().ListProductsAsync(true))[0].Id;

        // A form on another site posting to the display with the signed-in staff member's cookie.
        var import = new HttpRequestMessage(HttpMethod.Post, "/api/staff/catalog/import") { Content = new StringContent("sku,name\n", Encoding.UTF8, "text/plain") };
        import.Headers.Add("Origin", "http://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.SendAsync(import)).StatusCode);
        var retire = new HttpRequestMessage(HttpMethod.Post, $"/api/staff/catalog/{id}/retire") { Content = new FormUrlEncodedContent([]) };
        retire.Headers.Add("Sec-Fetch-Site", "cross-site");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.SendAsync(retire)).StatusCode);
        var login = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { name = "staff", password = "staff" }) };
        login.Headers.Add("Sec-Fetch-Site", "same-site"); // another port or subdomain is another origin too
        Assert.Equal(HttpStatusCode.Forbidden, (await server.Client().SendAsync(login)).StatusCode);
        Assert.False((await server.Get<ICatalogStore>().GetProductAsync(id))!.Retired);

        var sameSite = new HttpRequestMessage(HttpMethod.Post, $"/api/staff/catalog/{id}/retire") { Content = new FormUrlEncodedContent([]) };
        sameSite.Headers.Add("Sec-Fetch-Site", "same-origin");
        sameSite.Headers.Add("Origin", "http://localhost");
        Assert.Equal(HttpStatusCode.NoContent, (await staff.SendAsync(sameSite)).StatusCode);
        Assert.True((await server.Get<ICatalogStore>().GetProductAsync(id))!.Retired);
    }

    [Theory]
    [InlineData("/staff?date=9999-12-31")]
    [InlineData("/staff?date=0001-01-01")]
    [InlineData("/api/staff/scans?date=9999-12-31")]
    public async Task ADayOutsideTheCalendarIsABadRequestWithAMessage(string path)
    {
        var staff = await server.SignedInAsync("staff");
        var response = await staff.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("date", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    public async Task ASizeThatIsNoNumberIsABadRequestOnTheFormAndTheApi(string size)
    {
        var staff = await server.SignedInAsync("staff");
        var product = (await server.Get<ICatalogStore>().ListProductsAsync(true))[0];
        string page = await staff.GetStringAsync($"/staff/product?id={product.Id}");
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value,
            ["sku"] = product.Sku, ["name"] = product.Name, ["category"] = product.Category, ["archSupport"] = "2", ["cushioning"] = "2",
            ["stability"] = "2", ["sizeMin"] = size, ["sizeMax"] = "46", ["stock"] = "3", ["price"] = "10",
        };
        var onPage = await staff.PostAsync($"/staff/product?id={product.Id}", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.BadRequest, onPage.StatusCode);
        Assert.Contains("smallest size", await onPage.Content.ReadAsStringAsync());

        string json = $$"""{"sku":"NAN-1","name":"n","category":"insole","archSupport":1,"cushioning":1,"stability":1,"sizeMin":"{{size}}","sizeMax":46,"stock":1,"price":1}""";
        var onApi = await staff.PostAsync("/api/staff/catalog", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, onApi.StatusCode);
        Assert.Contains("size", await onApi.Content.ReadAsStringAsync());
        Assert.Equal(product.SizeMin, (await server.Get<ICatalogStore>().GetProductAsync(product.Id))!.SizeMin);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task AnUnreadableBodyIsABadRequestThatSaysWhereAndNoErrorInTheLog(string environment)
    {
        // Before: Development logged each as an unhandled exception with its stack trace; Production answered a bare 400.
        await using var display = new KioskServer(environment: environment);
        var shopper = display.Client();
        const string Body = """{"resultId":"240ac4123456-1","sessionId":"s1","answers":{"knee-hip-pain":"often"}}""";

        var response = await shopper.PostAsync("/api/shopper/advice", new StringContent(Body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string answer = await response.Content.ReadAsStringAsync();
        Assert.Contains("$.answers", answer);
        Assert.DoesNotContain("   at ", answer);
        Assert.DoesNotContain(display.Logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }
}
