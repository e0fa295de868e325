using Kiosk.Mat.Analysis;
using Kiosk.Mat.Geometry;

namespace Kiosk.Display.Feed;

/// <summary>
/// Each foot of a stored scan on its own, for the staff's detail view: the mat's own analysis (the core's
/// <see cref="FootAnalyzer"/>, run again on the stored frame) says which sensel belongs to which foot, and each foot
/// is cut out with a one-sensel margin, the other foot's load left out.
/// </summary>
public static class FootPrints
{
    /// <summary>The left and the right foot; either is null when the analysis finds no such foot (or the grid is unusable).</summary>
    public static (MatGrid? Left, MatGrid? Right) Of(MatGrid grid)
    {
        int pitchUm = (int)Math.Round(grid.PitchMm * 1000);
        if (grid.Problem() is not null
            || grid.Rows is < MatGeometry.MinSide or > MatGeometry.MaxSide || grid.Cols is < MatGeometry.MinSide or > MatGeometry.MaxSide
            || pitchUm is < MatGeometry.MinPitchUm or > MatGeometry.MaxPitchUm)
        {
            return (null, null);
        }
        var analyzer = new FootAnalyzer(new MatGeometry(grid.Rows, grid.Cols, pitchUm), null);
        analyzer.Analyze(grid.LoadGrams, null, new ScanAnalysis());
        return (CutOut(grid, analyzer.Map, ContactMap.LeftFoot), CutOut(grid, analyzer.Map, ContactMap.RightFoot));
    }

    private static MatGrid? CutOut(MatGrid grid, ContactMap map, int side)
    {
        int top = int.MaxValue, bottom = -1, left = int.MaxValue, right = -1;
        for (int i = 0; i < grid.LoadGrams.Length; i++)
        {
            if (map.FootOf(i) == side)
            {
                int row = i / grid.Cols, col = i % grid.Cols;
                (top, bottom) = (Math.Min(top, row), Math.Max(bottom, row));
                (left, right) = (Math.Min(left, col), Math.Max(right, col));
            }
        }
        if (bottom < 0)
        {
            return null;
        }
        top = Math.Max(0, top - 1);
        left = Math.Max(0, left - 1);
        bottom = Math.Min(grid.Rows - 1, bottom + 1);
        right = Math.Min(grid.Cols - 1, right + 1);
        int rows = bottom - top + 1, cols = right - left + 1;
        var loads = new int[rows * cols];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                int i = (top + r) * grid.Cols + left + c;
                // Light edge sensels below the contact threshold belong to no foot; they stay, for the outline.
                int foot = map.FootOf(i);
                loads[r * cols + c] = foot == side || foot == ContactMap.NoFoot ? grid.LoadGrams[i] : 0;
            }
        }
        return new MatGrid(rows, cols, grid.PitchMm, loads);
    }
}
