namespace Kiosk.Mat.Simulation.Shoppers;

/// <summary>
/// One keyframe of a shopper's timeline: at <paramref name="AtMs"/>, this share of the body weight is on the mat
/// and this share of that is on the left foot. Between keys both change linearly (a ramp).
/// </summary>
public sealed record StanceKey(int AtMs, double OnMat, double LeftShare);
