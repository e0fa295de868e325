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
/// One live frame for the heatmap. <paramref name="LoadGrams"/> is row * cols + col and owned by the receiver.
/// <paramref name="CapturedAtMs"/> is the device's uptime clock (wraps after 49 days); <paramref name="ReceivedAt"/> the display's.
/// </summary>
public sealed record LiveFrame(long DeviceId, MatGeometry Grid, int[] LoadGrams, uint CapturedAtMs, DateTimeOffset ReceivedAt);

/// <summary>The frames of a scan's still window summed, grams per sensel (row * cols + col).</summary>
public sealed record SummedFrame(MatGeometry Grid, int[] LoadGrams);

/// <summary>
/// One scan's result. <paramref name="ResultId"/> is <see cref="PacketJson.ResultId"/> (device id in 12 hex digits,
/// a dash, the counter in decimal), the key the store must insert only if absent. <paramref name="SummedFrame"/> is
/// null when the device had no room to send it (docs/protocol.md, "Result").
/// </summary>
public sealed record ScanResult(
    string ResultId, long DeviceId, uint ResultCounter, AnalysisReport Analysis, SummedFrame? SummedFrame, DateTimeOffset ReceivedAt);

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
