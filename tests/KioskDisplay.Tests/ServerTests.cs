using System.Text;
using Microsoft.Extensions.Options;

namespace Kiosk.Display.Tests;

/// <summary>The display over HTTP (in-memory server, no demo feed): login, catalog, CSV import, results, expiry.</summary>
public sealed class ServerTests : DisplayPerTest
{
    [Theory]
    [InlineData("/staff")]
    [InlineData("/staff/catalog")]
    [InlineData("/staff/import")]
    [InlineData("/staff/settings")]
    [InlineData("/tech")]
    public async Task StaffPagesRedirectToLoginWithoutSignIn(string path)
    {
        var response = await server.Client().GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/api/staff/catalog")]
    [InlineData("/api/staff/scans")]
    [InlineData("/api/staff/catalog/export")]
    [InlineData("/api/tech/devices")]
    public async Task StaffApisAnswer401WithoutSignIn(string path)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client().GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task StaffUserIsForbiddenTechnicianPagesAndApis()
    {
        var staff = await server.SignedInAsync("staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/tech")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/tech/devices")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/staff")).StatusCode);
    }

    [Fact]
    public async Task TechnicianIsForbiddenStaffPagesButSeesDevices()
    {
        var tech = await server.SignedInAsync("tech");
        Assert.Equal(HttpStatusCode.Forbidden, (await tech.GetAsync("/staff/catalog")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tech.GetAsync("/tech")).StatusCode);
    }

    [Fact]
    public async Task WrongPasswordIsRefused()
    {
        var response = await server.Client().PostAsJsonAsync("/api/auth/login", new { name = "staff", password = "nope" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var page = await server.Client().PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "staff", ["password"] = "x" }));
        Assert.NotEqual(HttpStatusCode.InternalServerError, page.StatusCode);
    }

    [Fact]
    public async Task CatalogAddEditRetireAndExport()
    {
        var staff = await server.SignedInAsync("staff");
        var product = new Product(0, "TST-1", "Test Insole", "insole", 3, 2, 3, 36, 46, 5, 30m);
        var created = await staff.PostAsJsonAsync("/api/staff/catalog", product);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        long id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var edited = await staff.PutAsJsonAsync($"/api/staff/catalog/{id}", product with { Name = "Test Insole Pro", Stock = 9 });
        Assert.Equal(HttpStatusCode.NoContent, edited.StatusCode);
        var stored = await server.Get<ICatalogStore>().GetProductAsync(id);
        Assert.Equal(("Test Insole Pro", 9), (stored!.Name, stored.Stock));

        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/api/staff/catalog/{id}/retire", null)).StatusCode);
        Assert.DoesNotContain(await server.Get<ICatalogStore>().ListProductsAsync(includeRetired: false), p => p.Id == id);

        string csv = await staff.GetStringAsync("/api/staff/catalog/export");
        Assert.Contains("TST-1,Test Insole Pro,insole,3,2,3,36,46,9,30,yes", csv);
    }

    [Fact]
    public async Task InvalidOrDuplicateProductIsRefusedWithReasons()
    {
        var staff = await server.SignedInAsync("staff");
        var bad = await staff.PostAsJsonAsync("/api/staff/catalog", new Product(0, "", "X", "hat", 7, 2, 2, 40, 30, -1, 10m));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        string body = await bad.Content.ReadAsStringAsync();
        foreach (string field in new[] { "sku", "category", "arch_support", "size_max", "stock" }) Assert.Contains(field, body);

        var duplicate = await staff.PostAsJsonAsync("/api/staff/catalog", new Product(0, "INS-FIRM-01", "Copy", "insole", 3, 2, 3, 36, 46, 1, 10m));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("already exists", await duplicate.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PutAsJsonAsync("/api/staff/catalog/99999", new Product(0, "N-1", "N", "insole", 1, 1, 1, 36, 46, 1, 1m))).StatusCode);
    }

    private static string AntiforgeryToken(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    [Fact]
    public async Task ProductPageReportsBadValuesAndSavesGoodOnes()
    {
        var staff = await server.SignedInAsync("staff");
        var product = (await server.Get<ICatalogStore>().ListProductsAsync(true))[0];
        string page = await staff.GetStringAsync($"/staff/product?id={product.Id}");
        Assert.Contains(product.Name, page);
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(page), ["sku"] = product.Sku, ["name"] = "Renamed on the page",
            ["category"] = product.Category, ["archSupport"] = "2", ["cushioning"] = "2", ["stability"] = "2",
            ["sizeMin"] = "36", ["sizeMax"] = "46", ["stock"] = "3", ["price"] = "lots",
        };
        var bad = await staff.PostAsync($"/staff/product?id={product.Id}", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Not saved", await bad.Content.ReadAsStringAsync());
        Assert.Equal(product.Name, (await server.Get<ICatalogStore>().GetProductAsync(product.Id))!.Name);

        form["price"] = "12.50";
        var good = await staff.PostAsync($"/staff/product?id={product.Id}", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal("Renamed on the page", (await server.Get<ICatalogStore>().GetProductAsync(product.Id))!.Name);
    }

    [Fact]
    public async Task MalformedJsonGetsAProblemNotACrash()
    {
        var staff = await server.SignedInAsync("staff");
        var response = await staff.PostAsync("/api/staff/catalog", new StringContent("{ not json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var advice = await server.Client().PostAsync("/api/shopper/advice", new StringContent("[]", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, advice.StatusCode);
    }

    [Fact]
    public async Task CsvImportRefusesABadRowWholeWithItsLineAndColumn()
    {
        var staff = await server.SignedInAsync("staff");
        var before = await server.Get<ICatalogStore>().ListProductsAsync(true);
        const string csv = """
            sku,name,category,arch_support,cushioning,stability,size_min,size_max,stock,price
            NEW-1,Good Row,insole,2,2,2,36,46,4,20.00
            INS-FIRM-01,Changed Name,insole,3,2,3,35,47,abc,39.90
            NEW-2,"Quoted, fine",walking-shoe,2,2,2,36,46,4,80
            """;
        var response = await staff.PostAsync("/api/staff/catalog/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems")[0];
        Assert.Equal((3, 9, "stock"), (problem.GetProperty("line").GetInt32(), problem.GetProperty("column").GetInt32(), problem.GetProperty("columnName").GetString()));

        var after = await server.Get<ICatalogStore>().ListProductsAsync(true);
        Assert.Equal(before, after); // nothing half-imported: no new row, no changed name
    }

    [Fact]
    public async Task CsvImportAddsNewAndUpdatesKnownSkusInOneGo()
    {
        var staff = await server.SignedInAsync("staff");
        const string csv = "sku,name,category,arch_support,cushioning,stability,size_min,size_max,stock,price,retired\r\n" +
                           "NEW-1,\"New \"\"Pro\"\" Insole\",insole,2,3,2,36,46,4,20.00,no\r\n" +
                           "INS-FIRM-01,FirmStep Renamed,insole,3,2,3,35,47,0,39.90,yes\r\n";
        var response = await staff.PostAsync("/api/staff/catalog/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var products = await server.Get<ICatalogStore>().ListProductsAsync(true);
        Assert.Contains(products, p => p.Sku == "NEW-1" && p.Name == "New \"Pro\" Insole");
        Assert.Contains(products, p => p.Sku == "INS-FIRM-01" && p.Name == "FirmStep Renamed" && p.Retired);
    }

    [Fact]
    public async Task ResultIsStoredOnceAndARepeatIsStillAcknowledged()
    {
        var feed = server.Get<IScanFeed>();
        var result = TestScans.Result("mat-7-0001");
        var first = await feed.PublishResultAsync(result);
        var second = await feed.PublishResultAsync(result with { ScannedAt = result.ScannedAt.AddSeconds(30) });
        Assert.Equal((true, true), (first.Acknowledged, first.NewlyStored));
        Assert.Equal((true, false), (second.Acknowledged, second.NewlyStored));
        var stored = await server.Get<IScanStore>().ListScansAsync(new ScanFilter(DateOnly.FromDateTime(DateTime.UtcNow)));
        Assert.Equal("mat-7-0001", Assert.Single(stored).Result.ResultId);
    }

    [Fact]
    public async Task AReusedResultIdWithAnotherScanIsShownToTheShopperAndLoggedForTheTechnician()
    {
        // Before: the store's ON CONFLICT DO NOTHING acked the new scan and dropped it; the shopper saw nothing.
        var feed = server.Get<IScanFeed>();
        using var shown = feed.Subscribe();
        await feed.PublishResultAsync(TestScans.Result("240ac4000009-1", "low"));
        Assert.IsType<ResultEvent>(await shown.Reader.ReadAsync());

        var ack = await feed.PublishResultAsync(TestScans.Result("240ac4000009-1", "high"));

        Assert.Equal((true, true), (ack.Acknowledged, ack.NewlyStored));
        var next = Assert.IsType<ResultEvent>(await shown.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(("240ac4000009-1~2", "high"), (next.Result.ResultId, next.Result.Report.Left!.ArchType));
        var log = await server.Get<ILogStore>().RecentLogAsync(10);
        Assert.Contains(log, e => e.Level == "warning" && e.Message.Contains("240ac4000009-1") && e.Message.Contains("reused"));
    }

    [Fact]
    public async Task MalformedResultIsNotAcknowledgedAndNotStored()
    {
        var feed = server.Get<IScanFeed>();
        var result = TestScans.Result("bad-1");
        var ack = await feed.PublishResultAsync(result with { Summed = result.Summed with { LoadGrams = [1, 2, 3] } });
        Assert.False(ack.Acknowledged);
        Assert.Contains("expected", ack.Error);
        Assert.Null(await server.Get<IScanStore>().GetScanAsync("bad-1"));
    }

    [Fact]
    public async Task ExpiryDeletesScansOlderThanTheRetentionSetting()
    {
        var store = server.Get<IScanStore>();
        // The job also runs by itself at start-up, with the real clock; these scans are too young for that run to
        // take, and the runs below look from two days ahead.
        var now = DateTimeOffset.UtcNow.AddDays(2);
        await store.SaveResultAsync(TestScans.Result("old", at: now.AddDays(-31)));
        await store.SaveResultAsync(TestScans.Result("recent", at: now.AddDays(-5)));
        var expiry = server.Get<ScanExpiryJob>();

        Assert.Equal(1, await expiry.RunOnceAsync(now)); // default 30 days
        Assert.Null(await store.GetScanAsync("old"));
        Assert.NotNull(await store.GetScanAsync("recent"));

        var staff = await server.SignedInAsync("staff");
        var settings = await staff.GetStringAsync("/staff/settings");
        string token = AntiforgeryToken(settings);
        var saved = await staff.PostAsync("/staff/settings", new FormUrlEncodedContent(new Dictionary<string, string>
        { ["retentionDays"] = "3", ["__RequestVerificationToken"] = token }));
        Assert.Contains("kept for 3 days", await saved.Content.ReadAsStringAsync());
        Assert.Equal(1, await expiry.RunOnceAsync(now));
        Assert.Null(await store.GetScanAsync("recent"));
    }

    [Fact]
    public async Task AdviceIsRefusedForAResultThatIsNotOnTheMat()
    {
        await server.Get<IScanFeed>().PublishResultAsync(TestScans.Result("someone-else"));
        var response = await server.Client().PostAsJsonAsync("/api/shopper/advice", new { resultId = "someone-else", sessionId = "guess", activity = "running" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var unknownActivity = await server.Client().PostAsJsonAsync("/api/shopper/advice", new { resultId = "x", sessionId = "y", activity = "skydiving" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownActivity.StatusCode);
    }

    [Fact]
    public async Task TechnicianCommandIsRecordedWithWhatBecameOfIt()
    {
        await server.Get<IScanFeed>().PublishStatusAsync(new DeviceStatus("0000000000a9", "1.2.3", 100, 20, -60, 0, null, DateTimeOffset.UtcNow));
        var tech = await server.SignedInAsync("tech");
        var accepted = await tech.PostAsJsonAsync("/api/tech/devices/0000000000a9/commands", new { command = "zero" });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await tech.PostAsJsonAsync("/api/tech/devices/0000000000a9/commands", new { command = "reboot" })).StatusCode);
        var commands = await server.Get<ICommandStore>().ListCommandsAsync(10);
        // No mat with that id is connected, so the zero could not be sent, and the record says so.
        Assert.Equal("not sent: mat not connected", Assert.Single(commands).State);
        Assert.Contains("0000000000a9", await tech.GetStringAsync("/tech"));
    }

    [Theory]
    [InlineData("0000000000a9", "999 g", "not sent: the known weight must be 1000 to 200000 g")]
    [InlineData("0000000000a9", "200001", "not sent: the known weight must be 1000 to 200000 g")]
    [InlineData("mat-a9", "20000 g", "not sent: not a mat id")]
    public async Task ACalibrationTheMatWouldRefuseIsNotSentAndSaysWhy(string mat, string weight, string state)
    {
        var tech = await server.SignedInAsync("tech");
        var answer = await tech.PostAsJsonAsync($"/api/tech/devices/{mat}/commands", new { command = "calibrate", argument = weight });
        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        var commands = await server.Get<ICommandStore>().ListCommandsAsync(10, default, mat);
        Assert.Equal(state, commands.First().State);
    }

    [Fact]
    public async Task PairingFromTheTechnicianPageIsKeptInTheStore()
    {
        await server.Get<IScanFeed>().PublishStatusAsync(new DeviceStatus("0000000000b7", "1.2.3", 100, 20, -60, 0, null, DateTimeOffset.UtcNow));
        var tech = await server.SignedInAsync("tech");
        Assert.Equal(HttpStatusCode.BadRequest, (await tech.PostAsJsonAsync("/api/tech/devices/0000000000b7/commands", new { command = "pair" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await tech.PostAsJsonAsync("/api/tech/devices/0000000000b7/commands",
            new { command = "pair", argument = "00112233 44556677 8899AABB CCDDEEFF" })).StatusCode);
        var devices = await server.Get<IDeviceStore>().ListDevicesAsync();
        Assert.True(devices.Single(d => d.Status.DeviceId == "0000000000b7").Paired);
        var registry = server.Get<Kiosk.Display.MatLink.IPairingRegistry>();
        Assert.Equal(Convert.FromHexString("00112233445566778899aabbccddeeff"), await registry.PairingKeyOfAsync(0xb7, default));

        Assert.Equal(HttpStatusCode.Accepted, (await tech.PostAsJsonAsync("/api/tech/devices/0000000000b7/commands", new { command = "unpair" })).StatusCode);
        Assert.Null(await registry.PairingKeyOfAsync(0xb7, default));
    }

    [Fact]
    public async Task TechnicianPairsAWaitingMatOnItsPageWithTheKeyAndTheKeyIsNotShownAfterwards()
    {
        await server.Get<IScanFeed>().PublishStatusAsync(new DeviceStatus("0000000000c3", "1.2.3", 100, 20, -60, 0, null, DateTimeOffset.UtcNow));
        var tech = await server.SignedInAsync("tech");
        string page = await tech.GetStringAsync("/tech/device/0000000000c3");
        Assert.Contains("Not paired", page);
        Assert.Contains("name=\"key\"", page);

        async Task<string> PostAsync(Dictionary<string, string> form)
        {
            form["__RequestVerificationToken"] = AntiforgeryToken(await tech.GetStringAsync("/tech/device/0000000000c3"));
            var response = await tech.PostAsync("/tech/device/0000000000c3", new FormUrlEncodedContent(form));
            return await response.Content.ReadAsStringAsync();
        }

        string refused = await PostAsync(new() { ["command"] = "pair", ["key"] = "1234" });
        Assert.Contains("32 hex digits", refused);
        string paired = await PostAsync(new() { ["command"] = "pair", ["key"] = "c0ffee00-11223344-55667788-99aabbcc" });
        Assert.Contains("pair: paired", paired);
        Assert.Contains("Unpair", paired);
        Assert.DoesNotContain("c0ffee00", paired);
        Assert.DoesNotContain("c0ffee00", await tech.GetStringAsync("/tech"));
        Assert.Equal("c0ffee00-11223344-55667788-99aabbcc", await server.Get<IDeviceStore>().GetPairingKeyAsync("0000000000c3"));

        var unknown = await tech.GetAsync("/tech/device/0000000000ff");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("never heard from a mat", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StaffScanPagesShowAStoredScan()
    {
        await server.Get<IScanStore>().SaveResultAsync(TestScans.Result("scan-page-1", "high"));
        var staff = await server.SignedInAsync("staff");
        string list = await staff.GetStringAsync("/staff?arch=high");
        Assert.Contains("scan-page-1", list);
        Assert.DoesNotContain("scan-page-1", await staff.GetStringAsync("/staff?arch=low"));
        string scan = await staff.GetStringAsync("/staff/scan/scan-page-1");
        Assert.Contains("High arch", scan);
        Assert.Contains("[high-arch]", scan);
        Assert.Contains("pressure map of the left foot", scan);
        Assert.Contains("pressure map of the right foot", scan);
        Assert.Contains("@media print", await staff.GetStringAsync("/css/staff.css"));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/staff/report/nope")).StatusCode);
    }
}

/// <summary>Start-up checks and the store on its own.</summary>
public sealed class StoreTests
{
    [Fact]
    public async Task PostgresWithoutAConnectionIsRefusedAtStartUpWithAClearMessage()
    {
        await using var server = new KioskServer(settings: new() { ["Kiosk:Storage"] = "postgres" });
        var error = Assert.ThrowsAny<Exception>(() => server.Client());
        Assert.Contains("Kiosk:Storage=postgres needs Kiosk:PostgresConnection", error.ToString());
    }

    [Theory, PostgresData]
    public async Task DisplayRunsOnTheChainsPostgres(string kind)
    {
        await using var test = await TestStore.CreateAsync(kind);
        await using (var server = new KioskServer(settings: new()
        {
            ["Kiosk:Storage"] = "postgres",
            ["Kiosk:PostgresConnection"] = test.SchemaConnection,
        }))
        {
            var staff = await server.SignedInAsync("staff");
            Assert.IsType<PostgresDatabase>(server.Get<SqlDatabase>());
            Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/staff/catalog")).StatusCode);
            await server.Get<IScanStore>().SaveResultAsync(TestScans.Result("chain-1"));
        }
        // what the display wrote is in the shared database: the demo catalog, the start-up log line, the scan
        var store = test.Open();
        Assert.NotEmpty(await store.Catalog.ListProductsAsync(includeRetired: true));
        Assert.Contains(await store.Log.RecentLogAsync(10), l => l.Message == "display started");
        Assert.NotNull(await store.Scans.GetScanAsync("chain-1"));
    }
}
