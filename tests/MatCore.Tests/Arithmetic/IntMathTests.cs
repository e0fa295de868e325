using Kiosk.Mat.Arithmetic;

namespace Kiosk.Mat.Tests.Arithmetic;

public class IntMathTests
{
    [Fact]
    public void IsqrtIsTheExactFloorOfTheSquareRoot()
    {
        Gen.Long[0, long.MaxValue].Sample(v =>
        {
            long r = IntMath.Isqrt(v);
            return r >= 0 && (System.Numerics.BigInteger)r * r <= v && ((System.Numerics.BigInteger)r + 1) * (r + 1) > v;
        }, iter: 100_000);
        Assert.Equal(0, IntMath.Isqrt(-5));
    }

    [Fact]
    public void Atan2IsWithinATenthOfADegree()
    {
        Gen.Select(Gen.Long[-1_000_000, 1_000_000], Gen.Long[-1_000_000, 1_000_000]).Sample((y, x) =>
        {
            if (x == 0 && y == 0)
            {
                return true;
            }
            double expected = Math.Atan2(y, x) * 180 / Math.PI;
            double actual = IntMath.Atan2DegX10(y, x) / 10.0;
            double error = Math.Abs(expected - actual);
            return Math.Min(error, 360 - error) <= 0.11;
        }, iter: 100_000);
    }

    [Theory]
    [InlineData(0, 10, 5, 15, 5)]
    [InlineData(0, 10, 10, 15, 0)]
    [InlineData(-5, 5, -10, 10, 10)]
    public void OverlapOfIntervals(int aLow, int aHigh, int bLow, int bHigh, int expected)
    {
        Assert.Equal(expected, IntMath.Overlap(aLow, aHigh, bLow, bHigh));
    }
}
