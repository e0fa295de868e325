namespace Kiosk.Mat.Host.Frames;

/// <summary>A frame file that cannot be read: names the file, the line (1-based, 0 for the whole file) and what is wrong.</summary>
public sealed class FrameFormatException(string fileName, int lineNumber, string problem)
    : Exception(lineNumber > 0 ? $"{fileName}:{lineNumber}: {problem}" : $"{fileName}: {problem}")
{
    public string FileName { get; } = fileName;

    public int LineNumber { get; } = lineNumber;

    public string Problem { get; } = problem;
}
