namespace Kiosk.Display.Tests;

/// <summary>
/// CI's check that every text file follows .editorconfig (.ci/editorconfig-files.py; <c>dotnet format</c> checks the
/// C# further): on a small repository with the project's own .editorconfig it names each rule a file breaks, with its
/// line, and fails; it passes files that follow their sections, including the sections' exceptions.
/// </summary>
public sealed class EditorConfigCheckTests
{
    private static ToolRun Check(Dictionary<string, byte[]> files)
    {
        string repo = Directory.CreateTempSubdirectory("kiosk-editorconfig-").FullName;
        File.Copy(Path.Combine(RepositoryPaths.Root, ".editorconfig"), Path.Combine(repo, ".editorconfig"));
        foreach (var (name, bytes) in files)
        {
            string path = Path.Combine(repo, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
        }
        Assert.Equal(0, ToolRun.Of("git", ["init", "-q"], TimeSpan.FromMinutes(1), repo).ExitCode);
        Assert.Equal(0, ToolRun.Of("git", ["add", "."], TimeSpan.FromMinutes(1), repo).ExitCode);
        // Debian's Python, where python3-editorconfig installs the library (.ci/editorconfig installs it)
        var run = ToolRun.Of("/usr/bin/python3", [Path.Combine(RepositoryPaths.Root, ".ci", "editorconfig-files.py")], TimeSpan.FromMinutes(1), repo);
        Assert.DoesNotContain("No module named", run.Error); // apt-get install python3-editorconfig
        Directory.Delete(repo, recursive: true);
        return run;
    }

    private static byte[] Text(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    [Fact]
    public void FilesThatBreakTheirSectionsRulesAreListedWithTheLineAndTheCheckFails()
    {
        var run = Check(new()
        {
            ["src/Tabs.cs"] = Text("class A\n{\n\tint x;\n}\n"),
            ["wwwroot/site.js"] = Text("let a = 1;\nlet b = 2;  \n"),
            ["app.json"] = Text("{\r\n}\r\n"),
            ["README.md"] = Text("no newline at the end"),
            ["notes.txt"] = [.. "caf"u8, 0xe9, (byte)'\n'], // Latin-1
            ["bom.cs"] = [0xef, 0xbb, 0xbf, .. "class B\n{\n}\n"u8],
        });
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
        [
            "README.md:1: no newline at the end (insert_final_newline = true)",
            "app.json:1: ends with CRLF (end_of_line = lf)",
            "bom.cs:1: starts with a byte-order mark (charset = utf-8)",
            "notes.txt:1: not UTF-8 (charset = utf-8)",
            "src/Tabs.cs:3: indented with a tab (indent_style = space)",
            "wwwroot/site.js:2: trailing whitespace (trim_trailing_whitespace = true)",
        ], run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FilesThatFollowTheirSectionsPassTheirExceptionsToo()
    {
        var run = Check(new()
        {
            ["src/Good.cs"] = Text("class A\n{\n    int x;\n}\n"),
            ["docs/notes.md"] = Text("a line ending in a hard break  \nand the next\n"), // Markdown keeps trailing spaces
            ["tests/data/trial.csv"] = Text("a,b\r\nc,d"), // published data as its source has it
            ["Kiosk.sln"] = [0xef, 0xbb, 0xbf, .. "Global\n\tGlobalSection\n"u8], // as Visual Studio writes it
            ["firmware/Firmware.nano.sln"] = Text("Global\r\n\tGlobalSection\r\n"),
            ["empty.txt"] = [],
        });
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Equal("", run.Output);
    }
}
