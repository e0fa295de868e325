namespace Kiosk.Mat.Simulation.Shoppers;

/// <summary>A named, scripted shopper: what it does (for <c>matctl scenarios</c>) and its timeline on a given mat.</summary>
public sealed record ShopperScenario(string Name, string Description, Func<MatGeometry, ShopperTimeline> Timeline);
