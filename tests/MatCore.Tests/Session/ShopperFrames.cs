namespace Kiosk.Mat.Tests.Session;

/// <summary>
/// Frames of a shopper for the tracker, made cheaply: each foot is rendered once, and a frame mixes them with
/// weights, so the load moves between the feet (and the centre of pressure with it) without rendering again.
/// </summary>
public sealed class ShopperFrames
{
    private readonly int[] _left;
    private readonly int[] _right;

    public ShopperFrames(MatGeometry geometry, double leftArchIndex, double rightArchIndex, double bodyMassKg = 70)
    {
        Geometry = geometry;
        var scene = new StandingScene
        {
            LeftFoot = ArchIndexTruth.WithArchIndex(new FootShape(), leftArchIndex),
            RightFoot = ArchIndexTruth.WithArchIndex(new FootShape(), rightArchIndex),
            BodyMassKg = bodyMassKg,
        };
        // Each foot alone carrying the whole body, so any mix of them sums to the body weight.
        _left = (scene with { RightPresent = false }).Render(geometry).LoadGrams;
        _right = (scene with { LeftPresent = false }).Render(geometry).LoadGrams;
    }

    public MatGeometry Geometry { get; }

    /// <summary>Writes a frame with this share of the body on the left foot, scaled by how much of the body is on the mat.</summary>
    public void Fill(int[] frame, double leftShare, double onMat = 1)
    {
        for (int i = 0; i < frame.Length; i++)
        {
            frame[i] = (int)Math.Round((_left[i] * leftShare + _right[i] * (1 - leftShare)) * onMat);
        }
    }
}
