namespace Kiosk.Tests;

/// <summary>Where the repository and its test data are, found from the test assembly's folder.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kiosk.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"Kiosk.sln not found above {AppContext.BaseDirectory}");
    });

    public static string Root => RootPath.Value;

    /// <summary>
    /// tests/data: the real recordings the tests read, copied from shared/data with their source and licence, so a
    /// fresh clone's tests need nothing beside the repository.
    /// </summary>
    public static string TestData => Path.Combine(Root, "tests", "data");

    /// <summary>The 300 real footprints of tests/data (Pataky 2008: one trial file per subject's folder), in a fixed order.</summary>
    public static string[] RealFootprintTrials() =>
        Directory.GetFiles(Path.Combine(TestData, "pataky2008-walking-peak"), "trial*.csv", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f))!.StartsWith("subj", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();
}
