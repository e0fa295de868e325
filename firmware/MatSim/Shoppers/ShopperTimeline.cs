namespace Kiosk.Mat.Simulation.Shoppers;

/// <summary>
/// A shopper's load on the mat over time, made cheaply: each foot is rendered once (carrying the whole body, in the
/// scene's stance), and a frame is a weighted mix of the two, so stepping on, shifting weight and swaying move the
/// load and the centre of pressure without rendering again. Sway is a slow sine on the left share. The visit
/// (<see cref="ShopperVisit"/>) is the one the device tests play in nanoCLR.
/// </summary>
public sealed class ShopperTimeline
{
    private readonly int[] _leftAlone;
    private readonly int[] _rightAlone;
    private readonly ShopperVisit _visit;

    public ShopperTimeline(MatGeometry geometry, StandingScene scene, ShopperVisit visit)
    {
        Geometry = geometry;
        Scene = scene;
        _visit = visit;
        var alone = scene with { NoiseGrams = 0, DeadSensels = 0, DeadRows = [] };
        _leftAlone = scene.LeftPresent ? (alone with { RightPresent = false, LeftShare = 1 }).Render(geometry).LoadGrams : new int[geometry.SenselCount];
        _rightAlone = scene.RightPresent ? (alone with { LeftPresent = false, LeftShare = 0 }).Render(geometry).LoadGrams : new int[geometry.SenselCount];
    }

    public MatGeometry Geometry { get; }

    /// <summary>The scene the feet come from: its truth is what a scan of this shopper should find.</summary>
    public StandingScene Scene { get; }

    public int DurationMs => _visit.DurationMs;

    /// <summary>Writes the load on every sensel at <paramref name="atMs"/> from the timeline's start, grams.</summary>
    public void LoadAt(int atMs, int[] loadGrams)
    {
        (double onMat, double leftShare) = StanceAt(atMs);
        leftShare += ShopperVisit.SwayPermille / 1000.0 * Math.Sin(2 * Math.PI * atMs / ShopperVisit.SwayPeriodMs);
        leftShare = Math.Clamp(leftShare, 0, 1);
        double left = onMat * leftShare, right = onMat * (1 - leftShare);
        for (int i = 0; i < loadGrams.Length; i++)
        {
            loadGrams[i] = (int)Math.Round(_leftAlone[i] * left + _rightAlone[i] * right);
        }
    }

    /// <summary>
    /// The visit's stance at <paramref name="atMs"/>, ramped in doubles (the device tests' ramp is in whole parts per
    /// thousand; the virtual mat's frames need not be).
    /// </summary>
    private (double OnMat, double LeftShare) StanceAt(int atMs)
    {
        int[] at = _visit.AtMs, onMat = _visit.OnMatPermille, left = _visit.LeftPermille;
        if (atMs <= at[0])
        {
            return (onMat[0] / 1000.0, left[0] / 1000.0);
        }
        for (int k = 1; k < at.Length; k++)
        {
            if (atMs <= at[k])
            {
                double t = at[k] == at[k - 1] ? 1 : (atMs - at[k - 1]) / (double)(at[k] - at[k - 1]);
                double a = onMat[k - 1] / 1000.0, b = onMat[k] / 1000.0, la = left[k - 1] / 1000.0, lb = left[k] / 1000.0;
                return (a + (b - a) * t, la + (lb - la) * t);
            }
        }
        return (onMat[^1] / 1000.0, left[^1] / 1000.0);
    }
}
