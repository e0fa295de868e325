using Kiosk.Mat.Calibration;

namespace Kiosk.Mat.Tests.Calibration;

/// <summary>
/// The still window's sum as a list of the sensels loaded in the window (<see cref="LoadedSensels.Accumulate"/>): the
/// same sums as one int per sensel, and the same Result bytes.
/// </summary>
public class LoadedSenselsSumTests
{
    private const int Cols = 12;

    private static readonly Gen<int[][]> Windows =
        Gen.Int[1, 12].SelectMany(frames =>
            Gen.Frequency((5, Gen.Const(0)), (1, Gen.Int[1, 5000])).Array[Cols * 10].Array[frames]);

    private static LoadedSensels ListOf(int[] frame, int capacity)
    {
        var list = new LoadedSensels(capacity, Cols);
        list.FillFrom(frame);
        return list;
    }

    private static int[] DenseSum(int[][] frames)
    {
        var sum = new int[frames[0].Length];
        foreach (var frame in frames)
        {
            for (int i = 0; i < frame.Length; i++)
            {
                sum[i] += frame[i];
            }
        }
        return sum;
    }

    /// <summary>The window's frames summed the device's way: the first copied, the others accumulated.</summary>
    private static LoadedSensels ListSum(int[][] frames)
    {
        int n = frames[0].Length;
        var sum = new LoadedSensels(n, Cols);
        sum.CopyFrom(ListOf(frames[0], n));
        for (int f = 1; f < frames.Length; f++)
        {
            Assert.True(sum.Accumulate(ListOf(frames[f], n)));
        }
        return sum;
    }

    [Fact]
    public void TheWindowsSumOverItsLoadedSenselsIsTheDenseSum()
    {
        Windows.Sample(frames =>
        {
            int n = frames[0].Length;
            var sum = ListSum(frames);

            var dense = new int[n];
            for (int k = 0; k < sum.Count; k++)
            {
                Assert.True(k == 0 || sum.Index[k] > sum.Index[k - 1], "indices ascend");
                dense[sum.Index[k]] = sum.Grams[k];
            }
            Assert.Equal(DenseSum(frames), dense);
        }, iter: 2000);
    }

    [Fact]
    public void ASumThatWouldOutgrowItsRoomSaysSo()
    {
        var first = new int[Cols * 4];
        var second = new int[Cols * 4];
        for (int i = 0; i < 10; i++)
        {
            first[i] = 100;
            second[20 + i] = 100;
        }
        var sum = new LoadedSensels(15, Cols);
        sum.CopyFrom(ListOf(first, 15));

        Assert.False(sum.Accumulate(ListOf(second, 15)));
        Assert.True(sum.Overflowed);
    }

    [Fact]
    public void AResultFromTheWindowsLoadedSenselsIsTheSameBytesAsFromTheDenseSum()
    {
        Windows.Sample(frames =>
        {
            int n = frames[0].Length;
            var sum = ListSum(frames);
            var dense = new ResultMessage(0) { DeviceId = 42, ResultCounter = 7, HasSummedFrame = true, Rows = 10, Cols = Cols, SummedLoadGrams = DenseSum(frames) };
            var sparse = new ResultMessage(0) { DeviceId = 42, ResultCounter = 7, HasSummedFrame = true, Rows = 10, Cols = Cols, SummedLoads = sum };
            var expected = new byte[ResultMessage.MaxPayloadBytes(n)];
            var actual = new byte[expected.Length];

            int expectedLength = dense.EncodePayload(expected, 0, expected.Length);
            int length = sparse.EncodePayload(actual, 0, actual.Length);

            Assert.Equal(expected.AsSpan(0, expectedLength).ToArray(), actual.AsSpan(0, length).ToArray());
        }, iter: 500);
    }
}
