namespace Kiosk.Display.Storage;

/// <summary>At start-up: brings the schema up to date and puts the demo catalog into an empty database.</summary>
public sealed class StoreInitializer(SqlDatabase database, ICatalogStore catalog, ILogStore log, ILogger<StoreInitializer> logger) : IHostedService
{
    public static string DemoCatalogPath => Path.Combine(AppContext.BaseDirectory, "Data", "demo-catalog.csv");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.MigrateAsync(cancellationToken);
        if ((await catalog.ListProductsAsync(includeRetired: true, cancellationToken)).Count == 0)
        {
            var (products, problems) = CatalogCsv.Parse(await File.ReadAllTextAsync(DemoCatalogPath, cancellationToken));
            if (problems.Count > 0) throw new InvalidDataException($"{DemoCatalogPath}: {problems[0]}");
            await catalog.ImportProductsAsync(products, cancellationToken);
            logger.LogInformation("Loaded the demo catalog: {Count} products", products.Count);
        }
        await log.AddLogAsync("info", null, "display started", cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Deletes scans older than the retention period (staff setting, else <see cref="KioskOptions.RetentionDays"/>).</summary>
public sealed class ScanExpiryJob(SqlDatabase database, IScanStore scans, IDeviceStore devices, ICommandStore commands, ILogStore log, ISettingsStore settings, Microsoft.Extensions.Options.IOptions<KioskOptions> options, ILogger<ScanExpiryJob> logger)
    : BackgroundService
{
    public const string RetentionSetting = "retention_days";

    public async Task<int> RetentionDaysAsync(CancellationToken ct = default) =>
        int.TryParse(await settings.GetSettingAsync(RetentionSetting, ct), out int days) && days > 0 ? days : options.Value.RetentionDays;

    public async Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        int days = await RetentionDaysAsync(ct);
        int deleted = await scans.DeleteScansBeforeAsync(now.AddDays(-days), ct);
        // The log and the command list name results and staff: they expire too.
        await log.DeleteLogBeforeAsync(now.AddDays(-days), ct);
        await commands.DeleteCommandsBeforeAsync(now.AddDays(-days), ct);
        await devices.DeleteWaitingBeforeAsync(now - DeviceStore.WaitingKeptFor, ct);
        if (deleted > 0)
        {
            await log.AddLogAsync("info", null, $"expiry: deleted {deleted} scans older than {days} days", ct);
        }
        // Last, so what the rows held is gone from the files too (a busy database throws: the next run erases).
        await database.EraseDeletedAsync(ct);
        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.ExpiryIntervalMinutes));
        do
        {
            try
            {
                await RunOnceAsync(DateTimeOffset.UtcNow, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Scan expiry failed; it runs again at the next interval");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try { return await timer.WaitForNextTickAsync(ct); }
        catch (OperationCanceledException) { return false; }
    }
}
