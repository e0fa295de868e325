namespace Kiosk.Mat.Simulation.Shoppers;

/// <summary>
/// The scripted shoppers of the virtual mat. Each name says the arch it scripts; the arch indices sit well inside
/// the Cavanagh and Rodgers classes (high <= 0.21 < normal < 0.26 <= low), so a correct scan cannot miss them.
/// Their visits (<see cref="ShopperVisit"/>) are the ones the device tests play in nanoCLR.
/// </summary>
public static class ShopperScenarios
{
    public const double FlatArchIndex = 0.30;
    public const double NormalArchIndex = 0.225;
    public const double HighArchIndex = 0.15;

    public static IReadOnlyList<ShopperScenario> All { get; } =
    [
        Still("flat-feet-still", "flat (low) arches both feet, stands still 50/50", FlatArchIndex, FlatArchIndex),
        Still("normal-arches-still", "normal arches both feet, stands still 50/50", NormalArchIndex, NormalArchIndex),
        Still("high-arches-still", "high arches both feet, stands still 50/50", HighArchIndex, HighArchIndex),
        Still("uneven-stance", "normal arches, stands still with 65% on the left foot", NormalArchIndex, NormalArchIndex, leftSharePermille: 650),
        new("one-foot", "normal arch, stands on the left foot only",
            g => new ShopperTimeline(g, Scene(NormalArchIndex, NormalArchIndex) with { RightPresent = false }, ShopperVisit.OneFoot())),
        Still("child", "a child of 22 kg with 170 mm normal-arched feet, stands still", NormalArchIndex, NormalArchIndex,
            bodyMassKg: 22, footLengthMm: 170, heelSpacingMm: 110),
        new("restless-shopper", "normal arches, shifts weight from foot to foot the whole time, never still",
            g => new ShopperTimeline(g, Scene(NormalArchIndex, NormalArchIndex), ShopperVisit.Restless())),
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
        int leftSharePermille = 500, double bodyMassKg = 75, double footLengthMm = 260, double heelSpacingMm = 170) =>
        new(name, description, geometry => new ShopperTimeline(geometry,
            Scene(leftArchIndex, rightArchIndex, bodyMassKg, footLengthMm, heelSpacingMm, leftSharePermille / 1000.0),
            ShopperVisit.Standing(leftSharePermille)));
}
