using Xunit;
using Kiosk.Mat.DeviceTests.Fakes;
using Kiosk.Tests;

namespace Kiosk.Firmware.Tests;

/// <summary>The real nanoFramework CLR beside the repository (../shared/tools/nanoframework, as in CI); skipped without it.</summary>
public sealed class NanoClrFactAttribute : FactAttribute
{
    public static string Tools => Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "tools", "nanoframework"));

    public NanoClrFactAttribute()
    {
        if (!File.Exists(Path.Combine(Tools, "nf-run")))
        {
            Skip = $"needs the nanoFramework CLR tools in {Tools} (CI has them; a fresh clone does not)";
        }
    }
}

/// <summary>
/// The device's Results are the same bytes in the real nanoFramework CLR as on .NET: the device tests print every
/// stored Result's bytes; here they run in nanoCLR (nf-run, a WROOM-32's heap) and on .NET, and the lines must agree.
/// </summary>
public sealed class DeviceResultParityTests
{
    /// <summary>The whole-device tests' heap, as .ci/run gives it: one number in one file (firmware/README.md, "Heap").</summary>
    private static int HeapBytes =>
        int.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "firmware", "MatCore.WholeDeviceTests.Build", "heap-bytes")).Trim(),
            System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The flat-feet shopper's Result as stored once (firmware/MatCore.DeviceTests/WholeDevice/flat-feet-still.result-bytes,
    /// the line the device tests print): both runtimes must give exactly these bytes. When the analysis or the protocol
    /// changes them on purpose, the failure shows the new line to store.
    /// </summary>
    public static string ExpectedFlatFeetLine =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "firmware", "MatCore.DeviceTests", "WholeDevice", "flat-feet-still.result-bytes")).Trim();

    private const string FlatFeet = ResultBytes.LinePrefix + "flat-feet-still ";

    [Fact]
    public void FlatFeetShopperGivesTheStoredResultBytesOnDotNet()
    {
        var method = DeviceTestsOnDotNet.TestMethods().Single(m => m.Name == "TheSameShopperGivesTheSameBytesEveryTime");
        List<string> lines = [.. DeviceTestsOnDotNet.Run(method).Where(l => l.StartsWith(FlatFeet, StringComparison.Ordinal)).Distinct()];

        Assert.Equal(ExpectedFlatFeetLine, Assert.Single(lines));
    }

    [NanoClrFact]
    public void ScriptedShoppersGiveTheSameResultBytesInNanoClrAsOnDotNet()
    {
        List<string> onDotNet = [];
        foreach (var method in DeviceTestsOnDotNet.TestMethods())
        {
            onDotNet.AddRange(DeviceTestsOnDotNet.Run(method).Where(l => l.StartsWith(ResultBytes.LinePrefix, StringComparison.Ordinal)));
        }

        string output = RunInNanoClr();
        List<string> inNanoClr = [.. output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith(ResultBytes.LinePrefix, StringComparison.Ordinal))];

        Assert.True(onDotNet.Count >= 5, $"{onDotNet.Count} results printed on .NET");
        Assert.True(inNanoClr.Count == onDotNet.Count, $"nanoCLR printed {inNanoClr.Count} results, .NET {onDotNet.Count}:\n{Tail(output)}");
        Assert.Equal(onDotNet.Order(StringComparer.Ordinal), inNanoClr.Order(StringComparer.Ordinal));
        Assert.Contains(ExpectedFlatFeetLine, inNanoClr);
    }

    /// <summary>
    /// The whole-device tests as CI builds them (MatCore.WholeDeviceTests.Build in Release, built before this project
    /// whatever its own configuration), run by nf-run with the bench they reference (the core, the fakes and the
    /// shoppers, an assembly of their own beside NFUnitTest).
    /// </summary>
    private static string RunInNanoClr()
    {
        string dll = Path.Combine(RepositoryPaths.Root, "firmware", "MatCore.WholeDeviceTests.Build", "bin", "Release", "netstandard2.0", "NFUnitTest.dll");
        string bench = Path.Combine(Path.GetDirectoryName(dll)!, "Kiosk.Mat.DeviceTests.Bench.dll");
        var run = ToolRun.Of(Path.Combine(NanoClrFactAttribute.Tools, "nf-run"), ["--tests", "--heap", HeapBytes.ToString(), "--quiet", dll, bench],
            TimeSpan.FromMinutes(15));
        Assert.True(run.ExitCode == 0, $"the device tests failed in nanoCLR:\n{Tail(run.Output + run.Error)}");
        return run.Output;
    }

    private static string Tail(string text) => text.Length > 4000 ? text[^4000..] : text;
}
