using System.Data.Common;

namespace Kiosk.Display.Storage;

/// <summary>
/// One database the stores share (<see cref="SqliteDatabase"/>, embedded, or <see cref="PostgresDatabase"/>, a
/// chain's): how to connect, how it writes times, flags and prices, which error is a taken key, its numbered schema
/// steps and the runner for them, and one place for commands and parameters. The stores over it (scans, devices,
/// commands, log, settings, catalog) hold the queries, whose SQL is the same on both.
/// </summary>
public abstract class SqlDatabase
{
    // ---- what differs between the databases ----

    public abstract Task<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>A positional parameter, <c>$1</c> for index 0.</summary>
    protected abstract DbParameter Parameter(int index, object? value);

    public abstract object Time(DateTimeOffset time);
    public abstract DateTimeOffset ReadTime(DbDataReader r, int i);
    public abstract object Flag(bool value);
    public abstract bool ReadFlag(DbDataReader r, int i);
    public abstract object Money(decimal value);
    public abstract decimal ReadMoney(DbDataReader r, int i);

    /// <summary>True when the error is a UNIQUE constraint (a taken SKU).</summary>
    public abstract bool IsUniqueViolation(DbException e);

    /// <summary>The numbered steps of this database's schema; never edit a released one.</summary>
    protected abstract IReadOnlyList<(int Version, string Name, string Sql)> Migrations { get; }

    /// <summary>CREATE TABLE IF NOT EXISTS schema_migrations (version, name, applied_utc) in this database's types.</summary>
    protected abstract string SchemaMigrationsTable { get; }

    /// <summary>Runs before the migrations on their connection; the returned object is disposed after them.</summary>
    protected virtual Task<IAsyncDisposable?> BeforeMigrationsAsync(DbConnection connection, CancellationToken ct) =>
        Task.FromResult<IAsyncDisposable?>(null);

    /// <summary>
    /// After rows were deleted for privacy (expiry): make their bytes unreadable in the database's files where the
    /// database can. SQLite: checkpoint the WAL (<see cref="SqliteDatabase"/>). PostgreSQL leaves dead rows to its own
    /// vacuum; erasing them from disk is the chain database's operators' (kiosk-display/README.md, "Privacy").
    /// </summary>
    public virtual Task EraseDeletedAsync(CancellationToken ct) => Task.CompletedTask;

    // ---- plumbing: one place for commands and parameters ----

    public DbCommand Command(DbConnection connection, string sql, object?[] args, DbTransaction? transaction = null)
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

    public async Task<int> ExecuteAsync(string sql, CancellationToken ct, params object?[] args)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = Command(connection, sql, args);
        return await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken ct, params object?[] args)
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

    public static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    // ---- schema ----

    /// <summary>Creates or upgrades the schema; run once at start-up.</summary>
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
}
