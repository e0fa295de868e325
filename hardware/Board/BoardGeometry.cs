using Kiosk.Mat.Geometry;

namespace Kiosk.Hardware;

/// <summary>The firmware's view of the mat (<see cref="MatGeometry"/>) made from a board definition.</summary>
public static class BoardGeometry
{
    /// <summary>Throws <see cref="ArgumentException"/> when MatGeometry would refuse the grid or the pitch is not whole micrometres.</summary>
    public static MatGeometry ToMatGeometry(MatLayout mat)
    {
        decimal pitchUm = mat.PitchMm * 1000m;
        if (pitchUm != decimal.Truncate(pitchUm) || pitchUm > int.MaxValue || pitchUm < int.MinValue)
        {
            throw new ArgumentException($"pitchMm {InvariantNumber.Format(mat.PitchMm)} is not a whole number of micrometres");
        }
        return new MatGeometry(mat.Rows, mat.Cols, (int)pitchUm);
    }

    public static MatGeometry ToMatGeometry(BoardDefinition board) => ToMatGeometry(board.Mat);
}
