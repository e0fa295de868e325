namespace Kiosk.Display.Tests;

public sealed class CatalogCsvTests
{
    private const string Header = "sku,name,category,arch_support,cushioning,stability,size_min,size_max,stock,price";

    [Fact]
    public void ExportedCatalogReadsBackTheSame()
    {
        var (seed, problems) = CatalogCsv.Parse(File.ReadAllText(StoreInitializer.DemoCatalogPath));
        Assert.Empty(problems);
        Assert.InRange(seed.Count, 12, 20);
        Assert.Contains(seed, p => p.Width == "wide");
        Assert.Contains(seed, p => p.Width == "narrow");
        var tricky = seed.Append(new Product(0, "Q-1", "Name, with \"quotes\"\nand a line", "insole", 1, 2, 3, 36.5, 44, 1, 9.99m));
        var (back, again) = CatalogCsv.Parse(CatalogCsv.Write(tricky));
        Assert.Empty(again);
        Assert.Equal(tricky, back);
    }

    [Theory]
    [InlineData("X-1,Name,insole,2,2,2,36,46,4,20\nX-2,Name,boots,2,2,2,36,46,4,20", 3, 3, "category")]
    [InlineData("X-1,Name,insole,2,2,2,36,46,4,20\nX-1,Again,insole,2,2,2,36,46,4,20", 3, 1, "sku")]
    [InlineData("X-1,Name,insole,2,2,2,36,46,4,20,5", 2, 11, "retired")]
    [InlineData("X-1,Name,insole,4,2,2,36,46,4,20", 2, 4, "arch_support")]
    [InlineData("X-1,Name,insole,2,2,2,36,46,4,1,50", 2, 11, "retired")]
    [InlineData("X-1,Name,insole,2,2,2,36,46,4,20,no,extra-wide", 2, 12, "width")]
    [InlineData("X-1,Name,insole,2,2,2,36,46,4,\"20", 2, 10, "")]
    [InlineData("X-1,Name,insole,2,2", 2, 0, "")]
    public void BadRowIsReportedByLineAndColumn(string rows, int line, int column, string columnName)
    {
        var (products, problems) = CatalogCsv.Parse(Header + "\n" + rows);
        Assert.Empty(products);
        var problem = problems[0];
        Assert.Equal((line, column, columnName), (problem.Line, problem.Column, problem.ColumnName));
        Assert.Contains($"line {line}", problem.ToString());
    }

    [Fact]
    public void AFileWithoutTheWidthColumnImportsAsStandardFitting()
    {
        var (products, problems) = CatalogCsv.Parse(Header + ",retired\nX-1,Name,insole,2,2,2,36,46,4,20,no\nX-2,Other,insole,2,2,2,36,46,4,20");
        Assert.Empty(problems);
        Assert.All(products, p => Assert.Equal("standard", p.Width));
    }

    [Theory]
    [InlineData("")]
    [InlineData("name,sku\nA,B")]
    public void MissingOrWrongHeaderIsReportedOnLineOne(string text)
    {
        var (_, problems) = CatalogCsv.Parse(text);
        Assert.Equal(1, Assert.Single(problems).Line);
    }
}
