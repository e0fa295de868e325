using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Kiosk.Display.Storage;

/// <summary>The embedded database: one SQLite file (WAL) under the data folder. The queries: the stores over <see cref="SqlDatabase"/>.</summary>
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
        await using var wal = Command(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", []);
        await wal.ExecuteNonQueryAsync(ct);
        return null;
    }

    public override Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(DatabasePath))!);
        return base.MigrateAsync(cancellationToken);
    }
}
