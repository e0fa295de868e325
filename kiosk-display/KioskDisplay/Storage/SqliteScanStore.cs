using System.Globalization;
using System.Text.Json;
using Kiosk.Display.Feed;
using Kiosk.Mat.Host.Json;
using Microsoft.Data.Sqlite;

namespace Kiosk.Display.Storage;

/// <summary>The embedded store: one SQLite file (WAL) under the data folder.</summary>
public sealed class SqliteScanStore : IScanStore, ICatalogStore
{
    private readonly string connectionString;

    public SqliteScanStore(string databasePath)
    {
        DatabasePath = databasePath;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string DatabasePath { get; }

    // ---- plumbing: one place for connections, parameters and times ----

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, object?[] args, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        for (int i = 0; i < args.Length; i++)
        {
            command.Parameters.AddWithValue("$" + (i + 1), args[i] ?? DBNull.Value);
        }
        return command;
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken ct, params object?[] args)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = Command(connection, sql, args);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<List<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> map, CancellationToken ct, params object?[] args)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = Command(connection, sql, args);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(map(reader));
        }
        return rows;
    }

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static DateTimeOffset ReadUtc(SqliteDataReader r, int i) =>
        DateTimeOffset.Parse(r.GetString(i), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static string? NullableString(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    // ---- schema ----

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(DatabasePath))!);
        await using var connection = await OpenAsync(cancellationToken);
        await using (var wal = Command(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", []))
        {
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var table = Command(connection,
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_utc TEXT NOT NULL)", []))
        {
            await table.ExecuteNonQueryAsync(cancellationToken);
        }
        var applied = new HashSet<long>();
        await using (var query = Command(connection, "SELECT version FROM schema_migrations", []))
        await using (var reader = await query.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) applied.Add(reader.GetInt64(0));
        }
        foreach (var (version, name, sql) in SqliteMigrations.Steps)
        {
            if (applied.Contains(version)) continue;
            await using var transaction = connection.BeginTransaction();
            await using (var step = Command(connection, sql, [], transaction))
            {
                await step.ExecuteNonQueryAsync(cancellationToken);
            }
            await using (var record = Command(connection, "INSERT INTO schema_migrations VALUES ($1, $2, $3)",
                [version, name, Utc(DateTimeOffset.UtcNow)], transaction))
            {
                await record.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
    }

    public async Task<IReadOnlyList<int>> AppliedMigrationsAsync(CancellationToken ct = default) =>
        await QueryAsync("SELECT version FROM schema_migrations ORDER BY version", r => r.GetInt32(0), ct);

    // ---- scans ----

    public async Task<bool> SaveResultAsync(ScanResult result, CancellationToken cancellationToken = default)
    {
        int inserted = await ExecuteAsync("""
            INSERT INTO scans VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            ON CONFLICT(result_id) DO NOTHING
            """, cancellationToken,
            result.ResultId, result.DeviceId, Utc(result.ScannedAt), Utc(DateTimeOffset.UtcNow),
            result.Report.Left?.ArchType, result.Report.Right?.ArchType, result.Report.Quality.Ok ? 1 : 0,
            result.Report.ToJson(), result.Summed.Rows, result.Summed.Cols, result.Summed.PitchMm,
            JsonSerializer.Serialize(result.Summed.LoadGrams));
        return inserted == 1;
    }

    private const string ScanColumns = "result_id, device_id, scanned_utc, received_utc, report_json, rows, cols, pitch_mm, loads_json";

    private static StoredScan ReadScan(SqliteDataReader r)
    {
        var report = AnalysisReport.FromJson(r.GetString(4))!;
        var grid = new MatGrid(r.GetInt32(5), r.GetInt32(6), r.GetDouble(7), JsonSerializer.Deserialize<int[]>(r.GetString(8))!);
        return new StoredScan(new ScanResult(r.GetString(0), r.GetString(1), report, grid, ReadUtc(r, 2)), ReadUtc(r, 3));
    }

    public async Task<StoredScan?> GetScanAsync(string resultId, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {ScanColumns} FROM scans WHERE result_id = $1", ReadScan, cancellationToken, resultId)).FirstOrDefault();

    public async Task<IReadOnlyList<StoredScan>> ListScansAsync(ScanFilter filter, CancellationToken cancellationToken = default)
    {
        var from = new DateTimeOffset(filter.Day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return await QueryAsync($"""
            SELECT {ScanColumns} FROM scans
            WHERE scanned_utc >= $1 AND scanned_utc < $2
              AND ($3 IS NULL OR arch_left = $3 OR arch_right = $3 OR ($3 = 'unclassified' AND (arch_left IS NULL OR arch_right IS NULL)))
              AND ($4 IS NULL OR quality_ok = $4)
            ORDER BY scanned_utc DESC
            """, ReadScan, cancellationToken,
            Utc(from), Utc(from.AddDays(1)), filter.ArchType, filter.QualityOk is null ? null : filter.QualityOk.Value ? 1 : 0);
    }

    public Task<int> DeleteScansBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM scans WHERE scanned_utc < $1", cancellationToken, Utc(cutoff));

    // ---- devices ----

    public Task UpsertDeviceStatusAsync(DeviceStatus s, CancellationToken cancellationToken = default) =>
        ExecuteAsync("""
            INSERT INTO devices (device_id, firmware, uptime_s, frame_rate_hz, rssi_dbm, dead_count, dead_map_json, last_seen_utc)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT(device_id) DO UPDATE SET firmware = $2, uptime_s = $3, frame_rate_hz = $4, rssi_dbm = $5,
                dead_count = $6, dead_map_json = $7, last_seen_utc = $8
            """, cancellationToken,
            s.DeviceId, s.FirmwareVersion, s.UptimeSeconds, s.FrameRateHz, s.RssiDbm, s.DeadSenselCount,
            s.DeadSensels is null ? null : JsonSerializer.Serialize(s.DeadSensels), Utc(s.LastSeen));

    public async Task<IReadOnlyList<DeviceRecord>> ListDevicesAsync(CancellationToken cancellationToken = default) =>
        await QueryAsync("""
            SELECT device_id, firmware, uptime_s, frame_rate_hz, rssi_dbm, dead_count, dead_map_json, last_seen_utc, paired
            FROM devices ORDER BY device_id
            """, r => new DeviceRecord(new DeviceStatus(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetDouble(3), r.GetInt32(4),
                r.GetInt32(5), NullableString(r, 6) is { } map ? JsonSerializer.Deserialize<DeadSenselMap>(map) : null, ReadUtc(r, 7)),
                r.GetInt32(8) == 1), cancellationToken);

    public Task SetDevicePairedAsync(string deviceId, bool paired, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE devices SET paired = $2 WHERE device_id = $1", cancellationToken, deviceId, paired ? 1 : 0);

    public Task AddCommandAsync(DeviceCommandRecord c, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO device_commands (device_id, command, argument, requested_by, requested_utc, state) VALUES ($1, $2, $3, $4, $5, $6)",
            cancellationToken, c.DeviceId, c.Command, c.Argument, c.RequestedBy, Utc(c.RequestedAt), c.State);

    public async Task<IReadOnlyList<DeviceCommandRecord>> ListCommandsAsync(int limit, CancellationToken cancellationToken = default) =>
        await QueryAsync("SELECT device_id, command, argument, requested_by, requested_utc, state FROM device_commands ORDER BY id DESC LIMIT $1",
            r => new DeviceCommandRecord(r.GetString(0), r.GetString(1), NullableString(r, 2), r.GetString(3), ReadUtc(r, 4), r.GetString(5)),
            cancellationToken, limit);

    // ---- log and settings ----

    public Task AddLogAsync(string level, string? deviceId, string message, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO log (at_utc, level, device_id, message) VALUES ($1, $2, $3, $4)", cancellationToken,
            Utc(DateTimeOffset.UtcNow), level, deviceId, message);

    public async Task<IReadOnlyList<LogEntry>> RecentLogAsync(int limit, CancellationToken cancellationToken = default) =>
        await QueryAsync("SELECT at_utc, level, device_id, message FROM log ORDER BY id DESC LIMIT $1",
            r => new LogEntry(ReadUtc(r, 0), r.GetString(1), NullableString(r, 2), r.GetString(3)), cancellationToken, limit);

    public async Task<int> DeleteLogBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("DELETE FROM log WHERE at_utc < $1", cancellationToken, Utc(cutoff))
        + await ExecuteAsync("DELETE FROM device_commands WHERE requested_utc < $1", cancellationToken, Utc(cutoff));

    public async Task<string?> GetSettingAsync(string key, CancellationToken cancellationToken = default) =>
        (await QueryAsync("SELECT value FROM settings WHERE key = $1", r => r.GetString(0), cancellationToken, key)).FirstOrDefault();

    public Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO settings VALUES ($1, $2) ON CONFLICT(key) DO UPDATE SET value = $2", cancellationToken, key, value);

    // ---- catalog ----

    private const string ProductColumns = "id, sku, name, category, arch_support, cushioning, stability, size_min, size_max, stock, price, retired";

    private static Product ReadProduct(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6),
        r.GetDouble(7), r.GetDouble(8), r.GetInt32(9), decimal.Parse(r.GetString(10), CultureInfo.InvariantCulture), r.GetInt32(11) == 1);

    private static object?[] ProductValues(Product p) =>
        [p.Sku.Trim(), p.Name.Trim(), p.Category, p.ArchSupport, p.Cushioning, p.Stability, p.SizeMin, p.SizeMax, p.Stock,
         p.Price.ToString(CultureInfo.InvariantCulture), p.Retired ? 1 : 0];

    public async Task<IReadOnlyList<Product>> ListProductsAsync(bool includeRetired, CancellationToken cancellationToken = default) =>
        await QueryAsync($"SELECT {ProductColumns} FROM products WHERE $1 = 1 OR retired = 0 ORDER BY category, name",
            ReadProduct, cancellationToken, includeRetired ? 1 : 0);

    public async Task<Product?> GetProductAsync(long id, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {ProductColumns} FROM products WHERE id = $1", ReadProduct, cancellationToken, id)).FirstOrDefault();

    private const string InsertProduct = """
        INSERT INTO products (sku, name, category, arch_support, cushioning, stability, size_min, size_max, stock, price, retired)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
        """;

    public async Task<long> AddProductAsync(Product product, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, InsertProduct + " RETURNING id", ProductValues(product));
        try
        {
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            throw new CatalogConflictException($"a product with SKU {product.Sku} already exists");
        }
    }

    public async Task UpdateProductAsync(Product product, CancellationToken cancellationToken = default)
    {
        try
        {
            await ExecuteAsync("""
                UPDATE products SET sku = $1, name = $2, category = $3, arch_support = $4, cushioning = $5, stability = $6,
                    size_min = $7, size_max = $8, stock = $9, price = $10, retired = $11 WHERE id = $12
                """, cancellationToken, [.. ProductValues(product), product.Id]);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            throw new CatalogConflictException($"another product already has SKU {product.Sku}");
        }
    }

    public Task SetRetiredAsync(long id, bool retired, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE products SET retired = $2 WHERE id = $1", cancellationToken, id, retired ? 1 : 0);

    public async Task<int> ImportProductsAsync(IReadOnlyList<Product> products, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        foreach (var product in products)
        {
            await using var command = Command(connection, InsertProduct + """
                 ON CONFLICT(sku) DO UPDATE SET name = $2, category = $3, arch_support = $4, cushioning = $5, stability = $6,
                    size_min = $7, size_max = $8, stock = $9, price = $10, retired = $11
                """, ProductValues(product), transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return products.Count;
    }
}
