// Also compiled into Firmware.Tests, whose device sources turn nullable annotations off project-wide.
#nullable enable

using System.Diagnostics;

namespace Kiosk.Tests;

/// <summary>
/// A command-line tool run to its end, or killed (with what it started) once it has taken longer than its limit:
/// its exit code (-1 when killed) and what it wrote to standard output and error.
/// </summary>
public sealed record ToolRun(int ExitCode, string Output, string Error, bool TimedOut)
{
    public static ToolRun Of(string file, IEnumerable<string> arguments, TimeSpan limit, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory != null)
        {
            start.WorkingDirectory = workingDirectory;
        }
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using Process process = Process.Start(start)!;
        // Both streams are read at once: a tool that fills one pipe while the other is awaited would never end.
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            return new ToolRun(-1, output, error.Result, TimedOut: true);
        }
        return new ToolRun(process.ExitCode, output, error.Result, TimedOut: false);
    }
}
