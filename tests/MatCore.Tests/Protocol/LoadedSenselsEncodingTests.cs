using Kiosk.Mat.Calibration;

namespace Kiosk.Mat.Tests.Protocol;

/// <summary>The device encodes a live frame from its loaded sensels: the bytes must be the dense frame's.</summary>
public class LoadedSenselsEncodingTests
{
    [Fact]
    public void AFrameFromItsLoadedSenselsIsTheSameBytesAsFromTheWholeFrame()
    {
        var frames = Gen.Select(Gen.Int[2, 64], Gen.Int[2, 64], (rows, cols) => (rows, cols))
            .SelectMany(size => Gen.Frequency((6, Gen.Const(0)), (1, Gen.Int[1, 3_000_000])).Array[size.rows * size.cols]
                .Select(loads => (size.rows, size.cols, loads)));
        frames.Sample(frame =>
        {
            var dense = new FrameMessage(0) { CapturedAtMs = 123456, Rows = frame.rows, Cols = frame.cols, LoadGrams = frame.loads };
            var expected = new byte[8 + SparseLoads.MaxBytes(frame.loads.Length)];
            int expectedLength = dense.EncodePayload(expected, 0, expected.Length);

            var loaded = new LoadedSensels(frame.loads.Length, frame.cols);
            loaded.FillFrom(frame.loads);
            var actual = new byte[expected.Length];
            int length = FrameMessage.EncodePayload(123456, loaded, frame.rows, actual, 0, actual.Length);

            Assert.Equal(expected.AsSpan(0, expectedLength).ToArray(), actual.AsSpan(0, length).ToArray());
        }, iter: 2000);
    }

    [Fact]
    public void AFrameTooLargeForTheBufferIsRefusedNotCut()
    {
        var loaded = new LoadedSensels(100, 10);
        for (int i = 0; i < 100; i++)
        {
            loaded.Add(i, 100_000);
        }
        Assert.Equal(-1, FrameMessage.EncodePayload(0, loaded, 10, new byte[200], 0, 200));
    }

    [Fact]
    public void AListFullerThanItsCapacityIsMarkedOverflowed()
    {
        var loaded = new LoadedSensels(2, 4);
        loaded.Add(0, 5);
        loaded.Add(1, 5);
        loaded.Add(2, 5);
        Assert.True(loaded.Overflowed);
        Assert.Equal(2, loaded.Count);
    }
}
