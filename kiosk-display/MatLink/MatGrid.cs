using Kiosk.Mat.Geometry;

namespace Kiosk.Display.MatLink;

/// <summary>One grid of loads from the mat, row-major: <c>LoadGrams[row * Cols + col]</c>.</summary>
public sealed record MatGrid(int Rows, int Cols, double PitchMm, int[] LoadGrams)
{
    /// <summary>What a result that came without its frame shows: one empty sensel.</summary>
    public static MatGrid None => new(1, 1, 1, [0]);

    /// <summary>Loads on the core's geometry (pitch in micrometres) as the display's grid.</summary>
    public static MatGrid Of(MatGeometry geometry, int[] loadGrams) =>
        new(geometry.Rows, geometry.Cols, geometry.PitchUm / 1000.0, loadGrams);

    /// <summary>
    /// Null when the grid is usable, otherwise what is wrong with it in plain words. At most the mats' largest side
    /// (<see cref="MatGeometry.MaxSide"/>); one row or column is allowed for a foot's cut-out or an empty summed frame.
    /// </summary>
    public string? Problem() =>
        Rows is < 1 or > MatGeometry.MaxSide || Cols is < 1 or > MatGeometry.MaxSide ? $"grid size {Rows}x{Cols} is out of range"
        : PitchMm is <= 0 or > 100 || double.IsNaN(PitchMm) ? $"pitch {PitchMm} mm is out of range"
        : LoadGrams is null || LoadGrams.Length != Rows * Cols ? $"expected {Rows * Cols} loads, got {LoadGrams?.Length ?? 0}"
        : null;

    public long TotalGrams()
    {
        long sum = 0;
        foreach (int g in LoadGrams) sum += g;
        return sum;
    }
}
