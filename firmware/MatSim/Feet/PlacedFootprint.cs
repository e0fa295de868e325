namespace Kiosk.Mat.Simulation.Feet;

/// <summary>
/// A recorded footprint (load per cell on a plate of its own pitch) placed on a mat: mirrored or not, turned about
/// its load centre, moved, and re-sampled onto the mat's sensels by area, each scaled to a chosen load. This turns
/// one-foot recordings into standing pairs with known load shares on any pitch and angle.
/// </summary>
public sealed record PlacedFootprint(int[] SourceGrams, int SourceRows, int SourceCols, double SourcePitchMm)
{
    /// <summary>Mirror left-right (a right foot's recording becomes a left foot).</summary>
    public bool Mirrored { get; init; }

    /// <summary>Turn about the footprint's centre, degrees, positive clockwise as seen from above (toes toward +x).</summary>
    public double TurnDeg { get; init; }

    /// <summary>Where the footprint's centre lands on the mat, mm from the left and front edges.</summary>
    public double CentreXMm { get; init; }
    public double CentreYMm { get; init; }

    /// <summary>Load the footprint carries on the mat, grams.</summary>
    public double LoadGrams { get; init; } = 35000;

    /// <summary>Adds this footprint's load, re-sampled by area, to a mat frame (in grams, as doubles to sum feet exactly).</summary>
    public void AddTo(MatGeometry geometry, double[] loads)
    {
        double sourceTotal = SourceGrams.Sum(v => (double)v);
        if (sourceTotal <= 0)
        {
            return;
        }
        double cellArea = SourcePitchMm * SourcePitchMm;
        double centreCol = 0, centreRow = 0;
        for (int i = 0; i < SourceGrams.Length; i++)
        {
            centreRow += SourceGrams[i] * (i / SourceCols + 0.5);
            centreCol += SourceGrams[i] * (i % SourceCols + 0.5);
        }
        centreRow /= sourceTotal;
        centreCol /= sourceTotal;
        double angle = TurnDeg * Math.PI / 180, cos = Math.Cos(angle), sin = Math.Sin(angle);
        double pitchMm = geometry.PitchUm / 1000.0;
        int sub = Math.Max(4, (int)Math.Ceiling(pitchMm / (SourcePitchMm / 4)));
        double step = pitchMm / sub;
        double scale = LoadGrams / sourceTotal;
        double reach = Math.Max(SourceRows, SourceCols) * SourcePitchMm + pitchMm;
        for (int r = 0; r < geometry.Rows; r++)
        {
            for (int c = 0; c < geometry.Cols; c++)
            {
                double x0 = c * pitchMm, y0 = r * pitchMm;
                if (Math.Abs(x0 - CentreXMm) > reach || Math.Abs(y0 - CentreYMm) > reach)
                {
                    continue;
                }
                double sum = 0;
                for (int i = 0; i < sub; i++)
                {
                    for (int j = 0; j < sub; j++)
                    {
                        // Mat point, relative to the footprint's centre, turned back into the recording's frame.
                        double dx = x0 + (j + 0.5) * step - CentreXMm;
                        double dy = y0 + (i + 0.5) * step - CentreYMm;
                        double sx = dx * cos + dy * sin;
                        double sy = -dx * sin + dy * cos;
                        if (Mirrored)
                        {
                            sx = -sx;
                        }
                        int col = (int)Math.Floor(centreCol + sx / SourcePitchMm);
                        int row = (int)Math.Floor(centreRow + sy / SourcePitchMm);
                        if (row >= 0 && row < SourceRows && col >= 0 && col < SourceCols)
                        {
                            // Pressure of the recording's cell times the little area sampled.
                            sum += SourceGrams[row * SourceCols + col] / cellArea * step * step;
                        }
                    }
                }
                loads[geometry.Index(r, c)] += sum * scale;
            }
        }
    }

    public static int[] Round(double[] loads) => loads.Select(v => (int)Math.Max(0, Math.Round(v))).ToArray();
}
