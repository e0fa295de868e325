using System.Text;
using CsCheck;
using Kiosk.Tests.Fuzz;
using Microsoft.Extensions.Logging;

namespace Kiosk.Display.Tests.Fuzz;

/// <summary>
/// Every body the display's API accepts, posted by a stranger (or a signed-in user with a broken script): the answer
/// is never a 500, a refusal carries a message, and nothing is logged as an error. The CSV import's parser gets many
/// more cases on its own (no HTTP), and what it accepts writes back and reads again the same.
/// </summary>
public sealed class ApiFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly KioskServer server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await server.DisposeAsync();

    private const string ProductJson = """{"sku":"INS-9","name":"Arch insole","category":"insole","archSupport":3,"cushioning":2,"stability":2,"sizeMin":36,"sizeMax":46,"stock":5,"price":29.9,"retired":false,"width":"standard"}""";

    private static readonly string[] ProductFields = ["id", "sku", "name", "category", "archSupport", "cushioning", "stability", "sizeMin", "sizeMax", "stock", "price", "retired", "width"];

    private static readonly Product[] SampleProducts =
    [
        new(0, "INS-1", "Arch \"support\", firm", "insole", 3, 2, 2, 36, 46, 10, 29.90m),
        new(0, "RUN-2", "=Runner 2", "running-shoe", 2, 3, 1, 38.5, 45, 0, 119m, Retired: true, Width: "wide"),
        new(0, "WLK-3", "Walker\nline two", "walking-shoe", 1, 1, 3, 35, 42, 3, 89.5m, Width: "narrow"),
    ];

    private static readonly string CatalogSample = CatalogCsv.Write(SampleProducts);

    [Fact]
    public void TheCatalogCsvParserReadsOrNamesTheLineAndWhatAccepts()
    {
        FuzzRun.Cases(output, "catalog CSV (parser)", TextMutation.Of(CatalogSample), 20_000, text =>
        {
            var (products, problems) = CatalogCsv.Parse(text);
            Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
            if (problems.Count > 0)
            {
                Assert.Empty(products);
                return;
            }
            Assert.All(products, p => Assert.True(double.IsFinite(p.SizeMin) && double.IsFinite(p.SizeMax) && p.Name is not null && p.Sku is not null));
            // What an import takes, an export gives back and a second import reads the same.
            var again = CatalogCsv.Parse(CatalogCsv.Write(products));
            Assert.Empty(again.Problems);
            Assert.Equal(products, again.Products);
        });
    }

    [Fact]
    public async Task TheCatalogImportApiAnswersEveryFileWithoutA500()
    {
        var staff = await server.SignedInAsync("staff");
        await FuzzRun.CasesAsync(output, "catalog CSV (POST /api/staff/catalog/import)", TextMutation.Of(CatalogSample), 600,
            csv => ExpectAnswerAsync(staff, HttpMethod.Post, "/api/staff/catalog/import", csv, "text/csv"));
        AssertNothingLoggedAsAnError();
    }

    [Fact]
    public async Task EveryStaffAndTechnicianJsonBodyIsAnsweredWithoutA500()
    {
        var staff = await server.SignedInAsync("staff");
        var tech = await server.SignedInAsync("tech");
        await FuzzRun.CasesAsync(output, "product (POST /api/staff/catalog)", JsonBodies.For(ProductJson, ProductFields), 800,
            body => ExpectAnswerAsync(staff, HttpMethod.Post, "/api/staff/catalog", body));
        await FuzzRun.CasesAsync(output, "product (PUT /api/staff/catalog/{id})", Gen.Select(Gen.OneOf(1L, 2L, 0L, -1L, long.MaxValue), JsonBodies.For(ProductJson, ProductFields)), 800,
            c => ExpectAnswerAsync(staff, HttpMethod.Put, $"/api/staff/catalog/{c.Item1}", c.Item2));
        await FuzzRun.CasesAsync(output, "device command (POST /api/tech/devices/{id}/commands)",
            Gen.Select(Gen.OneOf(Gen.OneOf("240ac4123456", "5eed00000001", "x", "..", "%00", "240AC4123456"), Gen.String[1, 16]),
                JsonBodies.For("""{"command":"pair","argument":"00112233445566778899aabbccddeeff"}""", "command", "argument")), 800,
            c => ExpectAnswerAsync(tech, HttpMethod.Post, $"/api/tech/devices/{Uri.EscapeDataString(c.Item1)}/commands", c.Item2));
        AssertNothingLoggedAsAnError();
    }

    [Fact]
    public async Task EveryShopperJsonBodyIsAnsweredWithoutA500()
    {
        var shopper = server.Client();
        string[] adviceFields = ["resultId", "sessionId", "activity", "answers", "pain", "knee-hip-pain", "numbness"];
        await FuzzRun.CasesAsync(output, "advice (POST /api/shopper/advice)",
            JsonBodies.For("""{"resultId":"240ac4123456-1","sessionId":"s1","activity":"everyday","answers":{"knee-hip-pain":true},"pain":false}""", adviceFields), 800,
            body => ExpectAnswerAsync(shopper, HttpMethod.Post, "/api/shopper/advice", body));
        await FuzzRun.CasesAsync(output, "ask staff (POST /api/shopper/ask-staff)",
            JsonBodies.For("""{"resultId":"240ac4123456-1","sessionId":"s1"}""", "resultId", "sessionId"), 800,
            body => ExpectAnswerAsync(shopper, HttpMethod.Post, "/api/shopper/ask-staff", body));
        AssertNothingLoggedAsAnError();
    }

    [Fact]
    public async Task EverySignInBodyIsAnsweredWithoutA500()
    {
        // Throttling and lockout answer most of these with 429 or 423 after the first few: that is an answer too.
        var stranger = server.Client();
        await FuzzRun.CasesAsync(output, "sign-in (POST /api/auth/login)", JsonBodies.For("""{"name":"staff","password":"not-it"}""", "name", "password"), 300,
            body => ExpectAnswerAsync(stranger, HttpMethod.Post, "/api/auth/login", body));
        AssertNothingLoggedAsAnError();
    }

    private static async Task ExpectAnswerAsync(HttpClient client, HttpMethod method, string path, string body, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        using var response = await client.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{method} {path}: {(int)response.StatusCode} {text}");
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity)
        {
            Assert.False(string.IsNullOrWhiteSpace(text), $"{method} {path}: a {(int)response.StatusCode} without a message");
        }
    }

    private void AssertNothingLoggedAsAnError()
    {
        // An error with an exception is one nobody handled; a mat's malformed result is logged as an error on purpose, without one.
        var errors = server.Logs.Entries.Where(e => e.Level >= LogLevel.Error && e.Exception is not null).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(5).Select(e => $"{e.Category}: {e.Message} {e.Exception}")));
    }
}
