using Kiosk.Mat.Analysis;
using Kiosk.Mat.Calibration;
using Kiosk.Mat.Geometry;
using Kiosk.Mat.Link;
using Kiosk.Mat.Protocol;
using Kiosk.Mat.Scanning;
using Kiosk.Mat.SelfTest;
using Kiosk.Mat.Session;
using Kiosk.Mat.Simulation.Grid;
using Kiosk.Mat.Simulation.Shoppers;

namespace Kiosk.Mat.Simulation;

/// <summary>
/// The mat's firmware loop run on the host over the simulated grid, in simulated time: the real
/// <see cref="ScanLoop"/> -> <see cref="CrosstalkCompensation"/> -> <see cref="SenselCalibration"/> ->
/// <see cref="SessionTracker"/> -> <see cref="MatLinkSession"/>, as the ESP32 app runs them. Each <see cref="Step"/>
/// is one frame and advances the clock by the frame period, so a scenario runs as fast as the host allows (tests)
/// or, paced by the caller, in real time (the display).
/// </summary>
public sealed class VirtualMat
{
    private const uint FakeFreeMemoryBytes = 96 * 1024;
    private const int StatusEveryMs = 1000;

    private readonly VirtualMatOptions _options;
    private readonly int[] _loadGrams;
    private int _nextStatusMs;
    private int _nextDialMs;
    private bool _lastFrameLoaded;

    public VirtualMat(MatGeometry geometry, VirtualMatOptions? options = null)
    {
        _options = options ?? new VirtualMatOptions();
        if (_options.FramesPerSecond is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "1 to 1000 frames per second");
        }
        Geometry = geometry;
        FramePeriodMs = 1000 / _options.FramesPerSecond;
        GridElectrics electrics = _options.Electrics;
        Grid = new SimulatedGrid(geometry, electrics);
        Scan = new ScanLoop(geometry, Grid, Grid, Grid, ScanTiming.Default());
        Compensation = new CrosstalkCompensation(geometry, electrics.FullScalePermilleOfDrive,
            (int)Math.Round(electrics.DividerOhms), (int)Math.Round(electrics.ReadPathOnOhms));
        Calibration = new SenselCalibration(geometry.SenselCount, new ConductanceLaw(electrics.HalfDriveGrams, electrics.FullScalePermilleOfDrive));
        Tracker = new SessionTracker(geometry, new SessionSettings(), new FootAnalyzer(geometry, null));
        SelfTest = new MatSelfTest(geometry, new SelfTestLimits());
        int resultBytes = ResultMessage.MaxPayloadBytes(geometry.SenselCount);
        var outbox = new ResultOutbox(_options.OutboxCapacity, _options.OutboxCapacity * resultBytes);
        Link = new MatLinkSession(_options.DeviceId, geometry, outbox, _options.FirstResultCounter, _options.PairingKey);
        // The device's own frame path; without crosstalk in the grid there is none to take out.
        Pipeline = new MatPipeline(Scan, _options.CompensateCrosstalk ? Compensation : null, Calibration,
            new ushort[geometry.SenselCount], Tracker);
        _loadGrams = new int[geometry.SenselCount];
    }

    public MatGeometry Geometry { get; }
    public SimulatedGrid Grid { get; }
    public ScanLoop Scan { get; }
    public CrosstalkCompensation Compensation { get; }
    public SenselCalibration Calibration { get; }
    public SessionTracker Tracker { get; }
    public MatSelfTest SelfTest { get; }
    public MatLinkSession Link { get; }

    public int FramePeriodMs { get; }

    /// <summary>Simulated uptime, ms: the time of the next frame.</summary>
    public int NowMs { get; private set; }

    /// <summary>Load per sensel of the last frame after calibration, grams.</summary>
    public int[] CalibratedGrams => Pipeline.LoadGrams;

    /// <summary>Scan, compensation, calibration and tracker, as the ESP32 app runs them.</summary>
    public MatPipeline Pipeline { get; }

    /// <summary>Scans finished (each went to the outbox, or is held while it is full).</summary>
    public int ScansCompleted { get; private set; }

    /// <summary>A live frame, stamped with this uptime (ms), is about to be handed to the link (the display's latency figure starts here).</summary>
    public event Action<int>? FrameSending;

    /// <summary>Opens a link to the display; called whenever the mat has none, every <see cref="VirtualMatOptions.ReconnectEveryMs"/>.</summary>
    public Func<IPacketTransport?>? Dial { get; set; }

    /// <summary>
    /// Power-on as the device does it, on an empty mat: self-test, zero, and (with the calibration board) gains.
    /// </summary>
    public void Start()
    {
        Grid.SetLoad(_loadGrams);
        ushort[] empty = Pipeline.ScanCompensated();
        SelfTest.Run(Scan.Frame);
        Array.Copy(SelfTest.Mask, Calibration.DeadMask, Calibration.DeadMask.Length);
        Link.SenselMask = SelfTest.Mask;
        Calibration.CalibrateZero(empty);
        if (_options.GainBoardGrams > 0)
        {
            Array.Fill(_loadGrams, _options.GainBoardGrams);
            Grid.SetLoad(_loadGrams);
            Calibration.Apply(Pipeline.ScanCompensated(), Pipeline.LoadGrams);
            Calibration.EqualiseGains(Pipeline.LoadGrams);
            Array.Clear(_loadGrams);
            Grid.SetLoad(_loadGrams);
        }
        Link.Hello.CalibrationId = (uint)Calibration.CalibrationId;
    }

    /// <summary>One frame with this load on the mat (grams per sensel), then the link's turn; the clock advances a frame.</summary>
    public void Step(int[] loadGrams)
    {
        DialIfUnlinked();
        Grid.SetLoad(loadGrams);
        // A full outbox holds the finished scan; no new scan starts until it is taken (docs/protocol.md).
        if (Pipeline.Step(NowMs, !Link.HoldingResult))
        {
            ScansCompleted++;
            Link.QueueResult(Tracker.Result, Tracker.CaptureSumGrams, NowMs);
        }
        // Live frames while someone stands on the mat, and one empty frame after, to clear the display's heatmap.
        bool loaded = Tracker.TotalLoadGrams > 0;
        if (loaded || _lastFrameLoaded)
        {
            FrameSending?.Invoke(NowMs);
            Link.SendFrame(Pipeline.LoadGrams, NowMs);
        }
        _lastFrameLoaded = loaded;
        if (NowMs >= _nextStatusMs)
        {
            SendStatus();
            _nextStatusMs = NowMs + StatusEveryMs;
        }
        Link.Poll(NowMs);
        NowMs += FramePeriodMs;
    }

    /// <summary>Runs a scripted shopper from start to end, one <see cref="Step"/> per frame; <paramref name="eachFrame"/> sees the shopper's time.</summary>
    public void Run(ShopperTimeline shopper, Action<int>? eachFrame = null)
    {
        for (int atMs = 0; atMs <= shopper.DurationMs; atMs += FramePeriodMs)
        {
            shopper.LoadAt(atMs, _loadGrams);
            Step(_loadGrams);
            eachFrame?.Invoke(atMs);
        }
    }

    /// <summary>Frames on the empty mat until every result is acknowledged or <paramref name="maxFrames"/> have passed; true when all were.</summary>
    public bool Drain(int maxFrames, Action? eachFrame = null)
    {
        Array.Clear(_loadGrams);
        for (int frame = 0; frame < maxFrames; frame++)
        {
            if (Link.Outbox.Count == 0 && !Link.HoldingResult)
            {
                return true;
            }
            Step(_loadGrams);
            eachFrame?.Invoke();
        }
        return Link.Outbox.Count == 0 && !Link.HoldingResult;
    }

    private void DialIfUnlinked()
    {
        if (Link.Connected || Dial == null || NowMs < _nextDialMs)
        {
            return;
        }
        _nextDialMs = NowMs + _options.ReconnectEveryMs;
        IPacketTransport? transport = Dial();
        if (transport != null)
        {
            Link.Connect(transport, NowMs);
        }
    }

    private void SendStatus()
    {
        StatusMessage status = Link.Status;
        status.UptimeSeconds = (uint)(NowMs / 1000);
        status.FreeMemoryBytes = FakeFreeMemoryBytes;
        status.FrameRateHzX10 = 10 * _options.FramesPerSecond;
        status.DeadSenselCount = SelfTest.MaskedSenselCount;
        status.RssiDbm = _options.FakeRssiDbm;
        Link.SendStatus();
    }
}
