namespace Kiosk.Display.Tests;

/// <summary>The kiosk's start at boot (kiosk-display/deploy): its systemd units and Chromium's kiosk command line, checked by the script a technician runs too.</summary>
public sealed class KioskModeTests
{
    [Fact]
    public void TheKioskUnitsVerifyAndStartTheBrowserInKioskModeOnTheServersPage()
    {
        string script = Path.Combine(RepositoryPaths.Root, "kiosk-display", "deploy", "check-kiosk-units.sh");
        var run = ToolRun.Of("bash", [script], TimeSpan.FromMinutes(10));
        string output = run.Output + run.Error;
        Assert.True(run.ExitCode == 0, output);
        Assert.Contains("kiosk units: ok", output);
    }
}
