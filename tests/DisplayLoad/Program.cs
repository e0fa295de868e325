using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Kiosk.LoadTest;
using Kiosk.Mat.Pairing;
using Microsoft.Data.Sqlite;

// The display under a store's load on this machine's loopback (README.md): mats sending frames and results, staff
// and a technician at their pages; optionally a kill -9 of the display half-way and a restart. Prints what was
// acked and stored, duplicates, frames/s, the display's CPU and memory and the pages' latency. Stops by itself.

var options = LoadOptions.Parse(args);
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (!File.Exists(DisplayProcess.Dll))
{
    Console.Error.WriteLine($"build the display first: dotnet build -c Release kiosk-display/KioskDisplay (no {DisplayProcess.Dll})");
    return 2;
}

// A hard end, whatever happens: the run, the drain, two starts and a stop.
using var hardStop = new CancellationTokenSource(TimeSpan.FromSeconds(options.Seconds + 300));
string folder = Directory.CreateTempSubdirectory("kiosk-load-").FullName;
string dataFolder = Path.Combine(folder, "data");
string logFile = Path.Combine(folder, "display.log");
string loadAtStart = File.ReadAllText("/proc/loadavg").Trim();
Console.WriteLine($"load: {options.Mats} mats x {options.FramesPerSecond} frames/s, a result each every {options.ResultEveryMs} ms, {options.Seconds} s, " +
    $"staff pages beside{(options.Kill ? $", kill -9 of the display at {options.Seconds / 2} s" : "")}; display log {logFile}");

await using var display = new DisplayProcess(options.HttpPort, options.MatPort, dataFolder, logFile);
await display.StartAsync(hardStop.Token);

// Every mat paired by its key through the technician API before it connects, as a technician would.
var payloads = new ScanPayloads();
var mats = Enumerable.Range(1, options.Mats).Select(i =>
{
    byte[] key = SHA256.HashData(Encoding.UTF8.GetBytes($"load-mat-{i}"))[..PairingKey.KeyBytes];
    return (Mat: new LoadMat(0x02_4C_0A_D0_00_00 + i, key, payloads, options.MatPort), Key: key);
}).ToList();
using (var tech = new HttpClient(new HttpClientHandler { CookieContainer = new() }) { BaseAddress = display.BaseAddress })
{
    (await tech.PostAsJsonAsync("/api/auth/login", new { name = "tech", password = "tech" })).EnsureSuccessStatusCode();
    foreach (var (mat, key) in mats)
    {
        (await tech.PostAsJsonAsync($"/api/tech/devices/{mat.DeviceId:x12}/commands", new { command = "pair", argument = PairingKey.Format(key) })).EnsureSuccessStatusCode();
    }
}

using var produce = new CancellationTokenSource(TimeSpan.FromSeconds(options.Seconds));
var started = DateTime.UtcNow;
var matRuns = mats.Select(m => Task.Run(() => m.Mat.RunAsync(options.FramesPerSecond, options.ResultEveryMs, produce.Token, hardStop.Token))).ToList();
var staff = new StaffBrowsing(display.BaseAddress);
var browsing = staff.RunAsync(produce.Token);

// CPU and memory once a second while the mats produce; the kill half-way.
var cpuPercent = new List<double>();
var residentMb = new List<double>();
double restartSeconds = 0;
long? lastTicks = display.CpuTicks();
var lastAt = DateTime.UtcNow;
bool killed = false;
while (!produce.IsCancellationRequested)
{
    await Task.Delay(1000, hardStop.Token);
    if (options.Kill && !killed && DateTime.UtcNow - started >= TimeSpan.FromSeconds(options.Seconds / 2.0))
    {
        killed = true;
        display.KillHard();
        var down = DateTime.UtcNow;
        Console.WriteLine($"killed the display (kill -9) at {(down - started).TotalSeconds:0} s; starting it again");
        await display.StartAsync(hardStop.Token);
        restartSeconds = (DateTime.UtcNow - down).TotalSeconds;
        lastTicks = display.CpuTicks();
        lastAt = DateTime.UtcNow;
        continue;
    }
    long? ticks = display.CpuTicks();
    var now = DateTime.UtcNow;
    if (ticks is { } t && lastTicks is { } l)
    {
        cpuPercent.Add((t - l) / (now - lastAt).TotalSeconds); // ticks are 1/100 s: ticks per second = percent of one core
    }
    if (display.ResidentMb() is { } mb) residentMb.Add(mb);
    (lastTicks, lastAt) = (ticks, now);
}
double producedSeconds = (DateTime.UtcNow - started).TotalSeconds;
await browsing;
// The mats keep their links until every result is acked (30 s at most), then the display stops as systemd stops it.
using (var drain = CancellationTokenSource.CreateLinkedTokenSource(hardStop.Token))
{
    drain.CancelAfter(TimeSpan.FromSeconds(30));
    await Task.WhenAny(Task.WhenAll(matRuns), Task.Delay(Timeout.Infinite, drain.Token).ContinueWith(_ => { }));
}
hardStop.Cancel();
await Task.WhenAll(matRuns).ContinueWith(_ => { });
await display.StopAsync();

// What the database holds, read from its file after the display stopped.
var stored = new Dictionary<string, List<string>>();
SqliteConnection.ClearAllPools();
using (var db = new SqliteConnection($"Data Source={Path.Combine(dataFolder, "kiosk.db")};Mode=ReadOnly"))
{
    db.Open();
    using var query = db.CreateCommand();
    query.CommandText = "SELECT device_id, result_id FROM scans";
    using var rows = query.ExecuteReader();
    while (rows.Read())
    {
        if (!stored.TryGetValue(rows.GetString(0), out var ids)) stored[rows.GetString(0)] = ids = [];
        ids.Add(rows.GetString(1));
    }
}
long made = mats.Sum(m => m.Mat.ResultsMade);
long acked = 0, missing = 0, storedCount = 0, duplicates = 0, storedNotAcked = 0;
foreach (var (mat, _) in mats)
{
    string device = mat.DeviceId.ToString("x12");
    var ids = stored.GetValueOrDefault(device) ?? [];
    storedCount += ids.Count;
    duplicates += ids.Count(id => id.Contains('~')) + (ids.Count - ids.Distinct().Count());
    var present = ids.ToHashSet();
    foreach (uint counter in mat.Acked)
    {
        acked++;
        if (!present.Contains($"{device}-{counter}")) missing++;
    }
    storedNotAcked += ids.Count(id => !id.Contains('~') && !mat.Acked.Contains(uint.Parse(id[(id.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture)));
}
long frames = mats.Sum(m => m.Mat.FramesSent);
var pages = staff.LatenciesMs.Order().ToList();
double Percentile(double p) => pages.Count == 0 ? double.NaN : pages[Math.Min(pages.Count - 1, (int)Math.Ceiling(p * pages.Count) - 1)];

Console.WriteLine($"machine: {Environment.ProcessorCount} cores; load average (1, 5, 15 min) at start {string.Join(' ', loadAtStart.Split(' ')[..3])}, " +
    $"at end {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3])}");
if (options.Kill) Console.WriteLine($"restart: the display answered again {restartSeconds:0.0} s after the kill");
Console.WriteLine($"results: made {made}, acked {acked}, stored {storedCount}; acked but not stored {missing}; stored, ack lost with the link {storedNotAcked}; " +
    $"duplicates {duplicates}; acks repeated {mats.Sum(m => m.Mat.AcksAgain)}; still unacked at the end {mats.Sum(m => m.Mat.Unacked)}; connections {mats.Sum(m => m.Mat.Connections)}");
Console.WriteLine($"frames: {frames} sent in {producedSeconds:0} s = {frames / producedSeconds:0} frames/s ({frames / producedSeconds / options.Mats:0.0} per mat)");
Console.WriteLine($"display CPU: mean {cpuPercent.DefaultIfEmpty().Average():0}% of one core, max {cpuPercent.DefaultIfEmpty().Max():0}% (samples {cpuPercent.Count}); " +
    $"memory (RSS): peak {residentMb.DefaultIfEmpty().Max():0} MB, last {residentMb.LastOrDefault():0} MB");
Console.WriteLine($"staff pages: {pages.Count} fetched, p50 {Percentile(0.50):0} ms, p95 {Percentile(0.95):0} ms, max {pages.LastOrDefault():0} ms; failed {staff.Failed}" +
    (options.Kill ? " (while the display was down or restarting)" : ""));
if (missing == 0 && duplicates == 0) { try { Directory.Delete(folder, recursive: true); } catch (IOException) { } } else { Console.WriteLine($"kept {folder} (the database and the display log)"); }
return missing == 0 && duplicates == 0 ? 0 : 1;

internal sealed record LoadOptions(int Mats, int FramesPerSecond, int ResultEveryMs, int Seconds, bool Kill, int HttpPort, int MatPort)
{
    public static LoadOptions Parse(string[] args)
    {
        var o = new LoadOptions(20, 20, 1000, 120, false, 5140, 5147);
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => args[++i];
            o = args[i] switch
            {
                "--kill" => o with { Kill = true },
                "--mats" => o with { Mats = Math.Clamp(int.Parse(Next()), 1, 100) },
                "--fps" => o with { FramesPerSecond = Math.Clamp(int.Parse(Next()), 1, 50) },
                "--result-every-ms" => o with { ResultEveryMs = Math.Clamp(int.Parse(Next()), 100, 60_000) },
                "--seconds" => o with { Seconds = Math.Clamp(int.Parse(Next()), 10, 600) },
                "--http-port" => o with { HttpPort = int.Parse(Next()) },
                "--mat-port" => o with { MatPort = int.Parse(Next()) },
                _ => throw new ArgumentException($"unknown option {args[i]}: --kill --mats N --fps N --result-every-ms N --seconds N --http-port N --mat-port N"),
            };
        }
        return o;
    }
}
