using BenchmarkDotNet.Attributes;
using Kiosk.Mat.Calibration;
using Kiosk.Mat.Geometry;

namespace Kiosk.Mat.Benchmarks;

/// <summary>
/// CrosstalkCompensation.Apply on one raw frame with two foot-sized loaded ellipses (a fifth of the mat loaded, the
/// rest at the leakage level): its cost per frame on the host JIT, and proof of no allocation per frame.
/// </summary>
[MemoryDiagnoser]
public class CrosstalkCompensationBenchmarks
{
    private CrosstalkCompensation _compensation = null!;
    private ushort[] _raw = null!;
    private ushort[] _compensated = null!;

    [Params(48, 64)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var geometry = new MatGeometry(Size, Size, 7500);
        _compensation = new CrosstalkCompensation(geometry, 742, 10000, 0);
        _raw = new ushort[geometry.SenselCount];
        _compensated = new ushort[geometry.SenselCount];
        // Two upright ellipses, a third of the mat deep and a sixth wide, one each side of the centre line.
        double a = Size / 6.0, b = Size / 12.0;
        for (int row = 0; row < Size; row++)
        {
            for (int col = 0; col < Size; col++)
            {
                double dy = (row - Size / 2.0) / a;
                double dxLeft = (col - Size * 0.3) / b, dxRight = (col - Size * 0.7) / b;
                bool loaded = dy * dy + dxLeft * dxLeft <= 1 || dy * dy + dxRight * dxRight <= 1;
                _raw[geometry.Index(row, col)] = (ushort)(loaded ? 150 + (row * 37 + col * 11) % 300 : 8 + (row + col) % 5);
            }
        }
    }

    [Benchmark]
    public ushort[] Apply()
    {
        _compensation.Apply(_raw, _compensated);
        return _compensated;
    }
}
