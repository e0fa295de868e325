using Kiosk.Mat.Scanning;

namespace Kiosk.Mat.Simulation.Grid;

/// <summary>
/// An electrical model of the passive resistive matrix behind the core's scan seams, so the real
/// <see cref="ScanLoop"/> scans it: <see cref="SetLoad"/> puts a load field on the film, and every
/// <see cref="ReadMux"/> solves the read column's node voltage for the driven row, with crosstalk through the other
/// sensels of the column to the grounded rows, then quantises it like the ESP32's ADC (README.md derives it).
/// Time does not pass: <see cref="Wait"/> only counts, so a scan runs as fast as the host can.
/// </summary>
public sealed class SimulatedGrid : IRowDriver, IColumnReader, IMicrosecondDelay
{
    public const int ChannelsPerCd74hc4067 = 16;
    private const int AdcMaxCounts = 4095;

    private readonly Random _noise;

    // Conductances in units of the read path's conductance 1 / (R_on + R_d): g = G x (R_on + R_d).
    private readonly double[] _gainOfFilm;
    private readonly double[] _conductance;
    private readonly double[] _columnConductance;
    private readonly bool[] _openRow;
    private readonly bool[] _openColumn;
    private readonly bool[] _stuck;

    // Read path: ADC volts per column-node volt (R_d / (R_on + R_d)), and counts per volt of drive.
    private readonly double _adcShareOfNode;
    private readonly double _countsPerDrive;
    private readonly double _leakage;
    private readonly double _stuckConductance;
    private readonly double _conductancePerGram;

    private int _drivenRow = -1;
    private int _channel = -1;

    public SimulatedGrid(MatGeometry geometry, GridElectrics electrics)
    {
        Geometry = geometry;
        Electrics = electrics;
        MuxCount = (geometry.Cols + ChannelsPerCd74hc4067 - 1) / ChannelsPerCd74hc4067;
        var parts = new Random(electrics.Seed);
        _noise = new Random(electrics.Seed * 7919 + 1);
        int count = geometry.SenselCount;
        _gainOfFilm = new double[count];
        for (int i = 0; i < count; i++)
        {
            _gainOfFilm[i] = 1 + electrics.GainSpread * (2 * parts.NextDouble() - 1);
        }
        _conductance = new double[count];
        _columnConductance = new double[geometry.Cols];
        _openRow = new bool[geometry.Rows];
        _openColumn = new bool[geometry.Cols];
        _stuck = new bool[count];

        double pathOhms = electrics.ReadPathOnOhms + electrics.DividerOhms;
        _adcShareOfNode = electrics.DividerOhms / pathOhms;
        _countsPerDrive = AdcMaxCounts * electrics.DriveMv / electrics.AdcFullScaleMv;
        _leakage = pathOhms / electrics.LeakageOhms;
        _stuckConductance = pathOhms / electrics.StuckOhms;
        // The film: G = F / (R_d x F_half), so at F_half the sensel matches the divider resistor.
        _conductancePerGram = pathOhms / (electrics.DividerOhms * electrics.HalfDriveGrams);
        SetLoad(new int[count]);
    }

    public MatGeometry Geometry { get; }

    public GridElectrics Electrics { get; }

    /// <summary>Each sensel's film gain (1 +- the spread), row * Cols + col: the truth a gain calibration should find.</summary>
    public IReadOnlyList<double> FilmGain => _gainOfFilm;

    public int RowCount => Geometry.Rows;

    public int MuxCount { get; }

    public int ChannelsPerMux => ChannelsPerCd74hc4067;

    public long WaitedUs { get; private set; }

    /// <summary>An open row line: its sensels are neither driven nor grounded, so they read nothing and load no column.</summary>
    public void OpenRow(int row) => _openRow[row] = true;

    /// <summary>An open column line: its multiplexer input sees only the divider resistor, so it reads 0.</summary>
    public void OpenColumn(int col) => _openColumn[col] = true;

    /// <summary>A shorted sensel: it conducts like a heavy load whatever stands on it.</summary>
    public void StickSensel(int row, int col) => _stuck[Geometry.Index(row, col)] = true;

    /// <summary>Puts a load field on the mat (grams per sensel, row * Cols + col) until the next call.</summary>
    public void SetLoad(int[] loadGrams)
    {
        int cols = Geometry.Cols;
        Array.Clear(_columnConductance);
        for (int row = 0; row < Geometry.Rows; row++)
        {
            for (int col = 0; col < cols; col++)
            {
                int i = row * cols + col;
                double g = _stuck[i]
                    ? _stuckConductance
                    : _leakage + _conductancePerGram * _gainOfFilm[i] * Math.Max(0, loadGrams[i]);
                if (_openRow[row])
                {
                    g = 0;
                }
                _conductance[i] = g;
                _columnConductance[col] += g;
            }
        }
    }

    public void SelectRow(int row) => _drivenRow = row;

    public void ReleaseAll() => _drivenRow = -1;

    public void SelectChannel(int channel) => _channel = channel;

    public void Wait(int microseconds) => WaitedUs += microseconds;

    public int ReadMux(int mux)
    {
        int col = mux * ChannelsPerCd74hc4067 + _channel;
        if (_channel < 0 || col >= Geometry.Cols || _openColumn[col])
        {
            return 0;
        }
        double nodeOverDrive = 0;
        if (_drivenRow >= 0)
        {
            double g = _conductance[_drivenRow * Geometry.Cols + col];
            // KCL at the column node (README.md): g (1 - u) = u (others + 1), so u = g / (g + others + 1).
            double shunt = Electrics.Crosstalk ? _columnConductance[col] : g;
            nodeOverDrive = g / (shunt + 1);
        }
        double counts = nodeOverDrive * _adcShareOfNode * _countsPerDrive + Electrics.AdcNoiseCounts * Gaussian();
        return (int)Math.Clamp(Math.Round(counts), 0, AdcMaxCounts);
    }

    private double Gaussian()
    {
        double u1 = 1 - _noise.NextDouble(), u2 = _noise.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
