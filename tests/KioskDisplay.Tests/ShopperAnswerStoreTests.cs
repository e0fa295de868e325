namespace Kiosk.Display.Tests;

/// <summary>The shopper's answers kept with the scan, and the catalog's width fitting, on SQLite and PostgreSQL.</summary>
public sealed class ShopperAnswerStoreTests
{
    [Fact]
    public void BothDatabasesHaveTheSameSchemaSteps() =>
        Assert.Equal(SqliteMigrations.Steps.Select(s => (s.Version, s.Name)), PostgresMigrations.Steps.Select(s => (s.Version, s.Name)));

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task AnswersAreKeptWithTheScanAndExpireWithIt(string kind)
    {
        await using var test = await TestStore.CreateAsync(kind);
        var scans = test.Stores.Scans;
        var now = DateTimeOffset.UtcNow;
        await scans.SaveResultAsync(TestScans.Result("answered", at: now.AddDays(-40)));
        await scans.SaveResultAsync(TestScans.Result("quiet", at: now.AddDays(-1)));
        var answers = ShopperAnswers.None.With("running", new Dictionary<string, bool> { ["diabetes"] = true, ["swelling"] = false })!;

        Assert.True(await scans.SaveAnswersAsync("answered", answers));
        Assert.False(await scans.SaveAnswersAsync("no-such-scan", answers));
        var stored = (await test.Open().Scans.GetScanAsync("answered"))!.Answers!;
        Assert.Equal("running", stored.Activity);
        Assert.Equal(answers.Signs.OrderBy(s => s.Key), stored.Signs.OrderBy(s => s.Key));
        Assert.Null((await scans.GetScanAsync("quiet"))!.Answers); // nothing answered is not "everything no"

        Assert.Equal(1, await scans.DeleteScansBeforeAsync(now.AddDays(-30)));
        Assert.Null(await scans.GetScanAsync("answered"));
    }

    [Theory]
    [InlineData("not json", "everyday", 0)]
    [InlineData("{\"activity\":\"skydiving\",\"signs\":{\"diabetes\":true,\"star-sign\":true}}", "everyday", 1)]
    [InlineData("{\"activity\":\"walking\"}", "everyday", 0)]
    public void StoredAnswersALaterVersionNoLongerAsksAreDropped(string json, string activity, int signs)
    {
        var answers = ShopperAnswers.FromJson(json);
        Assert.Equal((activity, signs), (answers.Activity, answers.Signs.Count));
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task TheWidthFittingIsKeptAddedUpdatedAndImported(string kind)
    {
        await using var test = await TestStore.CreateAsync(kind);
        var catalog = test.Stores.Catalog;
        var wide = new Product(0, "W-1", "Wide walker", "walking-shoe", 2, 2, 2, 36, 46, 3, 90m, Width: "wide");
        long id = await catalog.AddProductAsync(wide);
        Assert.Equal("wide", (await catalog.GetProductAsync(id))!.Width);
        await catalog.UpdateProductAsync(wide with { Id = id, Width = "narrow" });
        Assert.Equal("narrow", (await catalog.GetProductAsync(id))!.Width);
        await catalog.ImportProductsAsync([wide with { Width = "standard" }, wide with { Sku = "W-2", Width = "wide" }]);
        Assert.Equal(["standard", "wide"], (await catalog.ListProductsAsync(true)).OrderBy(p => p.Sku).Select(p => p.Width));
    }
}
