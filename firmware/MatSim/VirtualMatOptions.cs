namespace Kiosk.Mat.Simulation;

/// <summary>How the virtual mat is built and clocked.</summary>
public sealed record VirtualMatOptions
{
    /// <summary>Simulated frames per second: each frame advances the mat's clock by 1000 / this, ms (20 fps = 50 ms).</summary>
    public int FramesPerSecond { get; init; } = 20;

    public GridElectrics Electrics { get; init; } = new();

    /// <summary>Run the core's crosstalk compensation between the scan and the calibration (the device does).</summary>
    public bool CompensateCrosstalk { get; init; } = true;

    /// <summary>The device id in Hello and results (a real mat sends its 48-bit MAC).</summary>
    public long DeviceId { get; init; } = 0x5EED_0000_0001;

    /// <summary>
    /// Where the result counter's high-water mark survives a restart of the process (the display keeps it in its data
    /// folder); null: in memory, so ids stay unique across the mat's own reboots but start at 1 in a new process.
    /// </summary>
    public IResultCounterFile? CounterFile { get; init; }

    /// <summary>
    /// The 16-byte key the display paired this mat with, to answer its Challenge (docs/protocol.md, "Pairing");
    /// null: the mat has none, so only a display that accepts it without a challenge (a capture, a test) takes its data.
    /// </summary>
    public byte[]? PairingKey { get; init; }

    /// <summary>Results the outbox holds, and the bytes for them.</summary>
    public int OutboxCapacity { get; init; } = 8;

    /// <summary>Wi-Fi signal strength the Status reports, dBm: the virtual mat has no radio.</summary>
    public int FakeRssiDbm { get; init; } = -55;

    /// <summary>Simulated time before the first redial after a failed connection attempt, ms; it doubles after each failure.</summary>
    public int ReconnectEveryMs { get; init; } = 1000;

    /// <summary>The longest wait between connection attempts, ms.</summary>
    public int ReconnectMaxMs { get; init; } = 4000;

    /// <summary>A Status goes out this often, simulated ms.</summary>
    public int StatusEveryMs { get; init; } = 1000;

    /// <summary>Live frames at most this often, ms; 0 sends every frame (the display's demo heatmap at the full frame rate).</summary>
    public int LiveFrameEveryMs { get; init; }

    /// <summary>Per-sensel load of the uniform calibration board that evens out the films' gains at start-up, grams (0: skip).</summary>
    public int GainBoardGrams { get; init; } = 300;
}
