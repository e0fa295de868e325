using Kiosk.Mat.Geometry;
using Kiosk.Mat.Host.Json;
using Kiosk.Mat.Host.Protocol;
using Kiosk.Mat.Protocol;

namespace Kiosk.Display.MatLink;

/// <summary>
/// Turns an accepted mat's packets into the records the sink takes (<see cref="LiveFrame"/>, <see cref="ScanResult"/>,
/// <see cref="MatStatus"/>, <see cref="MatSenselMap"/>). The core's message objects are reused from packet to packet and
/// sized to the mat's grid from its Hello, so a frame or map claiming a larger grid does not decode; null means malformed.
/// </summary>
internal sealed class PacketRecords
{
    private readonly StatusMessage _status = new();
    private FrameMessage? _frame;
    private ResultMessage? _result;
    private long _deviceId;
    private string _deviceIdText = "";
    private MatGeometry? _grid;

    public static MatHello Hello(HelloMessage hello, string remoteEndpoint) =>
        new(hello.DeviceId, $"{hello.FirmwareMajor}.{hello.FirmwareMinor}.{hello.FirmwarePatch}",
            new MatGeometry(hello.Rows, hello.Cols, hello.PitchUm), hello.CalibrationId, remoteEndpoint);

    /// <summary>From now on, packets are the accepted <paramref name="deviceId"/>'s, on <paramref name="grid"/>.</summary>
    public void Accept(long deviceId, MatGeometry grid)
    {
        if (!SameGrid(_grid, grid) || _deviceId != deviceId)
        {
            _frame = new FrameMessage(grid.Rows * grid.Cols);
            // Any grid the protocol allows (256 KiB once per link): a result that failed to decode would be acked as
            // bad-value and so lost, which a summed frame of another size than the Hello's must not cause.
            _result ??= new ResultMessage(SparseLoads.MaxSide * SparseLoads.MaxSide);
        }
        _deviceId = deviceId;
        _deviceIdText = PacketJson.DeviceIdText(deviceId);
        _grid = grid;
    }

    private static bool SameGrid(MatGeometry? a, MatGeometry b) =>
        a != null && a.Rows == b.Rows && a.Cols == b.Cols && a.PitchUm == b.PitchUm;

    private MatGeometry Grid => _grid ?? throw new InvalidOperationException("no mat accepted on this link");

    /// <summary>The accepted grid when a frame has its size (every frame of a real mat), else that size at its pitch.</summary>
    private MatGeometry GridOf(int rows, int cols) =>
        rows == Grid.Rows && cols == Grid.Cols ? Grid : new MatGeometry(rows, cols, Grid.PitchUm);

    public LiveFrame? Frame(byte[] payload)
    {
        FrameMessage frame = _frame!;
        if (!frame.DecodePayload(payload, 0, payload.Length))
        {
            return null;
        }
        var loads = frame.LoadGrams.AsSpan(0, frame.Rows * frame.Cols).ToArray();
        return new LiveFrame(_deviceIdText, MatGrid.Of(GridOf(frame.Rows, frame.Cols), loads), DateTimeOffset.UtcNow, frame.CapturedAtMs);
    }

    /// <summary>The decoded Result message (reused: read it before the next packet), or null when it does not parse.</summary>
    public ResultMessage? DecodeResult(byte[] payload) =>
        _result!.DecodePayload(payload, 0, payload.Length) ? _result : null;

    public ScanResult Result(ResultMessage result)
    {
        return new ScanResult(PacketJson.ResultId(result.DeviceId, result.ResultCounter), PacketJson.DeviceIdText(result.DeviceId),
            AnalysisReport.From(result.Analysis), MeanFrame(result), DateTimeOffset.UtcNow);
    }

    /// <summary>The Result carries the still window's frames summed; pages and reports show the window's mean.</summary>
    private MatGrid MeanFrame(ResultMessage result)
    {
        if (!result.HasSummedFrame)
        {
            return MatGrid.None;
        }
        int frames = Math.Max(1, result.Analysis.FrameCount);
        int[] mean = new int[result.Rows * result.Cols];
        for (int i = 0; i < mean.Length; i++)
        {
            mean[i] = (result.SummedLoadGrams[i] + frames / 2) / frames;
        }
        return MatGrid.Of(GridOf(result.Rows, result.Cols), mean);
    }

    public MatStatus? Status(byte[] payload)
    {
        StatusMessage s = _status;
        if (!s.DecodePayload(payload, 0, payload.Length))
        {
            return null;
        }
        return new MatStatus(_deviceId, s.UptimeSeconds, s.FreeMemoryBytes, s.FrameRateHzX10 / 10.0, s.DeadSenselCount,
            s.RssiDbm == StatusMessage.RssiNone ? null : s.RssiDbm, s.OutboxPending, s.OutboxFull, s.FramesDropped, DateTimeOffset.UtcNow);
    }

    /// <summary>Sized to the Hello's grid, as frames are: a map of another size does not decode.</summary>
    public MatSenselMap? SenselMap(byte[] payload)
    {
        MatGeometry grid = Grid;
        var message = new SenselMapMessage(grid.Rows * grid.Cols);
        if (!message.DecodePayload(payload, 0, payload.Length) || message.Rows != grid.Rows || message.Cols != grid.Cols)
        {
            return null;
        }
        var faulty = new List<int>();
        for (int i = 0; i < message.Rows * message.Cols; i++)
        {
            if (message.Statuses[i] != 0)
            {
                faulty.Add(i);
            }
        }
        return new MatSenselMap(_deviceId, message.Rows, message.Cols, [.. faulty], [.. faulty.Select(i => message.Statuses[i])], DateTimeOffset.UtcNow);
    }
}
