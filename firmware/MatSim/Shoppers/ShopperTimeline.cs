namespace Kiosk.Mat.Simulation.Shoppers;

/// <summary>
/// A shopper's load on the mat over time, made cheaply: each foot is rendered once (carrying the whole body, in the
/// scene's stance), and a frame is a weighted mix of the two, so stepping on, shifting weight and swaying move the
/// load and the centre of pressure without rendering again. Sway is a slow sine on the left share.
/// </summary>
public sealed class ShopperTimeline
{
    private readonly int[] _leftAlone;
    private readonly int[] _rightAlone;
    private readonly StanceKey[] _keys;
    private readonly double _swayLeftShare;
    private readonly int _swayPeriodMs;

    public ShopperTimeline(MatGeometry geometry, StandingScene scene, IReadOnlyList<StanceKey> keys,
        double swayLeftShare = 0.015, int swayPeriodMs = 3100)
    {
        if (keys.Count == 0)
        {
            throw new ArgumentException("a timeline needs at least one key", nameof(keys));
        }
        Geometry = geometry;
        Scene = scene;
        _keys = [.. keys.OrderBy(k => k.AtMs)];
        _swayLeftShare = swayLeftShare;
        _swayPeriodMs = swayPeriodMs;
        var alone = scene with { NoiseGrams = 0, DeadSensels = 0, DeadRows = [] };
        _leftAlone = scene.LeftPresent ? (alone with { RightPresent = false, LeftShare = 1 }).Render(geometry).LoadGrams : new int[geometry.SenselCount];
        _rightAlone = scene.RightPresent ? (alone with { LeftPresent = false, LeftShare = 0 }).Render(geometry).LoadGrams : new int[geometry.SenselCount];
    }

    public MatGeometry Geometry { get; }

    /// <summary>The scene the feet come from: its truth is what a scan of this shopper should find.</summary>
    public StandingScene Scene { get; }

    public int DurationMs => _keys[^1].AtMs;

    /// <summary>Writes the load on every sensel at <paramref name="atMs"/> from the timeline's start, grams.</summary>
    public void LoadAt(int atMs, int[] loadGrams)
    {
        (double onMat, double leftShare) = StanceAt(atMs);
        if (_swayPeriodMs > 0)
        {
            leftShare += _swayLeftShare * Math.Sin(2 * Math.PI * atMs / _swayPeriodMs);
        }
        leftShare = Math.Clamp(leftShare, 0, 1);
        double left = onMat * leftShare, right = onMat * (1 - leftShare);
        for (int i = 0; i < loadGrams.Length; i++)
        {
            loadGrams[i] = (int)Math.Round(_leftAlone[i] * left + _rightAlone[i] * right);
        }
    }

    private (double OnMat, double LeftShare) StanceAt(int atMs)
    {
        if (atMs <= _keys[0].AtMs)
        {
            return (_keys[0].OnMat, _keys[0].LeftShare);
        }
        for (int k = 1; k < _keys.Length; k++)
        {
            StanceKey a = _keys[k - 1], b = _keys[k];
            if (atMs <= b.AtMs)
            {
                double t = b.AtMs == a.AtMs ? 1 : (atMs - a.AtMs) / (double)(b.AtMs - a.AtMs);
                return (a.OnMat + (b.OnMat - a.OnMat) * t, a.LeftShare + (b.LeftShare - a.LeftShare) * t);
            }
        }
        return (_keys[^1].OnMat, _keys[^1].LeftShare);
    }
}
