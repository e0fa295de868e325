using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Kiosk.Display.Tests;

/// <summary>
/// A full disk: results are not acked (the mats keep them), the technician page says so once, and the log gets one
/// entry a minute instead of a stack trace per resent result.
/// </summary>
public sealed class DiskFullTests
{
    /// <summary>The scan store of the display, failing as SQLite does on a full disk while <see cref="Full"/> is set.</summary>
    private sealed class FillingDisk(IScanStore inner) : IScanStore
    {
        public volatile bool Full = true;

        public Task<SavedResult> SaveResultAsync(ScanResult result, CancellationToken cancellationToken = default) =>
            Full ? throw new SqliteException("SQLite Error 13: 'database or disk is full'.", 13) : inner.SaveResultAsync(result, cancellationToken);

        public Task<StoredScan?> GetScanAsync(string resultId, CancellationToken cancellationToken = default) => inner.GetScanAsync(resultId, cancellationToken);

        public Task<IReadOnlyList<StoredScan>> ListScansAsync(ScanFilter filter, CancellationToken cancellationToken = default) => inner.ListScansAsync(filter, cancellationToken);
        public Task<Paged<ListedScan>> ListScansAsync(ScanFilter filter, PageRequest page, CancellationToken cancellationToken = default) => inner.ListScansAsync(filter, page, cancellationToken);
        public Task<IReadOnlyList<ListedScan>> ListScanReportsAsync(ScanFilter filter, CancellationToken cancellationToken = default) => inner.ListScanReportsAsync(filter, cancellationToken);
        public Task<IReadOnlyList<(string ResultId, DateTimeOffset ScannedAt)>> ListScanTimesAsync(ScanFilter filter, CancellationToken cancellationToken = default) => inner.ListScanTimesAsync(filter, cancellationToken);

        public Task<int> DeleteScansBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) => inner.DeleteScansBeforeAsync(cutoff, cancellationToken);

        public Task<bool> SaveAnswersAsync(string resultId, Kiosk.Display.Recommend.ShopperAnswers answers, CancellationToken cancellationToken = default) =>
            Full ? throw new SqliteException("SQLite Error 13: 'database or disk is full'.", 13) : inner.SaveAnswersAsync(resultId, answers, cancellationToken);
    }

    [Fact]
    public async Task AFullDiskIsShownOnceOnTheTechnicianPageAndLoggedOnceAMinute()
    {
        FillingDisk? disk = null;
        await using var server = new KioskServer(services: s => s.AddSingleton<IScanStore>(p => disk = new FillingDisk(new ScanStore(p.GetRequiredService<SqlDatabase>()))));
        var feed = server.Get<IScanFeed>();
        var tech = await server.SignedInAsync("tech");

        for (int i = 0; i < 50; i++)
        {
            Assert.False((await feed.PublishResultAsync(TestScans.Result($"240ac4000001-{i}"))).Acknowledged);
        }

        var errors = server.Logs.Entries.Where(e => e.Level >= LogLevel.Error).ToList();
        Assert.Single(errors);
        Assert.Contains("disk is full", errors[0].Message);
        string page = await tech.GetStringAsync("/tech");
        Assert.Equal(1, CountOf(page, "disk is full"));

        disk!.Full = false;
        Assert.True((await feed.PublishResultAsync(TestScans.Result("240ac4000001-99"))).Acknowledged);
        Assert.Equal(0, CountOf(await tech.GetStringAsync("/tech"), "disk is full"));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
