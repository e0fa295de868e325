namespace Kiosk.Display.Storage;

/// <summary>Catalog changes with their checks, shared by the staff pages and the staff API.</summary>
public sealed class CatalogService(ICatalogStore catalog, ILogStore log)
{
    /// <summary>The new id, or the problems (field, message) that stopped it.</summary>
    public async Task<(long? Id, IReadOnlyList<(string Field, string Message)> Problems)> AddAsync(Product product, string user, CancellationToken ct = default)
    {
        var problems = product.Problems();
        if (problems.Count > 0) return (null, problems);
        try
        {
            long id = await catalog.AddProductAsync(product, ct);
            await log.AddLogAsync("info", null, $"{user} added product {product.Sku}", ct);
            return (id, []);
        }
        catch (CatalogConflictException e)
        {
            return (null, [("sku", e.Message)]);
        }
    }

    public async Task<IReadOnlyList<(string Field, string Message)>> UpdateAsync(Product product, string user, CancellationToken ct = default)
    {
        var problems = product.Problems();
        if (problems.Count > 0) return problems;
        if (await catalog.GetProductAsync(product.Id, ct) is null) return [("id", $"no product {product.Id}")];
        try
        {
            await catalog.UpdateProductAsync(product, ct);
            await log.AddLogAsync("info", null, $"{user} changed product {product.Sku}", ct);
            return [];
        }
        catch (CatalogConflictException e)
        {
            return [("sku", e.Message)];
        }
    }

    public async Task<bool> SetRetiredAsync(long id, bool retired, string user, CancellationToken ct = default)
    {
        if (await catalog.GetProductAsync(id, ct) is not { } product) return false;
        await catalog.SetRetiredAsync(id, retired, ct);
        await log.AddLogAsync("info", null, $"{user} {(retired ? "retired" : "restored")} product {product.Sku}", ct);
        return true;
    }

    /// <summary>Imports every row or none: the count, or the problems by line and column.</summary>
    public async Task<(int Count, IReadOnlyList<CsvProblem> Problems)> ImportCsvAsync(string text, string user, CancellationToken ct = default)
    {
        var (products, problems) = CatalogCsv.Parse(text);
        if (problems.Count > 0) return (0, problems);
        if (products.Count == 0) return (0, [new CsvProblem(2, 0, "", "the file has a header but no products")]);
        int count = await catalog.ImportProductsAsync(products, ct);
        await log.AddLogAsync("info", null, $"{user} imported {count} products from CSV", ct);
        return (count, []);
    }
}
