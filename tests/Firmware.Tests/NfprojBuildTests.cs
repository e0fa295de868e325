using Xunit;
using Kiosk.Tests;

namespace Kiosk.Firmware.Tests;

/// <summary>
/// The .nfproj files build with the official toolchain and build nothing without it (shared/NANOFRAMEWORK.md
/// section 10). A stand-in project system (three files whose Build writes a marker) takes the place of the one the
/// Visual Studio extension installs: with it present, the project system's Build must run; without it, the no-op.
/// </summary>
public sealed class NfprojBuildTests : IDisposable
{
    private readonly string _projectSystem = Path.Combine(Path.GetTempPath(), $"nfps-{Guid.NewGuid():N}") + Path.DirectorySeparatorChar;

    public static TheoryData<string> Projects => new()
    {
        "firmware/Esp32App/Esp32App.nfproj",
        "firmware/MatCore.DeviceTests/MatCore.DeviceTests.nfproj",
    };

    public NfprojBuildTests()
    {
        Directory.CreateDirectory(_projectSystem);
        File.WriteAllText(Path.Combine(_projectSystem, "NFProjectSystem.Default.props"), "<Project />");
        File.WriteAllText(Path.Combine(_projectSystem, "NFProjectSystem.props"), "<Project />");
        File.WriteAllText(Path.Combine(_projectSystem, "NFProjectSystem.CSharp.targets"), """
            <Project>
              <Target Name="Build">
                <WriteLinesToFile File="$(StandInMarker)" Lines="$(AssemblyName)" Overwrite="true" />
              </Target>
            </Project>
            """);
    }

    public void Dispose() => Directory.Delete(_projectSystem, recursive: true);

    [Theory]
    [MemberData(nameof(Projects))]
    public void WithTheProjectSystemItsBuildRuns(string project)
    {
        string marker = Path.Combine(_projectSystem, "built.txt");

        (int exit, string output) = MsBuild(project, $"-p:NanoFrameworkProjectSystemPath={_projectSystem}", $"-p:StandInMarker={marker}");

        Assert.True(exit == 0, output);
        Assert.True(File.Exists(marker), "the project system's Build did not run:\n" + output);
        Assert.DoesNotContain("nothing built", output);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void WithoutTheProjectSystemItBuildsNothingAndSucceeds(string project)
    {
        string absent = Path.Combine(_projectSystem, "absent") + Path.DirectorySeparatorChar;

        (int exit, string output) = MsBuild(project, $"-p:NanoFrameworkProjectSystemPath={absent}");

        Assert.True(exit == 0, output);
        Assert.Contains("nanoFramework project system not installed, nothing built", output);
    }

    private static (int Exit, string Output) MsBuild(string project, params string[] properties)
    {
        var run = ToolRun.Of("dotnet", ["msbuild", project, "-t:Build", "-nologo", "-v:n", .. properties], TimeSpan.FromMinutes(2), RepositoryPaths.Root);
        return run.TimedOut ? (-1, run.Output + "\n(timed out)") : (run.ExitCode, run.Output + run.Error);
    }
}
