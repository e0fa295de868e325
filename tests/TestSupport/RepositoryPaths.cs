namespace Kiosk.Tests;

/// <summary>Where the repository and the shared data beside it are, found from the test assembly's folder.</summary>
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

    /// <summary>../shared/data from the repository root: real recordings that tests may read, never commit.</summary>
    public static string SharedData
    {
        get
        {
            string path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));
            if (!Directory.Exists(path))
            {
                throw new InvalidOperationException($"the shared test data is not at {path}: clone the project beside shared/");
            }
            return path;
        }
    }

    /// <summary>The 300 real footprints of shared/data (Pataky 2008: one trial file per subject's folder), in a fixed order.</summary>
    public static string[] RealFootprintTrials() =>
        Directory.GetFiles(Path.Combine(SharedData, "pataky2008-walking-peak"), "trial*.csv", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f))!.StartsWith("subj", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();
}
