namespace Kiosk.Display.Tests;

/// <summary>
/// The same store behaviour, run against SQLite and PostgreSQL: each theory has a row per store. The PostgreSQL rows
/// need <c>KIOSK_TEST_POSTGRES</c> (see <see cref="PostgresDataAttribute"/>).
/// </summary>
public sealed class StoreBehaviourTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static void CloseInTime(DateTimeOffset expected, DateTimeOffset actual) =>
        Assert.InRange((actual - expected).Duration(), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task EachResultIdIsStoredOnceAndReadBackWhole(string kind)
    {
        await using var test = await TestStore.CreateAsync(kind);
        var store = test.Stores;
        var result = TestScans.Result("once-1", "high", Noon.ToOffset(TimeSpan.FromHours(2)));

        Assert.Equal(new SavedResult(SaveOutcome.Stored, "once-1"), await store.Scans.SaveResultAsync(result));
        // The same scan again (a mat resending it because its ack was lost), whenever it arrives: stored once.
        Assert.Equal(new SavedResult(SaveOutcome.AlreadyStored, "once-1"),
            await store.Scans.SaveResultAsync(result with { ScannedAt = result.ScannedAt.AddMinutes(5) }));

        var stored = (await store.Scans.GetScanAsync("once-1"))!;
        Assert.Equal("test-mat", stored.Result.DeviceId);
        CloseInTime(Noon, stored.Result.ScannedAt);
        Assert.Equal(TimeSpan.Zero, stored.Result.ScannedAt.Offset);
        Assert.InRange(DateTimeOffset.UtcNow - stored.ReceivedAt, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Assert.Equal(result.Report.ToJson(), stored.Result.Report.ToJson());
        Assert.Equal(result.Summed.LoadGrams, stored.Result.Summed.LoadGrams);
        Assert.Equal((result.Summed.Rows, result.Summed.Cols, result.Summed.PitchMm),
            (stored.Result.Summed.Rows, stored.Result.Summed.Cols, stored.Result.Summed.PitchMm));
        Assert.Null(await store.Scans.GetScanAsync("nope"));
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task AReusedIdWithAnotherScanIsKeptUnderANewIdAndItsResendsStillOnce(string kind)
    {
        // A mat whose result counter went back (a reset, a restored backup) sends a new shopper's scan under an id
        // the store has: that scan is not the stored one, so it is kept too, under the id with "~2".
        await using var test = await TestStore.CreateAsync(kind);
        var scans = test.Stores.Scans;
        var yesterday = TestScans.Result("240ac4123456-1", "low", Noon.AddDays(-1));
        var today = TestScans.Result("240ac4123456-1", "high", Noon);
        var later = TestScans.Result("240ac4123456-1", "normal", Noon.AddHours(1));

        Assert.Equal(new SavedResult(SaveOutcome.Stored, "240ac4123456-1"), await scans.SaveResultAsync(yesterday));
        Assert.Equal(new SavedResult(SaveOutcome.StoredUnderNewId, "240ac4123456-1~2"), await scans.SaveResultAsync(today));
        Assert.Equal(new SavedResult(SaveOutcome.AlreadyStored, "240ac4123456-1~2"), await scans.SaveResultAsync(today));
        Assert.Equal(new SavedResult(SaveOutcome.StoredUnderNewId, "240ac4123456-1~3"), await scans.SaveResultAsync(later));
        Assert.Equal(new SavedResult(SaveOutcome.AlreadyStored, "240ac4123456-1"), await scans.SaveResultAsync(yesterday));

        Assert.Equal("high", (await scans.GetScanAsync("240ac4123456-1~2"))!.Result.Report.Left!.ArchType);
        Assert.Equal("240ac4123456-1~2", (await scans.GetScanAsync("240ac4123456-1~2"))!.Result.ResultId);
        Assert.Equal("low", (await scans.GetScanAsync("240ac4123456-1"))!.Result.Report.Left!.ArchType);
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task ListsTheScansOfOneUtcDayByArchAndQualityNewestFirst(string kind)
    {
        await using var test = await TestStore.CreateAsync(kind);
        var store = test.Stores;
        var day = DateOnly.FromDateTime(Noon.UtcDateTime);
        await store.Scans.SaveResultAsync(TestScans.Result("low-9", "low", Noon.AddHours(-3)));
        await store.Scans.SaveResultAsync(TestScans.Result("high-12", "high", Noon));
        var unclear = TestScans.Result("unclear-13", "normal", Noon.AddHours(1));
        await store.Scans.SaveResultAsync(unclear with { Report = unclear.Report.WithQuality(false, "moved") with { Left = null } });
        await store.Scans.SaveResultAsync(TestScans.Result("first-second", "low", new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero)));
        await store.Scans.SaveResultAsync(TestScans.Result("day-before", "low", new DateTimeOffset(2026, 3, 9, 23, 59, 59, 999, TimeSpan.Zero)));
        await store.Scans.SaveResultAsync(TestScans.Result("next-day", "low", new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.Zero)));

        async Task<string[]> Ids(ScanFilter filter) => [.. (await store.Scans.ListScansAsync(filter)).Select(s => s.Result.ResultId)];

        Assert.Equal(["unclear-13", "high-12", "low-9", "first-second"], await Ids(new ScanFilter(day)));
        Assert.Equal(["low-9", "first-second"], await Ids(new ScanFilter(day, "low")));
        Assert.Equal(["high-12"], await Ids(new ScanFilter(day, "high")));
        Assert.Equal(["unclear-13"], await Ids(new ScanFilter(day, "unclassified")));
        Assert.Equal(["unclear-13"], await Ids(new ScanFilter(day, QualityOk: false)));
        Assert.Equal(["high-12", "low-9", "first-second"], await Ids(new ScanFilter(day, QualityOk: true)));
        Assert.Empty(await Ids(new ScanFilter(day, "high", QualityOk: false)));
        Assert.Equal(["day-before"], await Ids(new ScanFilter(day.AddDays(-1))));
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task ExpiryDeletesScansLogAndCommandsOlderThanTheCutoff(string kind)
    {
        await using var test = await TestStore.CreateAsync(kind);
        var store = test.Stores;
        var now = DateTimeOffset.UtcNow;
        await store.Scans.SaveResultAsync(TestScans.Result("old", at: now.AddDays(-31)));
        await store.Scans.SaveResultAsync(TestScans.Result("new", at: now.AddDays(-29)));
        await store.Commands.AddCommandAsync(new DeviceCommandRecord("mat-1", "zero", null, "tech", now.AddDays(-31), "sent"));
        await store.Commands.AddCommandAsync(new DeviceCommandRecord("mat-1", "zero", null, "tech", now.AddDays(-1), "sent"));
        await store.Log.AddLogAsync("info", null, "today");

        Assert.Equal(1, await store.Scans.DeleteScansBeforeAsync(now.AddDays(-30)));
        Assert.Null(await store.Scans.GetScanAsync("old"));
        Assert.NotNull(await store.Scans.GetScanAsync("new"));
        Assert.Equal(1, await store.Commands.DeleteCommandsBeforeAsync(now.AddDays(-30)));
        Assert.Equal(0, await store.Log.DeleteLogBeforeAsync(now.AddDays(-30)));
        Assert.Single(await store.Commands.ListCommandsAsync(10));
        Assert.Single(await store.Log.RecentLogAsync(10));
        Assert.Equal(1, await store.Commands.DeleteCommandsBeforeAsync(now.AddMinutes(1)));
        Assert.Equal(1, await store.Log.DeleteLogBeforeAsync(now.AddMinutes(1)));
        Assert.Empty(await store.Log.RecentLogAsync(10));
        Assert.Empty(await store.Commands.ListCommandsAsync(10));
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task DevicesAreUpsertedAndPairedByTheTechnician(string kind)
    {
        await using var test = await TestStore.CreateAsync(kind);
        var store = test.Stores;
        var seen = Noon.AddSeconds(5);
        await store.Devices.UpsertDeviceStatusAsync(new DeviceStatus("mat-b", "1.0.0", 10, 20, -60, 0, null, Noon));
        await store.Devices.UpsertDeviceStatusAsync(new DeviceStatus("mat-a", "1.0.0", 5, 20, -70, 0, null, Noon));
        await store.Devices.UpsertDeviceStatusAsync(new DeviceStatus("mat-b", "1.1.0", 3_000_000_000, 19.5, -55, 2,
            new DeadSenselMap(2, 3, [1, 4]), seen));

        var devices = await store.Devices.ListDevicesAsync();
        Assert.Equal(["mat-a", "mat-b"], devices.Select(d => d.Status.DeviceId));
        Assert.All(devices, d => Assert.False(d.Paired));
        var b = devices[1].Status;
        Assert.Equal(("1.1.0", 3_000_000_000L, 19.5, -55, 2), (b.FirmwareVersion, b.UptimeSeconds, b.FrameRateHz, b.RssiDbm, b.DeadSenselCount));
        Assert.Equal([1, 4], b.DeadSensels!.Indices);
        CloseInTime(seen, b.LastSeen);

        // The self-test map is kept through the status reports that follow it (they carry none).
        await store.Devices.SetDeadSenselMapAsync("mat-a", new DeadSenselMap(2, 3, [0, 5], [1, 2]));
        await store.Devices.UpsertDeviceStatusAsync(new DeviceStatus("mat-a", "1.0.0", 7, 20, -60, 2, null, seen));
        var a = (await store.Devices.ListDevicesAsync())[0].Status;
        Assert.Equal([0, 5], a.DeadSensels!.Indices);
        Assert.Equal([1, 2], a.DeadSensels.Kinds!);
        Assert.Equal(2, a.DeadSenselCount);

        Assert.Null(await store.Devices.GetPairingKeyAsync("mat-b"));
        await store.Devices.PairDeviceAsync("mat-b", "00112233-44556677-8899aabb-ccddeeff");
        Assert.Equal([false, true], (await store.Devices.ListDevicesAsync()).Select(d => d.Paired));
        await store.Devices.UpsertDeviceStatusAsync(new DeviceStatus("mat-b", "1.1.0", 4, 20, -55, 0, null, seen));
        Assert.True((await store.Devices.ListDevicesAsync())[1].Paired); // a status report keeps the pairing
        Assert.Equal("00112233-44556677-8899aabb-ccddeeff", await store.Devices.GetPairingKeyAsync("mat-b"));
        await store.Devices.PairDeviceAsync("mat-b", "ffeeddcc-bbaa9988-77665544-33221100"); // a re-provisioned mat
        Assert.Equal("ffeeddcc-bbaa9988-77665544-33221100", await store.Devices.GetPairingKeyAsync("mat-b"));
        await store.Devices.UnpairDeviceAsync("mat-b");
        Assert.All(await store.Devices.ListDevicesAsync(), d => Assert.False(d.Paired));
        Assert.Null(await store.Devices.GetPairingKeyAsync("mat-b"));

        // A mat can be paired before it ever connects: it is listed, paired, with placeholders its Status replaces.
        await store.Devices.PairDeviceAsync("mat-c", "00112233-44556677-8899aabb-ccddeeff");
        Assert.True((await store.Devices.ListDevicesAsync()).Single(d => d.Status.DeviceId == "mat-c").Paired);
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task CommandsAndLogListNewestFirstUpToTheLimit(string kind)
    {
        await using var test = await TestStore.CreateAsync(kind);
        var store = test.Stores;
        await store.Commands.AddCommandAsync(new DeviceCommandRecord("mat-1", "zero", null, "tech", Noon, "sent"));
        await store.Commands.AddCommandAsync(new DeviceCommandRecord("mat-1", "calibrate", "20000", "tech", Noon.AddMinutes(1), "failed"));
        await store.Commands.AddCommandAsync(new DeviceCommandRecord("mat-2", "zero", null, "ann", Noon.AddMinutes(2), "sent"));

        var commands = await store.Commands.ListCommandsAsync(2);
        Assert.Equal(["mat-2", "mat-1"], commands.Select(c => c.DeviceId));
        Assert.Equal(("calibrate", "20000", "tech", "failed"), (commands[1].Command, commands[1].Argument, commands[1].RequestedBy, commands[1].State));
        CloseInTime(Noon.AddMinutes(1), commands[1].RequestedAt);
        Assert.Null(commands[0].Argument);

        await store.Log.AddLogAsync("info", null, "first");
        await store.Log.AddLogAsync("warn", "mat-1", "second");
        await store.Log.AddLogAsync("error", "mat-2", "third");
        var log = await store.Log.RecentLogAsync(2);
        Assert.Equal(["third", "second"], log.Select(l => l.Message));
        Assert.Equal(("warn", "mat-1"), (log[1].Level, log[1].DeviceId));
        Assert.Null((await store.Log.RecentLogAsync(3))[2].DeviceId);
        Assert.InRange(DateTimeOffset.UtcNow - log[0].At, TimeSpan.Zero, TimeSpan.FromMinutes(1));
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task ACommandGetsItsAnswerOldestFirstAndTheLogFiltersAndPages(string kind)
    {
        await using var test = await TestStore.CreateAsync(kind);
        var store = test.Stores;
        const string waiting = "waiting";
        long first = await store.Commands.AddCommandAsync(new DeviceCommandRecord("mat-1", "zero", null, "tech", Noon, waiting));
        await store.Commands.AddCommandAsync(new DeviceCommandRecord("mat-1", "zero", null, "tech", Noon.AddSeconds(1), waiting));
        await store.Commands.AddCommandAsync(new DeviceCommandRecord("mat-2", "zero", null, "tech", Noon.AddSeconds(2), waiting));
        Assert.True(await store.Commands.AnswerOldestAsync("mat-1", "zero", waiting, "done"));
        Assert.False(await store.Commands.AnswerOldestAsync("mat-1", "calibrate", waiting, "done"));
        Assert.Equal(["mat-2 waiting", "mat-1 waiting", "mat-1 done"], (await store.Commands.ListCommandsAsync(10)).Select(c => $"{c.DeviceId} {c.State}"));
        Assert.Equal(1, await store.Commands.EndAwaitingAsync("mat-1", waiting, "gone"));
        Assert.Equal(["gone", "done"], (await store.Commands.ListCommandsAsync(10, deviceId: "mat-1")).Select(c => c.State));
        await store.Commands.SetCommandStateAsync(first, "redone");
        Assert.Equal("redone", (await store.Commands.ListCommandsAsync(10, deviceId: "mat-1"))[^1].State);

        for (int i = 0; i < 25; i++)
        {
            await store.Log.AddLogAsync(i % 5 == 0 ? "warning" : "info", i % 2 == 0 ? "mat-1" : null, $"entry {i}");
        }
        var warnings = await store.Log.ListLogAsync(new LogQuery("warning"), new PageRequest(1, 2));
        Assert.Equal((5, 3), (warnings.Total, warnings.PageCount));
        Assert.Equal(["entry 20", "entry 15"], warnings.Items.Select(e => e.Message));
        var ofMat = await store.Log.ListLogAsync(new LogQuery("warning", "mat-1"), new PageRequest(2, 2));
        Assert.Equal(["entry 0"], ofMat.Items.Select(e => e.Message)); // 20, 10 | 0
        Assert.Equal((3, 3, 3), (ofMat.Total, ofMat.First, ofMat.Last));
        Assert.Equal(25, (await store.Log.ListLogAsync(new LogQuery(), new PageRequest(9, 10))).Total);
        Assert.Empty((await store.Log.ListLogAsync(new LogQuery(), new PageRequest(9, 10))).Items);
        Assert.Equal(["mat-1"], await store.Log.LoggedDevicesAsync());
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task SettingsAreSetAndOverwritten(string kind)
    {
        await using var test = await TestStore.CreateAsync(kind);
        var store = test.Stores;
        Assert.Null(await store.Settings.GetSettingAsync(ScanExpiryJob.RetentionSetting));
        await store.Settings.SetSettingAsync(ScanExpiryJob.RetentionSetting, "14");
        await store.Settings.SetSettingAsync("other", "x");
        await store.Settings.SetSettingAsync(ScanExpiryJob.RetentionSetting, "7");
        Assert.Equal("7", await store.Settings.GetSettingAsync(ScanExpiryJob.RetentionSetting));
        Assert.Equal("x", await store.Settings.GetSettingAsync("other"));
    }

    private static Product Shoe(string sku, string name = "Trail runner", decimal price = 89.95m) =>
        new(0, sku, name, "running-shoe", 2, 3, 1, 38, 46, 5, price);

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task CatalogAddsUpdatesRetiresAndRefusesATakenSku(string kind)
    {
        await using var test = await TestStore.CreateAsync(kind);
        var catalog = test.Stores.Catalog;
        long id = await catalog.AddProductAsync(Shoe(" RUN-1 ", " Trail runner "));
        long other = await catalog.AddProductAsync(Shoe("RUN-2", "Road runner", 120.5m) with { Category = "insole" });
        Assert.NotEqual(id, other);
        Assert.Equal(Shoe("RUN-1") with { Id = id }, await catalog.GetProductAsync(id)); // trimmed, price exact
        Assert.Null(await catalog.GetProductAsync(id + other + 100));

        var conflict = await Assert.ThrowsAsync<CatalogConflictException>(() => catalog.AddProductAsync(Shoe("RUN-1")));
        Assert.Contains("RUN-1", conflict.Message);
        await Assert.ThrowsAsync<CatalogConflictException>(() => catalog.UpdateProductAsync(Shoe("RUN-2") with { Id = id }));

        await catalog.UpdateProductAsync(Shoe("RUN-1B", "Trail runner 2", 0.01m) with { Id = id, Stock = 0, SizeMin = 36.5 });
        Assert.Equal(Shoe("RUN-1B", "Trail runner 2", 0.01m) with { Id = id, Stock = 0, SizeMin = 36.5 }, await catalog.GetProductAsync(id));

        // listed by category, then name
        Assert.Equal(["RUN-2", "RUN-1B"], (await catalog.ListProductsAsync(includeRetired: false)).Select(p => p.Sku));
        await catalog.SetRetiredAsync(other, true);
        Assert.Equal(["RUN-1B"], (await catalog.ListProductsAsync(includeRetired: false)).Select(p => p.Sku));
        Assert.True((await catalog.ListProductsAsync(includeRetired: true)).Single(p => p.Id == other).Retired);
        await catalog.SetRetiredAsync(other, false);
        Assert.Equal(2, (await catalog.ListProductsAsync(includeRetired: false)).Count);
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task CsvImportUpdatesBySkuInOneTransactionAllOrNothing(string kind)
    {
        await using var test = await TestStore.CreateAsync(kind);
        var catalog = test.Stores.Catalog;
        var csv = CatalogCsv.Write([Shoe("A-1", "Alpha"), Shoe("B-1", "Beta", 10m)]);
        var (parsed, problems) = CatalogCsv.Parse(csv);
        Assert.Empty(problems);
        Assert.Equal(2, await catalog.ImportProductsAsync(parsed));
        Assert.Equal(2, await catalog.ImportProductsAsync([Shoe("A-1", "Alpha renamed"), Shoe("C-1", "Gamma")]));
        var after = await catalog.ListProductsAsync(includeRetired: true);
        Assert.Equal(["Alpha renamed", "Beta", "Gamma"], after.Select(p => p.Name));
        Assert.Equal(10m, after.Single(p => p.Sku == "B-1").Price);

        // the third row fails in the middle of the transaction: the first two changes are not kept either
        await Assert.ThrowsAnyAsync<Exception>(() => catalog.ImportProductsAsync(
            [Shoe("A-1", "Alpha again"), Shoe("D-1", "Delta"), Shoe("E-1", null!)]));
        Assert.Equal(after, await catalog.ListProductsAsync(includeRetired: true));
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task MigrationsRunOnceAndDataSurvivesARestart(string kind)
    {
        await using var test = await TestStore.CreateAsync(kind);
        Assert.Equal(SaveOutcome.Stored, (await test.Stores.Scans.SaveResultAsync(TestScans.Result("kept-1"))).Outcome);
        await test.Stores.Database.MigrateAsync();

        var restarted = test.Open();
        await restarted.Database.MigrateAsync();
        Assert.Equal(AllSteps(kind), await restarted.Database.AppliedMigrationsAsync());
        Assert.Equal("kept-1", (await restarted.Scans.GetScanAsync("kept-1"))!.Result.ResultId);
        Assert.Equal(SaveOutcome.AlreadyStored, (await restarted.Scans.SaveResultAsync(TestScans.Result("kept-1"))).Outcome);
    }

    [Fact]
    public async Task MatsPairedByIdAloneMustBePairedAgainWithTheirKeyAfterTheUpgrade()
    {
        string folder = Directory.CreateTempSubdirectory("kiosk-store-").FullName;
        try
        {
            // A database as the display left it before pairing by key (schema steps 1 and 2), with a paired mat.
            string path = Path.Combine(folder, "kiosk.db");
            await using (var old = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=false"))
            {
                await old.OpenAsync();
                var sql = new System.Text.StringBuilder("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_utc TEXT NOT NULL);");
                foreach (var step in SqliteMigrations.Steps.Where(s => s.Version <= 2))
                {
                    sql.Append(step.Sql).Append($"INSERT INTO schema_migrations VALUES ({step.Version}, '{step.Name}', '2026-01-01T00:00:00Z');");
                }
                sql.Append("INSERT INTO devices VALUES ('mat-old', '1.0.0', 5, 20, -50, 0, NULL, '2026-01-01T00:00:00Z', 1);");
                await using var create = new Microsoft.Data.Sqlite.SqliteCommand(sql.ToString(), old);
                await create.ExecuteNonQueryAsync();
            }

            var store = new KioskStores(new SqliteDatabase(path));
            await store.Database.MigrateAsync();

            Assert.Equal(AllSteps("sqlite"), await store.Database.AppliedMigrationsAsync());
            var device = Assert.Single(await store.Devices.ListDevicesAsync());
            Assert.Equal(("mat-old", false), (device.Status.DeviceId, device.Paired));
            Assert.Null(await store.Devices.GetPairingKeyAsync("mat-old"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory, PostgresData]
    public async Task DisplaysStartingTogetherMigrateTheSharedDatabaseOnce(string kind)
    {
        await using var test = await TestStore.CreateAsync(kind);
        await using var admin = new Npgsql.NpgsqlConnection(test.SchemaConnection);
        await admin.OpenAsync();
        await using (var wipe = new Npgsql.NpgsqlCommand(
            "DROP TABLE scans, devices, products, log, settings, device_commands, accounts, session_stamps, schema_migrations", admin))
        {
            await wipe.ExecuteNonQueryAsync();
        }

        var displays = Enumerable.Range(0, 4).Select(_ => test.Open()).ToList();
        await Task.WhenAll(displays.Select(d => d.Database.MigrateAsync()));
        Assert.Equal(AllSteps(kind), await displays[0].Database.AppliedMigrationsAsync());
    }

    private static int[] AllSteps(string kind) =>
        [.. (kind == "sqlite" ? SqliteMigrations.Steps : PostgresMigrations.Steps).Select(step => step.Version).Order()];
}
