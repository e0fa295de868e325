using System.Text;

namespace Kiosk.Display.Tests;

/// <summary>
/// The catalog's CSV in both directions is safe to hand around: an exported cell never starts a spreadsheet formula,
/// and an import is capped in bytes and rows, so a huge file is refused with a message instead of taking the server.
/// </summary>
public sealed class CatalogCsvSafetyTests : DisplayPerTest
{
    private const string Header = "sku,name,category,arch_support,cushioning,stability,size_min,size_max,stock,price";


    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"click\")")]
    [InlineData("+cmd|' /C calc'!A0")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A9)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public void ExportedCellsNeverStartAFormulaAndReadBackAsTheyWere(string name)
    {
        var product = new Product(0, name.Trim().Length > 0 ? "F-" + (int)name[0] : "F", name, "insole", 1, 2, 3, 36, 44, 1, 9.99m);
        string csv = CatalogCsv.Write([product with { Sku = "=SKU" }]);

        string[] cells = csv.Split("\r\n")[1].Split(',');
        Assert.StartsWith("'=", cells[0]);
        string nameCell = csv.Split("\r\n", 2)[1];
        nameCell = nameCell[(nameCell.IndexOf(',') + 1)..].TrimStart('"');
        Assert.StartsWith("'", nameCell);

        var (back, problems) = CatalogCsv.Parse(csv);
        Assert.Empty(problems);
        Assert.Equal(product with { Sku = "=SKU" }, Assert.Single(back));
    }

    [Fact]
    public async Task AnImportLargerThanTheCapIsRefusedWithAMessageAndNothingImported()
    {
        var staff = await server.SignedInAsync("staff");
        int before = (await server.Get<ICatalogStore>().ListProductsAsync(true)).Count;
        var big = new StringBuilder(Header).Append('\n');
        for (int i = 0; big.Length <= CatalogCsv.MaxBytes; i++)
        {
            big.Append($"BIG-{i},A product with a long name to fill the file quickly {i},insole,2,2,2,36,46,4,20\n");
        }

        var response = await staff.PostAsync("/api/staff/catalog/import", new StringContent(big.ToString(), Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("MB", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, (await server.Get<ICatalogStore>().ListProductsAsync(true)).Count);
    }

    [Fact]
    public async Task AnImportWithMoreRowsThanTheCapIsRefusedWithAMessage()
    {
        var staff = await server.SignedInAsync("staff");
        var many = new StringBuilder(Header).Append('\n');
        for (int i = 0; i <= CatalogCsv.MaxProducts; i++)
        {
            many.Append($"R-{i},P,insole,2,2,2,36,46,4,20\n");
        }
        Assert.True(many.Length < CatalogCsv.MaxBytes);

        var response = await staff.PostAsync("/api/staff/catalog/import", new StringContent(many.ToString(), Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"at most {CatalogCsv.MaxProducts}", await response.Content.ReadAsStringAsync());
        Assert.Null((await server.Get<ICatalogStore>().ListProductsAsync(true)).FirstOrDefault(p => p.Sku == "R-0"));
    }

    [Fact]
    public void TheParserStopsReadingAtTheRowCap()
    {
        var many = new StringBuilder(Header).Append('\n');
        for (int i = 0; i < 3 * CatalogCsv.MaxProducts; i++)
        {
            many.Append("R,P\n");
        }
        var (products, problems) = CatalogCsv.Parse(many.ToString());
        Assert.Empty(products);
        Assert.Contains($"at most {CatalogCsv.MaxProducts}", Assert.Single(problems).Message);
    }
}
