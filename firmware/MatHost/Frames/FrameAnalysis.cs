using System.Globalization;
using Kiosk.Mat.Analysis;

namespace Kiosk.Mat.Host.Frames;

/// <summary>
/// What a frame file's optional headers say about its sensors, for the core's analysis:
/// <c># saturated=N</c> (readings at full scale) and <c># dead=row:col;row:col</c> (masked sensels).
/// </summary>
public static class FrameAnalysis
{
    /// <summary>The frame's sensor health from its headers; a malformed value is a <see cref="FrameFormatException"/>.</summary>
    public static FrameHealth HealthOf(PressureFrame frame, string fileName = "<frame>")
    {
        var health = new FrameHealth();
        if (frame.Header.TryGetValue("saturated", out string? saturated))
        {
            if (!int.TryParse(saturated, NumberStyles.None, CultureInfo.InvariantCulture, out health.SaturatedCount))
            {
                throw new FrameFormatException(fileName, 0, $"header saturated='{saturated}' is not a count");
            }
        }
        if (frame.Header.TryGetValue("dead", out string? dead) && dead.Length > 0)
        {
            health.DeadMask = new byte[frame.Geometry.SenselCount];
            foreach (string cell in dead.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                string[] parts = cell.Split(':');
                if (parts.Length != 2
                    || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int row)
                    || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int col)
                    || row >= frame.Geometry.Rows || col >= frame.Geometry.Cols)
                {
                    throw new FrameFormatException(fileName, 0, $"header dead: '{cell}' is not row:col inside the {frame.Geometry.Rows}x{frame.Geometry.Cols} mat");
                }
                health.DeadMask[frame.Geometry.Index(row, col)] = 1;
            }
        }
        return health;
    }
}
