using System.Data.Common;
using System.Text.Json;
using Kiosk.Display.Feed;
using Kiosk.Mat.Host.Json;

namespace Kiosk.Display.Storage;

/// <summary>
/// What the SQLite and PostgreSQL stores share: every query (their SQL is the same), the mapping between rows and
/// records, and the migration runner. A subclass says how to connect, how it writes times, flags and prices, which
/// error is a taken key, and its numbered schema steps.
/// </summary>
public abstract class SqlScanStore : IScanStore, ICatalogStore
{
    // ---- what differs between the databases ----

    protected abstract Task<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>A positional parameter, <c>$1</c> for index 0.</summary>
    protected abstract DbParameter Parameter(int index, object? value);

    protected abstract object Time(DateTimeOffset time);
    protected abstract DateTimeOffset ReadTime(DbDataReader r, int i);
    protected abstract object Flag(bool value);
    protected abstract bool ReadFlag(DbDataReader r, int i);
    protected abstract object Money(decimal value);
    protected abstract decimal ReadMoney(DbDataReader r, int i);

    /// <summary>True when the error is a UNIQUE constraint (a taken SKU).</summary>
    protected abstract bool IsUniqueViolation(DbException e);

    /// <summary>The numbered steps of this database's schema; never edit a released one.</summary>
    protected abstract IReadOnlyList<(int Version, string Name, string Sql)> Migrations { get; }

    /// <summary>CREATE TABLE IF NOT EXISTS schema_migrations (version, name, applied_utc) in this database's types.</summary>
    protected abstract string SchemaMigrationsTable { get; }

    /// <summary>Runs before the migrations on their connection; the returned object is disposed after them.</summary>
    protected virtual Task<IAsyncDisposable?> BeforeMigrationsAsync(DbConnection connection, CancellationToken ct) =>
        Task.FromResult<IAsyncDisposable?>(null);

    // ---- plumbing: one place for commands and parameters ----

    protected DbCommand Command(DbConnection connection, string sql, object?[] args, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        for (int i = 0; i < args.Length; i++)
        {
            command.Parameters.Add(Parameter(i, args[i] ?? DBNull.Value));
        }
        return command;
    }

    protected async Task<int> ExecuteAsync(string sql, CancellationToken ct, params object?[] args)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = Command(connection, sql, args);
        return await command.ExecuteNonQueryAsync(ct);
    }

    protected async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken ct, params object?[] args)
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

    private static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    // ---- schema ----

    public virtual async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var guard = await BeforeMigrationsAsync(connection, cancellationToken);
        await using (var table = Command(connection, SchemaMigrationsTable, []))
        {
            await table.ExecuteNonQueryAsync(cancellationToken);
        }
        var applied = new HashSet<long>();
        await using (var query = Command(connection, "SELECT version FROM schema_migrations", []))
        await using (var reader = await query.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) applied.Add(reader.GetInt64(0));
        }
        foreach (var (version, name, sql) in Migrations)
        {
            if (applied.Contains(version)) continue;
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var step = Command(connection, sql, [], transaction))
            {
                await step.ExecuteNonQueryAsync(cancellationToken);
            }
            await using (var record = Command(connection, "INSERT INTO schema_migrations VALUES ($1, $2, $3)",
                [version, name, Time(DateTimeOffset.UtcNow)], transaction))
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
            result.ResultId, result.DeviceId, Time(result.ScannedAt), Time(DateTimeOffset.UtcNow),
            result.Report.Left?.ArchType, result.Report.Right?.ArchType, Flag(result.Report.Quality.Ok),
            result.Report.ToJson(), result.Summed.Rows, result.Summed.Cols, result.Summed.PitchMm,
            JsonSerializer.Serialize(result.Summed.LoadGrams));
        return inserted == 1;
    }

    private const string ScanColumns = "result_id, device_id, scanned_utc, received_utc, report_json, rows, cols, pitch_mm, loads_json";

    private StoredScan ReadScan(DbDataReader r)
    {
        var report = AnalysisReport.FromJson(r.GetString(4))!;
        var grid = new MatGrid(r.GetInt32(5), r.GetInt32(6), r.GetDouble(7), JsonSerializer.Deserialize<int[]>(r.GetString(8))!);
        return new StoredScan(new ScanResult(r.GetString(0), r.GetString(1), report, grid, ReadTime(r, 2)), ReadTime(r, 3));
    }

    public async Task<StoredScan?> GetScanAsync(string resultId, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {ScanColumns} FROM scans WHERE result_id = $1", ReadScan, cancellationToken, resultId)).FirstOrDefault();

    public async Task<IReadOnlyList<StoredScan>> ListScansAsync(ScanFilter filter, CancellationToken cancellationToken = default)
    {
        DateTimeOffset from = filter.Start(filter.Day), to = filter.Start(filter.Day.AddDays(1));
        // "$3 IS NULL" comes after a comparison with a column: PostgreSQL takes a parameter's type from its first use.
        return await QueryAsync($"""
            SELECT {ScanColumns} FROM scans
            WHERE scanned_utc >= $1 AND scanned_utc < $2
              AND (arch_left = $3 OR arch_right = $3 OR ($3 = 'unclassified' AND (arch_left IS NULL OR arch_right IS NULL)) OR $3 IS NULL)
              AND (quality_ok = $4 OR $4 IS NULL)
            ORDER BY scanned_utc DESC
            """, ReadScan, cancellationToken,
            Time(from), Time(to), filter.ArchType, filter.QualityOk is { } ok ? Flag(ok) : null);
    }

    public Task<int> DeleteScansBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM scans WHERE scanned_utc < $1", cancellationToken, Time(cutoff));

    // ---- devices ----

    public Task UpsertDeviceStatusAsync(DeviceStatus s, CancellationToken cancellationToken = default) =>
        ExecuteAsync("""
            INSERT INTO devices (device_id, firmware, uptime_s, frame_rate_hz, rssi_dbm, dead_count, dead_map_json, last_seen_utc)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT(device_id) DO UPDATE SET firmware = $2, uptime_s = $3, frame_rate_hz = $4, rssi_dbm = $5,
                dead_count = $6, dead_map_json = COALESCE($7, devices.dead_map_json), last_seen_utc = $8
            """, cancellationToken,
            s.DeviceId, s.FirmwareVersion, s.UptimeSeconds, s.FrameRateHz, s.RssiDbm, s.DeadSenselCount,
            s.DeadSensels is null ? null : JsonSerializer.Serialize(s.DeadSensels), Time(s.LastSeen));

    private const string DeviceColumns = "device_id, firmware, uptime_s, frame_rate_hz, rssi_dbm, dead_count, dead_map_json, last_seen_utc, paired";

    private DeviceRecord ReadDevice(DbDataReader r) =>
        new(new DeviceStatus(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetDouble(3), r.GetInt32(4),
            r.GetInt32(5), NullableString(r, 6) is { } map ? JsonSerializer.Deserialize<DeadSenselMap>(map) : null, ReadTime(r, 7)),
            ReadFlag(r, 8));

    public async Task<IReadOnlyList<DeviceRecord>> ListDevicesAsync(CancellationToken cancellationToken = default) =>
        await QueryAsync($"SELECT {DeviceColumns} FROM devices ORDER BY device_id", ReadDevice, cancellationToken);

    public async Task<DeviceRecord?> GetDeviceAsync(string deviceId, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {DeviceColumns} FROM devices WHERE device_id = $1", ReadDevice, cancellationToken, deviceId)).FirstOrDefault();

    public Task SetDeadSenselMapAsync(string deviceId, DeadSenselMap map, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE devices SET dead_map_json = $2, dead_count = $3 WHERE device_id = $1", cancellationToken,
            deviceId, JsonSerializer.Serialize(map), map.Indices.Length);

    public Task PairDeviceAsync(string deviceId, string pairingKey, CancellationToken cancellationToken = default) =>
        // A mat may be paired before it first connects: its row starts with placeholders its Status replaces.
        ExecuteAsync("""
            INSERT INTO devices (device_id, firmware, uptime_s, frame_rate_hz, rssi_dbm, dead_count, last_seen_utc, paired, pairing_key)
            VALUES ($1, 'unknown', 0, 0, 0, 0, $2, $3, $4)
            ON CONFLICT(device_id) DO UPDATE SET paired = $3, pairing_key = $4
            """, cancellationToken, deviceId, Time(DateTimeOffset.UtcNow), Flag(true), pairingKey);

    public Task UnpairDeviceAsync(string deviceId, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE devices SET paired = $2, pairing_key = NULL WHERE device_id = $1", cancellationToken, deviceId, Flag(false));

    public async Task<string?> GetPairingKeyAsync(string deviceId, CancellationToken cancellationToken = default) =>
        (await QueryAsync("SELECT pairing_key FROM devices WHERE device_id = $1 AND paired = $2 AND pairing_key IS NOT NULL",
            r => r.GetString(0), cancellationToken, deviceId, Flag(true))).FirstOrDefault();

    public Task AddCommandAsync(DeviceCommandRecord c, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO device_commands (device_id, command, argument, requested_by, requested_utc, state) VALUES ($1, $2, $3, $4, $5, $6)",
            cancellationToken, c.DeviceId, c.Command, c.Argument, c.RequestedBy, Time(c.RequestedAt), c.State);

    public async Task<IReadOnlyList<DeviceCommandRecord>> ListCommandsAsync(int limit, CancellationToken cancellationToken = default) =>
        await QueryAsync("SELECT device_id, command, argument, requested_by, requested_utc, state FROM device_commands ORDER BY id DESC LIMIT $1",
            r => new DeviceCommandRecord(r.GetString(0), r.GetString(1), NullableString(r, 2), r.GetString(3), ReadTime(r, 4), r.GetString(5)),
            cancellationToken, limit);

    // ---- log and settings ----

    public Task AddLogAsync(string level, string? deviceId, string message, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO log (at_utc, level, device_id, message) VALUES ($1, $2, $3, $4)", cancellationToken,
            Time(DateTimeOffset.UtcNow), level, deviceId, message);

    public async Task<IReadOnlyList<LogEntry>> RecentLogAsync(int limit, CancellationToken cancellationToken = default) =>
        await QueryAsync("SELECT at_utc, level, device_id, message FROM log ORDER BY id DESC LIMIT $1",
            r => new LogEntry(ReadTime(r, 0), r.GetString(1), NullableString(r, 2), r.GetString(3)), cancellationToken, limit);

    public async Task<int> DeleteLogBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("DELETE FROM log WHERE at_utc < $1", cancellationToken, Time(cutoff))
        + await ExecuteAsync("DELETE FROM device_commands WHERE requested_utc < $1", cancellationToken, Time(cutoff));

    public async Task<string?> GetSettingAsync(string key, CancellationToken cancellationToken = default) =>
        (await QueryAsync("SELECT value FROM settings WHERE key = $1", r => r.GetString(0), cancellationToken, key)).FirstOrDefault();

    public Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO settings VALUES ($1, $2) ON CONFLICT(key) DO UPDATE SET value = $2", cancellationToken, key, value);

    // ---- catalog ----

    private const string ProductColumns = "id, sku, name, category, arch_support, cushioning, stability, size_min, size_max, stock, price, retired";

    private Product ReadProduct(DbDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6),
        r.GetDouble(7), r.GetDouble(8), r.GetInt32(9), ReadMoney(r, 10), ReadFlag(r, 11));

    private object?[] ProductValues(Product p) =>
        [p.Sku.Trim(), p.Name.Trim(), p.Category, p.ArchSupport, p.Cushioning, p.Stability, p.SizeMin, p.SizeMax, p.Stock,
         Money(p.Price), Flag(p.Retired)];

    public async Task<IReadOnlyList<Product>> ListProductsAsync(bool includeRetired, CancellationToken cancellationToken = default) =>
        await QueryAsync($"SELECT {ProductColumns} FROM products WHERE $1 OR NOT retired ORDER BY category, name",
            ReadProduct, cancellationToken, Flag(includeRetired));

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
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
        }
        catch (DbException e) when (IsUniqueViolation(e))
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
        catch (DbException e) when (IsUniqueViolation(e))
        {
            throw new CatalogConflictException($"another product already has SKU {product.Sku}");
        }
    }

    public Task SetRetiredAsync(long id, bool retired, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE products SET retired = $2 WHERE id = $1", cancellationToken, id, Flag(retired));

    public async Task<int> ImportProductsAsync(IReadOnlyList<Product> products, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
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
