using System.Data.Common;
using System.Text;

namespace Kiosk.Display.Tests;

/// <summary>
/// What the SQLite store promises about the file itself: an acked result is durable on every connection of the
/// pool, an expired scan's bytes are gone from the file, and only the service's own user can read it.
/// </summary>
public class StoredSafelyTests
{
    [Fact]
    public async Task EveryPooledConnectionCommitsWithFullSyncAndSecureDelete()
    {
        await using var test = await TestStore.CreateAsync("sqlite");
        SqlDatabase db = test.Stores.Database;
        // Several at once, so the pool hands out the migration's connection and new ones alike.
        var connections = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => db.OpenAsync(CancellationToken.None)));
        try
        {
            foreach (DbConnection connection in connections)
            {
                Assert.Equal(2L, await PragmaAsync(db, connection, "synchronous")); // FULL: the WAL is synced at each commit
                Assert.Equal(1L, await PragmaAsync(db, connection, "secure_delete"));
                Assert.Equal("wal", await PragmaAsync(db, connection, "journal_mode"));
            }
        }
        finally
        {
            foreach (DbConnection connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task ExpiredScansAreErasedFromTheDatabaseFile()
    {
        await using var server = new KioskServer();
        var scans = server.Get<IScanStore>();
        const string Marker = "erase-me-5f3c9a71";
        var now = DateTimeOffset.UtcNow;
        await scans.SaveResultAsync(TestScans.Result(Marker, at: now.AddDays(-40)));
        await scans.SaveResultAsync(TestScans.Result("kept-scan", at: now.AddDays(-1)));
        string path = Path.Combine(server.DataFolder, "kiosk.db");
        Assert.True(FilesContain(path, Marker), "the test's marker should be in the file before expiry");

        Assert.Equal(1, await server.Get<ScanExpiryJob>().RunOnceAsync(now));

        Assert.False(FilesContain(path, Marker), "the expired scan's id is still readable in the database files");
        Assert.NotNull(await scans.GetScanAsync("kept-scan"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task DataFolderAndDatabaseAreReadableByTheServiceOnly()
    {
        string root = Directory.CreateTempSubdirectory("kiosk-mode-").FullName;
        try
        {
            string folder = Path.Combine(root, "data");
            await using (var server = new KioskServer(settings: new() { ["Kiosk:DataFolder"] = folder }))
            {
                await server.Get<ILogStore>().AddLogAsync("info", null, "something to write");
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
                foreach (string file in Directory.GetFiles(folder, "kiosk.db*"))
                {
                    Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
                }
            }

            // A folder an older version left readable to everyone is closed at the next start.
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
            File.SetUnixFileMode(Path.Combine(folder, "kiosk.db"), (UnixFileMode)0b110_100_100);
            await using (var server = new KioskServer(settings: new() { ["Kiosk:DataFolder"] = folder }))
            {
                await server.Get<ILogStore>().AddLogAsync("info", null, "restarted");
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, "kiosk.db")));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<object?> PragmaAsync(SqlDatabase db, DbConnection connection, string name)
    {
        await using var command = db.Command(connection, $"PRAGMA {name}", []);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>The bytes of the database and its WAL, as anyone reading the disk would see them.</summary>
    private static bool FilesContain(string databasePath, string text)
    {
        byte[] needle = Encoding.UTF8.GetBytes(text);
        foreach (string file in new[] { databasePath, databasePath + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            if (memory.ToArray().AsSpan().IndexOf(needle) >= 0)
            {
                return true;
            }
        }
        return false;
    }
}
