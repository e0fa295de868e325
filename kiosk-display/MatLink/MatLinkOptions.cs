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

    /// <summary>
    /// Connections open at once, proven mats and the rest. Sized for a store (20 mats and the virtual mat) with room
    /// to spare; beyond it the oldest unproven socket is closed, or the new one when every link is a proven mat.
    /// </summary>
    public int MaxConnections { get; set; } = 40;

    /// <summary>
    /// Sockets whose Hello is not accepted yet (no proof of a pairing key) that may be open at once: a new one beyond
    /// this closes the oldest of them, so idle or hostile sockets can never keep a paired mat out.
    /// </summary>
    public int MaxUnprovenConnections { get; set; } = 8;

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
    /// How long a new link has to be accepted: its Hello answered by a Challenge and its proof of the pairing key
    /// checked. Counted from the moment it connects (or an accepted link says Hello again); bytes do not extend it,
    /// so a socket that never proves a key (no key, old firmware, a scanner, a silent attacker) is closed.
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
