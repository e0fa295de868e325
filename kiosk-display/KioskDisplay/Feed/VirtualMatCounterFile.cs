using System.Globalization;
using Kiosk.Mat.Device;

namespace Kiosk.Display.Feed;

/// <summary>
/// The built-in virtual mat's result counter mark in the display's data folder, as a real mat keeps its own in flash
/// (the ESP32 app's I:\results.txt): after a restart of the display the virtual mat goes on counting above it, so a
/// shopper's new result never arrives under an id the store already holds. Written whole through a temporary file and
/// a rename, so a crash mid-write leaves the old mark; readable by the service's user only, like the rest of the folder.
/// </summary>
public sealed class VirtualMatCounterFile(string path, ILogger logger) : IResultCounterFile
{
    private const string Key = "next_result=";

    public string Path { get; } = path;

    public static string For(string dataFolder, long deviceId) =>
        System.IO.Path.Combine(dataFolder, $"virtual-mat-{deviceId:x}-results.txt");

    public bool TryRead(out uint mark)
    {
        mark = 0;
        try
        {
            if (!File.Exists(Path))
            {
                return false;
            }
            string text = File.ReadAllText(Path).Trim();
            if (text.StartsWith(Key, StringComparison.Ordinal)
                && uint.TryParse(text[Key.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out mark) && mark > 0)
            {
                return true;
            }
            logger.LogError("The virtual mat's result counter file {Path} is unreadable ('{Text}'); its ids start again at 1", Path, text);
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogError(e, "The virtual mat's result counter file {Path} cannot be read; its ids start again at 1", Path);
            return false;
        }
    }

    public bool Write(uint mark)
    {
        string temporary = Path + ".tmp";
        try
        {
            DataFolder.MakePrivateFile(temporary);
            File.WriteAllText(temporary, Key + mark.ToString(CultureInfo.InvariantCulture) + "\n");
            File.Move(temporary, Path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogError(e, "The virtual mat's result counter cannot be written to {Path}: after a restart its ids may repeat", Path);
            return false;
        }
    }
}
