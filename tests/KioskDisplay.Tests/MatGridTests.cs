namespace Kiosk.Display.Tests;

public class MatGridTests
{
    [Fact]
    public void AGridIsUsableUpToTheMatsLargestSideAndNoLarger()
    {
        const int side = MatGeometry.MaxSide;
        Assert.Null(new MatGrid(side, side, 7.5, new int[side * side]).Problem());
        Assert.Equal($"grid size {side + 1}x2 is out of range", new MatGrid(side + 1, 2, 7.5, new int[(side + 1) * 2]).Problem());
        Assert.Equal($"grid size 2x{side + 1} is out of range", new MatGrid(2, side + 1, 7.5, new int[(side + 1) * 2]).Problem());
    }
}
