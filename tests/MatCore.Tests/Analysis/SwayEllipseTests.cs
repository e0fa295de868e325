namespace Kiosk.Mat.Tests.Analysis;

/// <summary>The steadiness figure is the 95% prediction ellipse with the F distribution (Schubert and Kirchner 2014).</summary>
public class SwayEllipseTests
{
    private static double Factor(int n)
    {
        int m = n - 2;
        double f = m / 2.0 * (Math.Pow(20, 2.0 / m) - 1);
        return 2.0 * (n + 1) * (n - 1) / (n * (n - 2.0)) * f;
    }

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(30)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(90)]
    [InlineData(300)]
    [InlineData(3000)]
    public void TheFactorIsTheFDistributionsForThatManyFrames(int frames)
    {
        Assert.InRange(SwayEllipse.FactorForX1000(frames) / 1000.0, Factor(frames) * 0.997, Factor(frames) * 1.003);
    }

    [Fact]
    public void FewerThanThreeFramesHaveNoEllipse()
    {
        Assert.Equal(0, SwayEllipse.PredictionAreaMm2(2, 10, 10, 100, 100, 0));
    }

    [Fact]
    public void AboutNineteenInTwentyFurtherPointsFallInsideTheEllipseOfThirty()
    {
        // The defining property: from 30 frames (3 s at 10 Hz), a further frame's centre of pressure lies inside the
        // prediction ellipse with probability 0.95. The chi-square ellipse would hold about 92% here.
        var random = new Random(5);
        int inside = 0;
        const int Trials = 20000;
        const int N = 30;
        double c = SwayEllipse.FactorForX1000(N) / 1000.0;
        for (int t = 0; t < Trials; t++)
        {
            var xs = new double[N + 1];
            var ys = new double[N + 1];
            for (int i = 0; i <= N; i++)
            {
                double a = Gaussian(random), b = Gaussian(random);
                xs[i] = 3 * a;
                ys[i] = 1.5 * a + 2 * b;
            }
            double mx = xs.Take(N).Average(), my = ys.Take(N).Average();
            double sxx = 0, syy = 0, sxy = 0;
            for (int i = 0; i < N; i++)
            {
                sxx += (xs[i] - mx) * (xs[i] - mx);
                syy += (ys[i] - my) * (ys[i] - my);
                sxy += (xs[i] - mx) * (ys[i] - my);
            }
            sxx /= N - 1;
            syy /= N - 1;
            sxy /= N - 1;
            double det = sxx * syy - sxy * sxy;
            double dx = xs[N] - mx, dy = ys[N] - my;
            double distance = (syy * dx * dx - 2 * sxy * dx * dy + sxx * dy * dy) / det;
            inside += distance <= c ? 1 : 0;
        }
        Assert.InRange(inside / (double)Trials, 0.944, 0.956);
    }

    [Fact]
    public void TheAreaIsPiTimesTheFactorTimesTheRootOfTheCovariancesDeterminant()
    {
        var random = new Random(9);
        for (int trial = 0; trial < 200; trial++)
        {
            int n = random.Next(8, 120);
            long sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
            var xs = new List<double>();
            var ys = new List<double>();
            for (int i = 0; i < n; i++)
            {
                // Centre of pressure in mm x 10 around the middle of a 480 mm mat, a few mm of sway.
                long x = 2400 + (long)Math.Round(Gaussian(random) * random.Next(5, 60));
                long y = 2400 + (long)Math.Round(Gaussian(random) * 30 + (x - 2400) * 0.3);
                xs.Add(x / 10.0);
                ys.Add(y / 10.0);
                sx += x;
                sy += y;
                sxx += x * x;
                syy += y * y;
                sxy += x * y;
            }
            double mx = xs.Average(), my = ys.Average();
            double cxx = xs.Sum(v => (v - mx) * (v - mx)) / (n - 1);
            double cyy = ys.Sum(v => (v - my) * (v - my)) / (n - 1);
            double cxy = xs.Zip(ys).Sum(p => (p.First - mx) * (p.Second - my)) / (n - 1);
            double expected = Math.PI * Factor(n) * Math.Sqrt(cxx * cyy - cxy * cxy);
            int area = SwayEllipse.PredictionAreaMm2(n, sx, sy, sxx, syy, sxy);
            Assert.InRange(area, expected * 0.98 - 1, expected * 1.02 + 1);
        }
    }

    private static double Gaussian(Random random)
    {
        double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
