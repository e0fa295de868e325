using System.Data.Common;
using Npgsql;

namespace Kiosk.Display.Storage;

/// <summary>
/// A chain's shared store: every display points at one PostgreSQL database (<c>Kiosk:Storage=postgres</c>,
/// <c>Kiosk:PostgresConnection</c>). The queries: the stores over <see cref="SqlDatabase"/>; times are timestamptz.
/// Displays that start together migrate one at a time (an advisory lock), so each step runs once.
/// </summary>
public sealed class PostgresDatabase : SqlDatabase, IAsyncDisposable, IDisposable
{
    /// <summary>The advisory lock key the migrations hold: "kioskmig" as ASCII.</summary>
    private const long MigrationLockKey = 0x6B696F736B6D6967;

    private readonly NpgsqlDataSource dataSource;

    public PostgresDatabase(string connectionString)
    {
        dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public override async Task<DbConnection> OpenAsync(CancellationToken ct) => await dataSource.OpenConnectionAsync(ct);

    protected override DbParameter Parameter(int index, object? value) => new NpgsqlParameter { Value = value };

    public override object Time(DateTimeOffset time) => time.ToUniversalTime();
    public override DateTimeOffset ReadTime(DbDataReader r, int i) => r.GetFieldValue<DateTimeOffset>(i);
    public override object Flag(bool value) => value;
    public override bool ReadFlag(DbDataReader r, int i) => r.GetBoolean(i);
    public override object Money(decimal value) => value;
    public override decimal ReadMoney(DbDataReader r, int i) => r.GetDecimal(i);

    public override bool IsUniqueViolation(DbException e) => e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    protected override IReadOnlyList<(int Version, string Name, string Sql)> Migrations => PostgresMigrations.Steps;

    protected override string SchemaMigrationsTable =>
        "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_utc timestamptz NOT NULL)";

    protected override async Task<IAsyncDisposable?> BeforeMigrationsAsync(DbConnection connection, CancellationToken ct)
    {
        await using (var command = Command(connection, "SELECT pg_advisory_lock($1)", [MigrationLockKey]))
        {
            await command.ExecuteNonQueryAsync(ct);
        }
        return new MigrationLock(this, connection);
    }

    /// <summary>Releases the session lock before the connection goes back to the pool.</summary>
    private sealed class MigrationLock(PostgresDatabase store, DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using var command = store.Command(connection, "SELECT pg_advisory_unlock($1)", [MigrationLockKey]);
            await command.ExecuteNonQueryAsync();
        }
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    public void Dispose() => dataSource.Dispose();
}
