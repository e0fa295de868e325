using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Kiosk.Display.Storage;

/// <summary>
/// The embedded database: one SQLite file (WAL) under the data folder, mode 600. Every connection of the pool commits
/// with <c>synchronous=FULL</c> (the WAL is synced to disk before a commit returns, so an acked result survives a
/// crash or a power cut) and <c>secure_delete</c> (a deleted row's bytes are overwritten, so expiry erases).
/// The queries: the stores over <see cref="SqlDatabase"/>.
/// </summary>
public sealed class SqliteDatabase : SqlDatabase
{
    private readonly string connectionString;

    public SqliteDatabase(string databasePath)
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

    public override async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        // Both are per connection, and the pool keeps connections: set on every open, not once at start-up.
        await using var pragmas = Command(connection, "PRAGMA synchronous=FULL; PRAGMA secure_delete=ON;", []);
        await pragmas.ExecuteNonQueryAsync(ct);
        return connection;
    }

    protected override DbParameter Parameter(int index, object? value) => new SqliteParameter("$" + (index + 1), value);

    // Times are ISO 8601 UTC text with milliseconds, so they sort and compare as text.
    public override object Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    public override DateTimeOffset ReadTime(DbDataReader r, int i) =>
        DateTimeOffset.Parse(r.GetString(i), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public override object Flag(bool value) => value ? 1 : 0;
    public override bool ReadFlag(DbDataReader r, int i) => r.GetInt32(i) == 1;

    // Prices are text: SQLite has no exact decimal type.
    public override object Money(decimal value) => value.ToString(CultureInfo.InvariantCulture);
    public override decimal ReadMoney(DbDataReader r, int i) => decimal.Parse(r.GetString(i), CultureInfo.InvariantCulture);

    public override bool IsUniqueViolation(DbException e) => e is SqliteException { SqliteErrorCode: 19 };

    protected override IReadOnlyList<(int Version, string Name, string Sql)> Migrations => SqliteMigrations.Steps;

    protected override string SchemaMigrationsTable =>
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_utc TEXT NOT NULL)";

    protected override async Task<IAsyncDisposable?> BeforeMigrationsAsync(DbConnection connection, CancellationToken ct)
    {
        // WAL is a property of the file (set once, kept); the durability pragmas are set on every open.
        await using var wal = Command(connection, "PRAGMA journal_mode=WAL;", []);
        await wal.ExecuteNonQueryAsync(ct);
        return null;
    }

    public override Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        DataFolder.MakePrivate(Path.GetDirectoryName(Path.GetFullPath(DatabasePath))!);
        // SQLite gives its -wal and -shm files the database file's mode: create it 600 before SQLite does (644).
        DataFolder.MakePrivateFile(DatabasePath);
        foreach (string companion in new[] { DatabasePath + "-wal", DatabasePath + "-shm" }.Where(File.Exists))
        {
            DataFolder.MakePrivateFile(companion);
        }
        return base.MigrateAsync(cancellationToken);
    }

    /// <summary>
    /// Deleted rows were overwritten in their pages (secure_delete), but the WAL still holds the pages as they were
    /// when written: checkpoint it into the database and truncate it, so the deleted bytes are in neither file.
    /// </summary>
    public override async Task EraseDeletedAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var checkpoint = Command(connection, "PRAGMA wal_checkpoint(TRUNCATE)", []);
        await using var reader = await checkpoint.ExecuteReaderAsync(ct);
        // (busy, wal frames, frames checkpointed): busy means a reader held an old snapshot; the next expiry run retries.
        if (await reader.ReadAsync(ct) && reader.GetInt32(0) != 0)
        {
            throw new IOException("the database was busy: the deleted rows stay in its WAL until the next expiry run");
        }
    }
}
