using System.Diagnostics;

namespace Kiosk.Display.Tests;

/// <summary>The kiosk's start at boot (kiosk-display/deploy): its systemd units and Chromium's kiosk command line, checked by the script a technician runs too.</summary>
public sealed class KioskModeTests
{
    [Fact]
    public async Task TheKioskUnitsVerifyAndStartTheBrowserInKioskModeOnTheServersPage()
    {
        string script = Path.Combine(RepositoryPaths.Root, "kiosk-display", "deploy", "check-kiosk-units.sh");
        var start = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        string output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, output);
        Assert.Contains("kiosk units: ok", output);
    }
}
