using System.Diagnostics;
using Kiosk.Tests;

namespace Kiosk.LoadTest;

/// <summary>
/// The display as a store runs it: its own process (the Release build), on loopback ports, with a data folder of its
/// own. It can be killed with SIGKILL (nothing flushed, nothing closed) and started again on the same folder; its CPU
/// time and resident memory are read from /proc.
/// </summary>
public sealed class DisplayProcess(int httpPort, int matPort, string dataFolder, string logFile) : IAsyncDisposable
{
    public static string Dll => Path.Combine(RepositoryPaths.Root, "kiosk-display", "KioskDisplay", "bin", "Release", "net10.0", "KioskDisplay.dll");

    private Process? _process;

    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{httpPort}");

    public int? Pid => _process is { HasExited: false } p ? p.Id : null;

    public async Task StartAsync(CancellationToken stop)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string arg in new[]
        {
            Dll, "--urls", BaseAddress.ToString().TrimEnd('/'), "--MatLink:ListenAddress", "127.0.0.1", "--MatLink:Port", matPort.ToString(),
            "--Kiosk:DataFolder", dataFolder, "--VirtualMat:Enabled", "false", "--Logging:LogLevel:Default", "Warning",
        })
        {
            start.ArgumentList.Add(arg);
        }
        // Development for the demo accounts (staff/staff, tech/tech) the page fetcher signs in with; no virtual mat.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        _process = Process.Start(start) ?? throw new InvalidOperationException("the display did not start");
        var log = File.AppendText(logFile);
        log.AutoFlush = true;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the display exited with {_process.ExitCode}: see {logFile}");
            try
            {
                if ((await http.GetAsync("/api/shopper/locale", stop)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!stop.IsCancellationRequested)
            {
            }
            await Task.Delay(250, stop);
        }
        throw new TimeoutException($"the display did not answer within 90 s: see {logFile}");
    }

    /// <summary>kill -9: the process ends at once, mid-write if it was writing.</summary>
    public void KillHard()
    {
        _process?.Kill();
        _process?.WaitForExit(10_000);
    }

    /// <summary>SIGTERM, as systemd stops the service, then waits for it to finish; SIGKILL after 30 s.</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process) return;
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString()]))
        {
            await kill!.WaitForExitAsync();
        }
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
        }
    }

    /// <summary>User and system CPU time of the running display, in clock ticks (1/100 s); null when it is not running.</summary>
    public long? CpuTicks()
    {
        if (Pid is not { } pid) return null;
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11]) + long.Parse(fields[12]); // utime, stime (fields 14 and 15 of proc(5))
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Resident memory of the running display, in MB; null when it is not running.</summary>
    public double? ResidentMb()
    {
        if (Pid is not { } pid) return null;
        try
        {
            string line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
    }
}
