namespace Kiosk.Display.Storage;

/// <summary>
/// The data folder holds the scans, the mats' pairing keys and the keys that sign logins: only the user the display
/// runs as may read it. Created with mode 700 (files in it 600), and tightened at start-up if an older version or
/// an administrator left it open.
/// </summary>
public static class DataFolder
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder readable by this user only, or makes an existing one so.</summary>
    public static void MakePrivate(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            // Windows folders inherit the service account's ACL; nothing to tighten here.
            Directory.CreateDirectory(folder);
            return;
        }
        Directory.CreateDirectory(folder, FolderMode);
        File.SetUnixFileMode(folder, FolderMode);
    }

    /// <summary>Creates an empty file readable by this user only (before a library fills it), or makes an existing one so.</summary>
    public static void MakePrivateFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        if (!File.Exists(path))
        {
            using var created = new FileStream(path, new FileStreamOptions
            {
                Mode = System.IO.FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = FileMode,
            });
        }
        File.SetUnixFileMode(path, FileMode);
    }
}
