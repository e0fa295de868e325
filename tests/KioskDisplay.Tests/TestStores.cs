using System.Reflection;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit.Sdk;

namespace Kiosk.Display.Tests;

/// <summary>
/// The "postgres" row of a store theory. Reported as skipped, with how to start a server, when
/// <c>KIOSK_TEST_POSTGRES</c> is not set; .ci/run sets it, so CI always runs these rows.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresDataAttribute : DataAttribute
{
    public PostgresDataAttribute()
    {
        if (TestStore.PostgresConnection is null)
        {
            Skip = $"PostgreSQL store tests need a server: {TestStore.HowToStartPostgres}";
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [["postgres"]];
}

/// <summary>
/// A fresh, migrated store of either kind for one test: a SQLite file in its own temp folder, or its own schema in
/// the test PostgreSQL (created here, dropped on dispose), so tests run in parallel.
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    public const string Variable = "KIOSK_TEST_POSTGRES";

    public const string HowToStartPostgres =
        "run `export KIOSK_TEST_POSTGRES=\"$(bash .ci/postgres)\"` (after apt-get install postgresql) before dotnet test, as .ci/run does";

    public static string? PostgresConnection =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    private readonly string kind;
    private readonly string location; // the SQLite folder or the PostgreSQL schema
    private readonly List<SqlDatabase> opened = [];

    private TestStore(string kind, string location)
    {
        this.kind = kind;
        this.location = location;
    }

    /// <summary>The stores the test uses (already migrated).</summary>
    public KioskStores Stores { get; private set; } = null!;

    /// <summary>The connection string of this test's schema (postgres only).</summary>
    public string SchemaConnection => new NpgsqlConnectionStringBuilder(Admin) { SearchPath = location }.ConnectionString;

    public static async Task<TestStore> CreateAsync(string kind)
    {
        TestStore test;
        if (kind == "sqlite")
        {
            test = new TestStore(kind, Directory.CreateTempSubdirectory("kiosk-store-").FullName);
        }
        else
        {
            test = new TestStore(kind, "kiosk_test_" + Guid.NewGuid().ToString("N"));
            await AdminAsync($"CREATE SCHEMA {test.location}");
        }
        test.Stores = test.Open();
        await test.Stores.Database.MigrateAsync();
        return test;
    }

    /// <summary>Other stores over the same database, as a display restarting (or a second display) would open it.</summary>
    public KioskStores Open()
    {
        SqlDatabase database = kind == "sqlite"
            ? new SqliteDatabase(Path.Combine(location, "kiosk.db"))
            : new PostgresDatabase(SchemaConnection);
        opened.Add(database);
        return new KioskStores(database);
    }

    private static string Admin => PostgresConnection
        ?? throw new InvalidOperationException($"{Variable} is not set: {HowToStartPostgres}");

    private static async Task AdminAsync(string sql)
    {
        try
        {
            await using var connection = new NpgsqlConnection(Admin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException e) when (e is not PostgresException)
        {
            throw new InvalidOperationException($"{Variable}={Admin} does not answer: {HowToStartPostgres}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in opened)
        {
            if (database is IAsyncDisposable disposable) await disposable.DisposeAsync();
        }
        if (kind == "sqlite")
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(location, recursive: true); } catch (IOException) { }
        }
        else
        {
            await AdminAsync($"DROP SCHEMA {location} CASCADE");
        }
    }
}
