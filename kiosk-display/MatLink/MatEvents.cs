using Kiosk.Mat.Geometry;
using Kiosk.Mat.Host.Json;
using Kiosk.Mat.Host.Protocol;

namespace Kiosk.Display.MatLink;

/// <summary>A paired mat introduced itself (its Hello was accepted); <paramref name="Grid"/> is its sensor grid, the core's <see cref="MatGeometry"/>.</summary>
public sealed record MatHello(long DeviceId, string FirmwareVersion, MatGeometry Grid, uint CalibrationId, string RemoteEndpoint)
{
    public string DeviceIdText => PacketJson.DeviceIdText(DeviceId);
}

/// <summary>
/// A live frame while someone stands on the mat, for the heatmap; the grid's loads are owned by the receiver.
/// <paramref name="DeviceId"/> is <see cref="PacketJson.DeviceIdText"/>. <paramref name="CapturedAt"/> is when it left
/// the mat (the virtual mat, which notes it) or reached the listener (a real mat, whose clock is not the display's);
/// <paramref name="DeviceClockMs"/> is the mat's own uptime stamp (wraps after 49 days; 0 for frames not from a link).
/// </summary>
public sealed record LiveFrame(string DeviceId, MatGrid Grid, DateTimeOffset CapturedAt, uint DeviceClockMs = 0);

/// <summary>
/// The analysis of one scan. <paramref name="ResultId"/> is <see cref="PacketJson.ResultId"/> (device id in 12 hex
/// digits, a dash, the counter in decimal), unique and stored once. <paramref name="Summed"/> is the still window's
/// mean load per sensel (the Result carries the frames summed; <see cref="MatGrid.None"/> when the device had no room to
/// send them, docs/protocol.md "Result"). <paramref name="Demo"/>: made by the built-in demo mat, not a shopper (marked,
/// and kept out of a store's day).
/// </summary>
public sealed record ScanResult(string ResultId, string DeviceId, AnalysisReport Report, MatGrid Summed, DateTimeOffset ScannedAt, bool Demo = false);

/// <summary>A mat's health report (Status message), for the technician page.</summary>
public sealed record MatStatus(
    long DeviceId,
    uint UptimeSeconds,
    uint FreeMemoryBytes,
    double FrameRateHz,
    int DeadSensels,
    int? RssiDbm,
    int OutboxPending,
    bool OutboxFull,
    uint FramesDroppedOnDevice,
    DateTimeOffset ReceivedAt);

/// <summary>
/// What the mat's self-test found (SenselMap message): the index (row * cols + col) of every faulty sensel and its
/// <see cref="Kiosk.Mat.SelfTest.SenselStatus"/> code (1 stuck, 2 dead, 3 on an open line, 4 on a shorted line).
/// </summary>
public sealed record MatSenselMap(long DeviceId, int Rows, int Cols, int[] FaultyIndices, int[] Statuses, DateTimeOffset ReceivedAt);

/// <summary>A mat answered a command (CalibrateZero, CalibrateGain, SetConfig, Reboot) with this Ack status.</summary>
public sealed record CommandAck(long DeviceId, string Command, string Status)
{
    public bool Ok => Status == "ok";
}
