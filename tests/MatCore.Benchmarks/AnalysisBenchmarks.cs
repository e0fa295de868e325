using BenchmarkDotNet.Attributes;
using Kiosk.Mat.Analysis;
using Kiosk.Mat.Geometry;
using Kiosk.Mat.Session;
using Kiosk.Mat.Simulation.Feet;

namespace Kiosk.Mat.Benchmarks;

/// <summary>
/// The two costs of a scan on the mat: the session tracker's step, run on every frame (total load, centre of
/// pressure, adding to the capture sum), and the full foot analysis, run once per scan on the summed frame.
/// Both on a standing adult on a 48x48 mat at 10 mm and a 64x64 mat at 7.5 mm; both must allocate nothing.
/// </summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private int[] _frame = null!;
    private FootAnalyzer _analyzer = null!;
    private ScanAnalysis _result = null!;
    private SessionTracker _tracker = null!;
    private int _elapsedMs;

    [Params(48, 64)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var geometry = new MatGeometry(Size, Size, Size == 48 ? 10000 : 7500);
        _frame = new StandingScene { NoiseGrams = 2 }.Render(geometry).LoadGrams;
        _analyzer = new FootAnalyzer(geometry, null);
        _result = new ScanAnalysis();
        // A window longer than any benchmark run keeps the tracker capturing: the per-frame path at its busiest.
        _tracker = new SessionTracker(geometry, new SessionSettings { StillWindowMs = int.MaxValue / 2 }, _analyzer);
        for (int i = 0; i < 20; i++)
        {
            TrackerStep();
        }
    }

    [Benchmark]
    public bool TrackerStep()
    {
        _elapsedMs += 50;
        return _tracker.Step(_frame, _elapsedMs, null);
    }

    [Benchmark]
    public ScanAnalysis FullAnalysis()
    {
        _analyzer.Analyze(_frame, null, _result);
        return _result;
    }
}
