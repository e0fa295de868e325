namespace Kiosk.Hardware;

/// <summary>
/// A board definition file that cannot be read at all (missing, not JSON, wrong shape): names the file and, when
/// known, the 1-based line and column, so the technician can go straight there.
/// </summary>
public sealed class BoardFileException(string fileName, int line, int column, string problem)
    : Exception(line > 0 ? $"{fileName}:{line}:{column}: {problem}" : $"{fileName}: {problem}")
{
    public string FileName { get; } = fileName;

    /// <summary>1-based; 0 when the problem is with the whole file.</summary>
    public int Line { get; } = line;

    /// <summary>1-based byte position in the line; 0 when unknown.</summary>
    public int Column { get; } = column;

    public string Problem { get; } = problem;
}
