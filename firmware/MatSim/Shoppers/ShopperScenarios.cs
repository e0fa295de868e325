namespace Kiosk.Mat.Simulation.Shoppers;

/// <summary>
/// The scripted shoppers of the virtual mat. Each name says the arch it scripts; the arch indices sit well inside
/// the Cavanagh and Rodgers classes (high <= 0.21 < normal < 0.26 <= low), so a correct scan cannot miss them.
/// Every shopper steps on one foot first, stands, then steps off, as people do.
/// </summary>
public static class ShopperScenarios
{
    public const double FlatArchIndex = 0.30;
    public const double NormalArchIndex = 0.225;
    public const double HighArchIndex = 0.15;

    // The standard visit, ms: empty, first foot on, second foot on, standing (the tracker needs 0.6 s of stepping
    // on and a 3 s still window), weight onto the right foot, off, empty.
    private const int StepOnMs = 500;
    private const int BothOnMs = 1000;
    private const int SettledMs = 1500;
    private const int StepOffMs = 7000;
    private const int OffMs = 7500;
    private const int GoneMs = 8000;
    private const int EndMs = 9000;

    public static IReadOnlyList<ShopperScenario> All { get; } =
    [
        Still("flat-feet-still", "flat (low) arches both feet, stands still 50/50", FlatArchIndex, FlatArchIndex),
        Still("normal-arches-still", "normal arches both feet, stands still 50/50", NormalArchIndex, NormalArchIndex),
        Still("high-arches-still", "high arches both feet, stands still 50/50", HighArchIndex, HighArchIndex),
        Still("uneven-stance", "normal arches, stands still with 65% on the left foot", NormalArchIndex, NormalArchIndex, leftShare: 0.65),
        new("one-foot", "normal arch, stands on the left foot only", g => OneFoot(g)),
        Still("child", "a child of 22 kg with 170 mm normal-arched feet, stands still", NormalArchIndex, NormalArchIndex,
            bodyMassKg: 22, footLengthMm: 170, heelSpacingMm: 110),
        new("restless-shopper", "normal arches, shifts weight from foot to foot the whole time, never still", g => Restless(g)),
        Still("flat-left-high-right", "flat left arch, high right arch, stands still 50/50", FlatArchIndex, HighArchIndex),
    ];

    public static ShopperScenario? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    public static StandingScene Scene(double leftArchIndex, double rightArchIndex, double bodyMassKg = 75,
        double footLengthMm = 260, double heelSpacingMm = 170, double leftShare = 0.5) => new()
        {
            LeftFoot = ArchIndexTruth.WithArchIndex(new FootShape { LengthMm = footLengthMm }, leftArchIndex),
            RightFoot = ArchIndexTruth.WithArchIndex(new FootShape { LengthMm = footLengthMm }, rightArchIndex),
            BodyMassKg = bodyMassKg,
            HeelSpacingMm = heelSpacingMm,
            LeftShare = leftShare,
        };

    private static ShopperScenario Still(string name, string description, double leftArchIndex, double rightArchIndex,
        double leftShare = 0.5, double bodyMassKg = 75, double footLengthMm = 260, double heelSpacingMm = 170) =>
        new(name, description, geometry => new ShopperTimeline(geometry,
            Scene(leftArchIndex, rightArchIndex, bodyMassKg, footLengthMm, heelSpacingMm, leftShare),
            StandardVisit(leftShare)));

    /// <summary>Left foot on (half the weight), right foot on, stand, weight onto the right foot, off.</summary>
    public static StanceKey[] StandardVisit(double leftShare) =>
    [
        new(0, 0, 1),
        new(StepOnMs, 0, 1),
        new(BothOnMs, 0.5, 1),
        new(SettledMs, 1, leftShare),
        new(StepOffMs, 1, leftShare),
        new(OffMs, 0.5, 0),
        new(GoneMs, 0, 0),
        new(EndMs, 0, 0),
    ];

    private static ShopperTimeline OneFoot(MatGeometry geometry)
    {
        var scene = Scene(NormalArchIndex, NormalArchIndex) with { RightPresent = false };
        StanceKey[] keys =
        [
            new(0, 0, 1), new(StepOnMs, 0, 1), new(SettledMs, 1, 1), new(StepOffMs, 1, 1), new(GoneMs, 0, 1), new(EndMs, 0, 1),
        ];
        return new ShopperTimeline(geometry, scene, keys);
    }

    /// <summary>Weight rocks between 75% and 25% on the left every 0.7 s: the centre of pressure moves ~85 mm.</summary>
    private static ShopperTimeline Restless(MatGeometry geometry)
    {
        var keys = new List<StanceKey> { new(0, 0, 1), new(StepOnMs, 0, 1), new(BothOnMs, 0.5, 1), new(SettledMs, 1, 0.5) };
        bool toLeft = true;
        for (int at = SettledMs + 700; at <= StepOffMs; at += 700, toLeft = !toLeft)
        {
            keys.Add(new(at, 1, toLeft ? 0.75 : 0.25));
        }
        keys.AddRange([new(OffMs, 0.5, 0), new(GoneMs, 0, 0), new(EndMs, 0, 0)]);
        return new ShopperTimeline(geometry, Scene(NormalArchIndex, NormalArchIndex), keys);
    }
}
