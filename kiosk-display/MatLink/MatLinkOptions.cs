using Kiosk.Mat.Protocol;

namespace Kiosk.Display.MatLink;

/// <summary>
/// Configuration section <c>MatLink</c>: where the display listens for mats and how much it lets one mat cost.
/// Checked at start-up by <see cref="MatLinkOptionsValidator"/>.
/// </summary>
public sealed class MatLinkOptions
{
    public const string SectionName = "MatLink";

    /// <summary>The port mats are configured to connect to (docs/protocol.md, "Connection").</summary>
    public const int DefaultPort = 5577;

    /// <summary>False turns the TCP listener off (a kiosk with only a USB mat, or only the virtual mat in-process).</summary>
    public bool TcpEnabled { get; set; } = true;

    /// <summary>Every interface by default, because real mats come in over the store's Wi-Fi.</summary>
    public string ListenAddress { get; set; } = "0.0.0.0";

    /// <summary>0 lets the system choose (tests); read the port from <see cref="MatListener.Listening"/>.</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>A store has a handful of mats; more connections than this are closed at once, so a scanner cannot exhaust memory.</summary>
    public int MaxConnections { get; set; } = 16;

    /// <summary>The largest packet accepted (before COBS); longer ones are discarded without being buffered.</summary>
    public int MaxPacketBytes { get; set; } = PacketFormat.MaxPacketBytes;

    /// <summary>A mat sends Status every few seconds, so this long without a byte means a dead (half-open) link.</summary>
    public int IdleTimeoutMs { get; set; } = 30_000;

    /// <summary>
    /// How long a refused (unpaired) mat stays connected after its Hello is answered, so its Hello shows on the
    /// technician page and the device sees the refusal; then the display closes, and the device retries later.
    /// </summary>
    public int UnpairedLingerMs { get; set; } = 10_000;

    /// <summary>
    /// How long a paired mat has to answer the display's Challenge with the proof of its pairing key; a mat that
    /// does not (it lacks the key, or runs firmware without pairing by key) is closed and retries later.
    /// </summary>
    public int ProofTimeoutMs { get; set; } = 10_000;

    /// <summary>
    /// Live frames waiting for the sink, per connection. When the sink is slower than the mat the oldest waiting
    /// frame is dropped: a heatmap wants the newest frame, never a backlog. Results are never queued here.
    /// </summary>
    public int LiveFrameQueueLength { get; set; } = 4;

    /// <summary>The USB serial port of a wired mat (<c>/dev/ttyUSB0</c>, <c>COM3</c>); empty = no serial mat.</summary>
    public string? SerialPortName { get; set; }

    /// <summary>The device's default serial speed (docs/protocol.md, "Connection": 921 600 baud 8N1).</summary>
    public int SerialBaudRate { get; set; } = 921_600;

    /// <summary>Wait before reopening a serial port that failed or closed (unplugged cable), so a missing port is not polled hot.</summary>
    public int SerialReopenDelayMs { get; set; } = 5_000;
}
