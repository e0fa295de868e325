namespace Kiosk.Mat.Simulation.Feet;

/// <summary>
/// A shopper standing on a mat: two feet (or one) placed, turned and loaded as asked, rendered onto the mat's
/// sensels by area (each sensel gets the load on the part of the mat it covers), with sensor noise and dead
/// sensels, and the ground truth the analysis must find.
/// </summary>
public sealed record StandingScene
{
    public FootShape LeftFoot { get; init; } = new();
    public FootShape RightFoot { get; init; } = new();

    public bool LeftPresent { get; init; } = true;
    public bool RightPresent { get; init; } = true;

    public double BodyMassKg { get; init; } = 75;

    /// <summary>Left foot's share of the body weight, 0..1.</summary>
    public double LeftShare { get; init; } = 0.5;

    /// <summary>
    /// Each foot's share of its own load carried behind half its length: how the scene loads the foot. The
    /// anatomical regions' shares this gives are in <see cref="FootTruth"/>.
    /// </summary>
    public double LeftRearHalfShare { get; init; } = 0.55;
    public double RightRearHalfShare { get; init; } = 0.55;

    /// <summary>Toes turned outward from straight ahead, degrees (negative turns them in).</summary>
    public double LeftToeOutDeg { get; init; } = 7;
    public double RightToeOutDeg { get; init; } = 7;

    /// <summary>Distance between the two heel centres, mm.</summary>
    public double HeelSpacingMm { get; init; } = 170;

    /// <summary>Offset of the stance's centre from the mat's centre (x right, y backward), mm.</summary>
    public double OffsetXMm { get; init; }
    public double OffsetYMm { get; init; }

    /// <summary>Standard deviation of the sensor noise on every sensel, grams.</summary>
    public double NoiseGrams { get; init; }

    public int DeadSensels { get; init; }

    public int[] DeadRows { get; init; } = [];

    public int Seed { get; init; } = 1;

    /// <summary>The true values a perfect analysis would report for this scene.</summary>
    public SceneTruth Truth()
    {
        double leftShare = LeftPresent ? (RightPresent ? LeftShare : 1) : 0;
        return new SceneTruth(
            LeftPresent ? new FootTruth(ArchIndexTruth.Of(LeftFoot), leftShare, ArchIndexTruth.Regions(LeftFoot, LeftRearHalfShare)) : null,
            RightPresent ? new FootTruth(ArchIndexTruth.Of(RightFoot), 1 - leftShare, ArchIndexTruth.Regions(RightFoot, RightRearHalfShare)) : null,
            BodyMassKg * 1000);
    }

    public SceneFrame Render(MatGeometry geometry)
    {
        var truth = Truth();
        var loads = new double[geometry.SenselCount];
        if (truth.Left != null)
        {
            AddFoot(geometry, loads, LeftFoot, isLeft: true, truth.Left.LoadShare * BodyMassKg * 1000, LeftRearHalfShare);
        }
        if (truth.Right != null)
        {
            AddFoot(geometry, loads, RightFoot, isLeft: false, truth.Right.LoadShare * BodyMassKg * 1000, RightRearHalfShare);
        }
        var random = new Random(Seed);
        var grams = new int[loads.Length];
        for (int i = 0; i < loads.Length; i++)
        {
            double noisy = loads[i] + NoiseGrams * Gaussian(random);
            grams[i] = (int)Math.Max(0, Math.Round(noisy));
        }
        var dead = new byte[loads.Length];
        foreach (int row in DeadRows)
        {
            for (int c = 0; c < geometry.Cols; c++)
            {
                dead[geometry.Index(row, c)] = 1;
            }
        }
        for (int k = 0; k < DeadSensels; k++)
        {
            dead[random.Next(loads.Length)] = 1;
        }
        for (int i = 0; i < dead.Length; i++)
        {
            if (dead[i] != 0)
            {
                grams[i] = 0;
            }
        }
        return new SceneFrame(geometry, grams, dead, truth);
    }

    private void AddFoot(MatGeometry geometry, double[] loads, FootShape shape, bool isLeft, double loadGrams, double rearHalfShare)
    {
        // Foot frame on the mat: forward points to row 0 (-y); medial points toward the other foot.
        double toeOut = (isLeft ? LeftToeOutDeg : RightToeOutDeg) * Math.PI / 180;
        double side = isLeft ? -1 : 1;
        double fx = side * Math.Sin(toeOut), fy = -Math.Cos(toeOut);
        double mx = -side * Math.Cos(toeOut), my = -Math.Sin(toeOut);
        double centreX = geometry.WidthUm / 2000.0 + OffsetXMm;
        double centreY = geometry.DepthUm / 2000.0 + OffsetYMm;
        // The foot's origin (back of the heel, u = 0): heel centres HeelSpacingMm apart, the foot's
        // mid-length on the stance's centre line front to back.
        double heelX = centreX + side * HeelSpacingMm / 2 - 0.13 * shape.LengthMm * fx;
        double heelY = centreY - shape.LengthMm / 2 * fy;

        double pitchMm = geometry.PitchUm / 1000.0;
        int sub = Math.Max(4, (int)Math.Ceiling(pitchMm / 0.75));
        double subStep = pitchMm / sub;
        var rear = new double[loads.Length];
        var front = new double[loads.Length];
        double rearSum = 0, frontSum = 0;
        double reach = shape.LengthMm + pitchMm;
        for (int r = 0; r < geometry.Rows; r++)
        {
            for (int c = 0; c < geometry.Cols; c++)
            {
                double x0 = c * pitchMm, y0 = r * pitchMm;
                double dxc = x0 + pitchMm / 2 - heelX, dyc = y0 + pitchMm / 2 - heelY;
                if (dxc * dxc + dyc * dyc > reach * reach)
                {
                    continue;
                }
                double rearLoad = 0, frontLoad = 0;
                for (int i = 0; i < sub; i++)
                {
                    for (int j = 0; j < sub; j++)
                    {
                        double dx = x0 + (j + 0.5) * subStep - heelX;
                        double dy = y0 + (i + 0.5) * subStep - heelY;
                        double u = dx * fx + dy * fy;
                        double v = dx * mx + dy * my;
                        double p = shape.Pressure(u, v);
                        if (p <= 0)
                        {
                            continue;
                        }
                        if (u < shape.LengthMm / 2)
                        {
                            rearLoad += p;
                        }
                        else
                        {
                            frontLoad += p;
                        }
                    }
                }
                int index = geometry.Index(r, c);
                rear[index] = rearLoad;
                front[index] = frontLoad;
                rearSum += rearLoad;
                frontSum += frontLoad;
            }
        }
        if (rearSum <= 0 || frontSum <= 0)
        {
            return;
        }
        // Scale the back and front halves apart so the foot carries exactly the asked load and rearfoot share.
        double rearScale = loadGrams * rearHalfShare / rearSum;
        double frontScale = loadGrams * (1 - rearHalfShare) / frontSum;
        for (int i = 0; i < loads.Length; i++)
        {
            loads[i] += rear[i] * rearScale + front[i] * frontScale;
        }
    }

    private static double Gaussian(Random random)
    {
        double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}

/// <summary>What a perfect analysis would report for one foot: arch index, share of the body's load, load by region.</summary>
public sealed record FootTruth(double ArchIndex, double LoadShare, RegionShares Regions)
{
    /// <summary>Class by the Cavanagh and Rodgers thresholds: high at or below 0.21, low at or above 0.26.</summary>
    public string ArchType => ArchIndex <= 0.21 ? "high" : ArchIndex >= 0.26 ? "low" : "normal";

    /// <summary>Distance of the true index from the nearer class threshold.</summary>
    public double MarginToThreshold => Math.Min(Math.Abs(ArchIndex - 0.21), Math.Abs(ArchIndex - 0.26));
}

public sealed record SceneTruth(FootTruth? Left, FootTruth? Right, double TotalLoadGrams)
{
    /// <summary>Rearfoot and midfoot shares of the whole body's load.</summary>
    public double RearfootShare =>
        (Left == null ? 0 : Left.LoadShare * Left.Regions.Rearfoot) + (Right == null ? 0 : Right.LoadShare * Right.Regions.Rearfoot);

    public double MidfootShare =>
        (Left == null ? 0 : Left.LoadShare * Left.Regions.Midfoot) + (Right == null ? 0 : Right.LoadShare * Right.Regions.Midfoot);
}

/// <summary>A rendered frame: load per sensel in grams, the dead-sensel mask (1 = dead), and the truth.</summary>
public sealed record SceneFrame(MatGeometry Geometry, int[] LoadGrams, byte[] DeadMask, SceneTruth Truth);
