namespace Kiosk.Hardware;

/// <summary>The sensel grid and the physical area it must fit in.</summary>
public sealed class MatLayout
{
    public required int Rows { get; init; }

    public required int Cols { get; init; }

    /// <summary>Centre-to-centre distance of the electrode strips, in millimetres (same for rows and columns).</summary>
    public required decimal PitchMm { get; init; }

    /// <summary>Width of one copper strip; the gap (pitch minus width) is what keeps neighbouring strips apart.</summary>
    public required decimal ElectrodeWidthMm { get; init; }

    /// <summary>The pressure-sensitive area of the mat: columns run across its width, rows along its depth.</summary>
    public required AreaMm ActiveAreaMm { get; init; }
}

public sealed class AreaMm
{
    public required decimal Width { get; init; }

    public required decimal Depth { get; init; }
}
