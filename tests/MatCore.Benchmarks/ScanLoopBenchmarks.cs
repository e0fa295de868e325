using BenchmarkDotNet.Attributes;
using Kiosk.Mat.Geometry;
using Kiosk.Mat.Scanning;
using Kiosk.Mat.Testing;

namespace Kiosk.Mat.Benchmarks;

/// <summary>
/// One ScanLoop.ScanFrame over the fake grid (no settling waits): the loop's own cost on the host JIT, and proof
/// of no allocation per frame. On the device the hardware calls dominate (docs/scan-cost-model.md).
/// </summary>
[MemoryDiagnoser]
public class ScanLoopBenchmarks
{
    private ScanLoop _loop = null!;

    [Params(48, 64)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var grid = new FakeMatGrid(Size, Size, 16, 0);
        grid.FillPattern();
        _loop = new ScanLoop(new MatGeometry(Size, Size, 7500), grid, grid, grid, new ScanTiming(0, 0));
    }

    [Benchmark]
    public ushort[] ScanFrame() => _loop.ScanFrame();
}
