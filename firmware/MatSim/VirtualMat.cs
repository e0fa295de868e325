using Kiosk.Mat.Calibration;
using Kiosk.Mat.Link;
using Kiosk.Mat.Scanning;
using Kiosk.Mat.SelfTest;
using Kiosk.Mat.Session;

namespace Kiosk.Mat.Simulation;

/// <summary>
/// The mat's firmware (<see cref="MatDevice"/>, the same class the ESP32 app runs) over the simulated grid, in
/// simulated time. Each <see cref="Step"/> is one of the device's ticks and advances the clock by the frame period,
/// so a scenario runs as fast as the host allows (tests) or, paced by the caller, in real time (the display).
/// The display's commands are the device's own: Zero and Calibrate work, and Reboot restarts the device (a new
/// <see cref="MatDevice"/> whose first result counter comes from <see cref="VirtualMatOptions.CounterFile"/>).
/// </summary>
public sealed class VirtualMat
{
    private const uint FakeFreeMemoryBytes = 96 * 1024;

    private readonly VirtualMatOptions _options;
    private readonly IResultCounterFile _counterFile;
    private readonly int[] _loadGrams;
    private readonly FuncDialer _dialer;
    private readonly FrameDepartureListener _departures;

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
        Readout = new ReadoutCircuit((int)Math.Round(electrics.DriveMv), (int)Math.Round(electrics.AdcFullScaleMv), electrics.HalfDriveGrams,
            (int)Math.Round(electrics.DividerOhms), electrics.DividerPerColumn, (int)Math.Round(electrics.MuxOnOhms))
        {
            AdcNoiseRaw = (int)Math.Ceiling(electrics.AdcNoiseCounts),
        };
        _counterFile = _options.CounterFile ?? new MemoryCounterFile();
        _loadGrams = new int[geometry.SenselCount];
        _dialer = new FuncDialer(this);
        _departures = new FrameDepartureListener(this);
        Device = NewDevice();
    }

    public MatGeometry Geometry { get; }
    public SimulatedGrid Grid { get; }
    public ReadoutCircuit Readout { get; }

    /// <summary>The firmware now running; a new one after every reboot.</summary>
    public MatDevice Device { get; private set; }

    public ScanLoop Scan => Device.Loop;
    public CrosstalkCompensation? Compensation => Device.Pipeline.Crosstalk;
    public SenselCalibration Calibration => Device.Calibration;
    public SessionTracker Tracker => Device.Tracker;
    public MatSelfTest SelfTest => Device.SelfTest;
    public MatLinkSession Link => Device.Link;

    /// <summary>Scan, compensation, calibration and tracker, as the ESP32 app runs them.</summary>
    public MatPipeline Pipeline => Device.Pipeline;

    public int FramePeriodMs { get; }

    /// <summary>Simulated uptime, ms: the time of the next frame.</summary>
    public int NowMs { get; private set; }

    /// <summary>Scans finished (each went to the outbox, or is held while it is full), over every restart.</summary>
    public int ScansCompleted { get; private set; }

    /// <summary>Restarts on the display's Reboot command.</summary>
    public int Restarts { get; private set; }

    /// <summary>A live frame, stamped with this uptime (ms), is about to be handed to the link (the display's latency figure starts here).</summary>
    public event Action<int>? FrameSending;

    /// <summary>
    /// Opens a link to the display; called while the mat has none, when the device's backoff allows
    /// (<see cref="VirtualMatOptions.ReconnectEveryMs"/> first, doubling up to <see cref="VirtualMatOptions.ReconnectMaxMs"/>).
    /// </summary>
    public Func<IPacketTransport?>? Dial { get; set; }

    /// <summary>
    /// Power-on as the device does it, on an empty mat: self-test, zero, and (with the calibration board) gains.
    /// </summary>
    public void Start()
    {
        Array.Clear(_loadGrams);
        Grid.SetLoad(_loadGrams);
        Device.PowerOn(NowMs);
        if (_options.GainBoardGrams > 0)
        {
            Array.Fill(_loadGrams, _options.GainBoardGrams);
            Grid.SetLoad(_loadGrams);
            Device.EqualiseGains();
            Array.Clear(_loadGrams);
            Grid.SetLoad(_loadGrams);
        }
    }

    /// <summary>One frame with this load on the mat (grams per sensel): the device's tick; the clock advances a frame.</summary>
    public void Step(int[] loadGrams)
    {
        Grid.SetLoad(loadGrams);
        Device.FreeMemoryBytes = FakeFreeMemoryBytes;
        Device.RssiDbm = _options.FakeRssiDbm;
        Device.Tick(NowMs);
        if (Device.ScanFinished)
        {
            ScansCompleted++;
        }
        if (Device.RebootRequested)
        {
            Restart(loadGrams);
        }
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

    /// <summary>A reboot: the link drops, and a new device powers on with whatever stands on the mat.</summary>
    private void Restart(int[] loadGrams)
    {
        Link.Disconnect();
        Restarts++;
        Device = NewDevice();
        Device.PowerOn(NowMs);
        Grid.SetLoad(loadGrams);
    }

    private MatDevice NewDevice()
    {
        var settings = new MatDeviceSettings
        {
            DeviceId = _options.DeviceId,
            PairingKey = _options.PairingKey,
            StatusEveryMs = _options.StatusEveryMs,
            LiveFrameEveryMs = _options.LiveFrameEveryMs,
            ReconnectFirstMs = _options.ReconnectEveryMs,
            ReconnectMaxMs = Math.Max(_options.ReconnectEveryMs, _options.ReconnectMaxMs),
            OutboxResults = _options.OutboxCapacity,
            OutboxBytes = _options.OutboxCapacity * Protocol.ResultMessage.MaxPayloadBytes(Geometry.SenselCount),
            CompensateCrosstalk = _options.CompensateCrosstalk,
        };
        var loop = new ScanLoop(Geometry, Grid, Grid, Grid, ScanTiming.Default());
        return new MatDevice(Geometry, loop, Readout, settings, new ResultCounters(_counterFile), _dialer)
        {
            FrameListener = _departures,
        };
    }

    /// <summary>The device's dialler over <see cref="Dial"/>: connecting on the host's loopback is quick, so it dials in the tick.</summary>
    private sealed class FuncDialer(VirtualMat mat) : ILinkDialer
    {
        public bool Dialing => false;

        public IPacketTransport? Poll(int nowMs, bool mayStartAttempt) => mayStartAttempt && mat.Dial != null ? mat.Dial() : null;
    }

    private sealed class FrameDepartureListener(VirtualMat mat) : ILiveFrameListener
    {
        public void OnSending(int capturedAtMs) => mat.FrameSending?.Invoke(capturedAtMs);
    }
}
