using Kiosk.Mat.Geometry;

namespace Kiosk.Mat.Host.Frames;

/// <summary>
/// One frame of load per sensel in grams, as the frame file format holds it, with its header values.
/// Loads are indexed row * cols + col, like every buffer of the core.
/// </summary>
public sealed class PressureFrame
{
    public PressureFrame(MatGeometry geometry, int[] loadGrams, IReadOnlyDictionary<string, string>? header = null)
    {
        if (loadGrams.Length != geometry.SenselCount)
        {
            throw new ArgumentException($"a {geometry.Rows}x{geometry.Cols} frame has {geometry.SenselCount} sensels, not {loadGrams.Length}");
        }
        Geometry = geometry;
        LoadGrams = loadGrams;
        Header = header ?? new Dictionary<string, string>();
    }

    public MatGeometry Geometry { get; }

    public int[] LoadGrams { get; }

    /// <summary>Header lines (<c># key=value</c>) in file order of appearance; pitch_mm is always present.</summary>
    public IReadOnlyDictionary<string, string> Header { get; }

    public double PitchMm => Geometry.PitchUm / 1000.0;

    public int this[int row, int col] => LoadGrams[Geometry.Index(row, col)];
}
