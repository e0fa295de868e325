namespace Kiosk.Display.Tests;

/// <summary>The staff's per-foot pictures: each foot cut out of the stored frame by the mat's own analysis.</summary>
public class FootPrintsTests
{
    [Theory, InlineData("low"), InlineData("normal"), InlineData("high")]
    public void EachFootIsCutOutWithItsOwnLoadOnly(string arch)
    {
        MatGrid grid = SyntheticFeet.Frame(arch, 1, 0, new Random(3));
        long leftHalf = Sum(grid, c => c < SyntheticFeet.Cols / 2);

        var (left, right) = FootPrints.Of(grid);

        Assert.NotNull(left);
        Assert.NotNull(right);
        // Narrower than the mat, about as long as a foot (26 cm of 10 mm sensels, plus the margin).
        Assert.InRange(left!.Cols, 5, SyntheticFeet.Cols / 2);
        Assert.InRange(left.Rows, 22, 34);
        Assert.InRange(right!.Cols, 5, SyntheticFeet.Cols / 2);
        // Nearly all of each half's load, and nothing of the other foot's (the halves do not touch here).
        Assert.InRange(left.TotalGrams(), 0.95 * leftHalf, leftHalf);
        Assert.InRange(left.TotalGrams() + right.TotalGrams(), 0.95 * grid.TotalGrams(), grid.TotalGrams());
    }

    [Fact]
    public void AbsentFootAndUnusableGridGiveNoPicture()
    {
        MatGrid both = SyntheticFeet.Frame("normal", 1, 0, new Random(3));
        int[] leftOnly = both.LoadGrams.ToArray();
        for (int i = 0; i < leftOnly.Length; i++)
        {
            if (i % SyntheticFeet.Cols >= SyntheticFeet.Cols / 2) leftOnly[i] = 0;
        }
        var (left, right) = FootPrints.Of(both with { LoadGrams = leftOnly });
        // One foot alone is the analysis's to name; whichever side it picks, there is one picture, not two.
        Assert.True(left is null ^ right is null);

        Assert.Equal((null, null), FootPrints.Of(new MatGrid(3, 3, 10, new int[4])));
        Assert.Equal((null, null), FootPrints.Of(new MatGrid(300, 300, 10, new int[90000])));
        Assert.Equal((null, null), FootPrints.Of(new MatGrid(2, 2, 10, new int[4])));
    }

    private static long Sum(MatGrid grid, Func<int, bool> column)
    {
        long total = 0;
        for (int i = 0; i < grid.LoadGrams.Length; i++)
        {
            if (column(i % grid.Cols)) total += grid.LoadGrams[i];
        }
        return total;
    }
}
