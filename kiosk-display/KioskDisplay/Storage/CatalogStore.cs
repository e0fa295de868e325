using System.Data.Common;

namespace Kiosk.Display.Storage;

/// <summary>The store's product catalog.</summary>
public interface ICatalogStore
{
    Task<IReadOnlyList<Product>> ListProductsAsync(bool includeRetired, CancellationToken cancellationToken = default);
    /// <summary>One page of the catalog in its list order (kind, then name), with how many products it has in all.</summary>
    Task<Paged<Product>> ListProductsAsync(bool includeRetired, PageRequest page, CancellationToken cancellationToken = default);
    Task<Product?> GetProductAsync(long id, CancellationToken cancellationToken = default);
    /// <summary>Adds a product; returns its id. Throws <see cref="CatalogConflictException"/> for a taken SKU.</summary>
    Task<long> AddProductAsync(Product product, CancellationToken cancellationToken = default);
    Task UpdateProductAsync(Product product, CancellationToken cancellationToken = default);
    Task SetRetiredAsync(long id, bool retired, CancellationToken cancellationToken = default);
    /// <summary>Adds or updates (by SKU) every product in one transaction: all or nothing.</summary>
    Task<int> ImportProductsAsync(IReadOnlyList<Product> products, CancellationToken cancellationToken = default);
}

public sealed class CatalogConflictException(string message) : Exception(message);

/// <summary><see cref="ICatalogStore"/> in SQL, the same on SQLite and PostgreSQL.</summary>
public sealed class CatalogStore(SqlDatabase db) : ICatalogStore
{
    private const string ProductColumns = "id, sku, name, category, arch_support, cushioning, stability, size_min, size_max, stock, price, retired";

    private Product ReadProduct(DbDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6),
        r.GetDouble(7), r.GetDouble(8), r.GetInt32(9), db.ReadMoney(r, 10), db.ReadFlag(r, 11));

    private object?[] ProductValues(Product p) =>
        [p.Sku.Trim(), p.Name.Trim(), p.Category, p.ArchSupport, p.Cushioning, p.Stability, p.SizeMin, p.SizeMax, p.Stock,
         db.Money(p.Price), db.Flag(p.Retired)];

    public async Task<IReadOnlyList<Product>> ListProductsAsync(bool includeRetired, CancellationToken cancellationToken = default) =>
        await db.QueryAsync($"SELECT {ProductColumns} FROM products WHERE $1 OR NOT retired ORDER BY category, name",
            ReadProduct, cancellationToken, db.Flag(includeRetired));

    public async Task<Paged<Product>> ListProductsAsync(bool includeRetired, PageRequest page, CancellationToken cancellationToken = default)
    {
        var products = await db.QueryAsync($"SELECT {ProductColumns} FROM products WHERE $1 OR NOT retired ORDER BY category, name, id LIMIT $2 OFFSET $3",
            ReadProduct, cancellationToken, db.Flag(includeRetired), page.Size, page.Offset);
        var total = await db.QueryAsync("SELECT COUNT(*) FROM products WHERE $1 OR NOT retired", r => r.GetInt64(0), cancellationToken, db.Flag(includeRetired));
        return new Paged<Product>(products, (int)total[0], page);
    }

    public async Task<Product?> GetProductAsync(long id, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync($"SELECT {ProductColumns} FROM products WHERE id = $1", ReadProduct, cancellationToken, id)).FirstOrDefault();

    private const string InsertProduct = """
        INSERT INTO products (sku, name, category, arch_support, cushioning, stability, size_min, size_max, stock, price, retired)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
        """;

    public async Task<long> AddProductAsync(Product product, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = db.Command(connection, InsertProduct + " RETURNING id", ProductValues(product));
        try
        {
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
        }
        catch (DbException e) when (db.IsUniqueViolation(e))
        {
            throw new CatalogConflictException($"a product with SKU {product.Sku} already exists");
        }
    }

    public async Task UpdateProductAsync(Product product, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.ExecuteAsync("""
                UPDATE products SET sku = $1, name = $2, category = $3, arch_support = $4, cushioning = $5, stability = $6,
                    size_min = $7, size_max = $8, stock = $9, price = $10, retired = $11 WHERE id = $12
                """, cancellationToken, [.. ProductValues(product), product.Id]);
        }
        catch (DbException e) when (db.IsUniqueViolation(e))
        {
            throw new CatalogConflictException($"another product already has SKU {product.Sku}");
        }
    }

    public Task SetRetiredAsync(long id, bool retired, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("UPDATE products SET retired = $2 WHERE id = $1", cancellationToken, id, db.Flag(retired));

    public async Task<int> ImportProductsAsync(IReadOnlyList<Product> products, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var product in products)
        {
            await using var command = db.Command(connection, InsertProduct + """
                 ON CONFLICT(sku) DO UPDATE SET name = $2, category = $3, arch_support = $4, cushioning = $5, stability = $6,
                    size_min = $7, size_max = $8, stock = $9, price = $10, retired = $11
                """, ProductValues(product), transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return products.Count;
    }
}
