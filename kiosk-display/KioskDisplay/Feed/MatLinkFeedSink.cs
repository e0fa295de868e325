using Kiosk.Mat.Host.Protocol;

namespace Kiosk.Display.Feed;

/// <summary>
/// What the mats send over the link (<see cref="MatListener"/>), handed to the display's feed: live frames to the
/// pages, results to the store (the mat gets its Ack only once the result is stored), status to the technician.
/// </summary>
public sealed class MatLinkFeedSink(
    IScanFeed feed, IDeviceStore devices, ICommandStore commands, ILogStore log, LogBudget strangers, StoreHealth health, FrameDepartures departures, ILogger<MatLinkFeedSink> logger)
    : IMatEventSink
{
    private readonly Dictionary<long, MatHello> _hellos = new();
    private readonly Lock _gate = new();

    /// <summary>
    /// What the sink writes besides results (log lines, waiting mats, sensel maps): a failure is the store's health,
    /// reported once a minute and on the technician page, rather than a stack trace for every message of every mat.
    /// </summary>
    private async Task WriteAsync(string what, Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            health.WriteFailed(what, e);
        }
    }

    public Task OnHelloAsync(MatHello hello, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _hellos[hello.DeviceId] = hello;
        }
        return WriteAsync($"hello of mat {hello.DeviceIdText}", () => WriteHelloAsync(hello, cancellationToken));
    }

    private async Task WriteHelloAsync(MatHello hello, CancellationToken cancellationToken)
    {
        await log.AddLogAsync("info", hello.DeviceIdText, $"mat connected from {hello.RemoteEndpoint}, firmware {hello.FirmwareVersion}, {hello.Grid.Rows}x{hello.Grid.Cols} at {hello.Grid.PitchUm / 1000.0} mm", cancellationToken);
        await feed.PublishStatusAsync(new DeviceStatus(hello.DeviceIdText, hello.FirmwareVersion, 0, 0, 0, 0, null, DateTimeOffset.UtcNow), cancellationToken);
    }

    public Task OnDeviceWaitingForPairingAsync(long deviceId, string remoteEndpoint, CancellationToken cancellationToken) =>
        WriteAsync("a mat waiting for pairing", () => NoteWaitingAsync(deviceId, remoteEndpoint, cancellationToken));

    private async Task NoteWaitingAsync(long deviceId, string remoteEndpoint, CancellationToken cancellationToken)
    {
        // Anyone on the network can say Hello with any id: the list and the log entries are capped (LogBudget).
        string id = PacketJson.DeviceIdText(deviceId);
        if (await devices.NoteWaitingAsync(id, DateTimeOffset.UtcNow, cancellationToken))
        {
            await strangers.AddAsync("waiting-for-pairing", "warning", id, $"unpaired mat at {remoteEndpoint} is waiting for pairing", cancellationToken);
        }
        else
        {
            await strangers.AddAsync("waiting-list-full", "warning", id,
                $"unpaired mat at {remoteEndpoint} not listed: {DeviceStore.MaxWaitingMats} mats are waiting already (pair or wait a day for the list to clear)", cancellationToken);
        }
    }

    public Task OnDeviceKeyRefusedAsync(long deviceId, string remoteEndpoint, CancellationToken cancellationToken) =>
        WriteAsync("a refused key", () => strangers.AddAsync("key-refused", "warning", PacketJson.DeviceIdText(deviceId),
            $"mat at {remoteEndpoint} proved another pairing key than it was paired with: refused (pair it again with the key in its device.txt)", cancellationToken));

    public Task OnFrameAsync(LiveFrame frame, CancellationToken cancellationToken)
    {
        // The virtual mat's frames count from when they left it; a real mat's from when the listener took them.
        feed.PublishFrame(departures.LeftAt(frame.DeviceId, frame.DeviceClockMs) is { } leftMat ? frame with { CapturedAt = leftMat } : frame);
        return Task.CompletedTask;
    }

    public async Task<bool> OnResultAsync(ScanResult result, CancellationToken cancellationToken)
    {
        var ack = await feed.PublishResultAsync(result, cancellationToken);
        if (!ack.Acknowledged)
        {
            // Why is logged where it is known (a malformed result, the store's health), once, not at every resend.
            logger.LogDebug("Result {ResultId} not stored: {Error}", result.ResultId, ack.Error);
        }
        return ack.Acknowledged;
    }

    public async Task OnStatusAsync(MatStatus status, CancellationToken cancellationToken)
    {
        string firmware;
        lock (_gate)
        {
            firmware = _hellos.TryGetValue(status.DeviceId, out MatHello? hello) ? hello.FirmwareVersion : "unknown";
        }
        await feed.PublishStatusAsync(new DeviceStatus(PacketJson.DeviceIdText(status.DeviceId), firmware, status.UptimeSeconds,
            status.FrameRateHz, status.RssiDbm ?? 0, status.DeadSensels, null, status.ReceivedAt), cancellationToken);
    }

    public Task OnSenselMapAsync(MatSenselMap map, CancellationToken cancellationToken) =>
        WriteAsync($"sensel map of mat {PacketJson.DeviceIdText(map.DeviceId)}", () => WriteSenselMapAsync(map, cancellationToken));

    private async Task WriteSenselMapAsync(MatSenselMap map, CancellationToken cancellationToken)
    {
        string id = PacketJson.DeviceIdText(map.DeviceId);
        await devices.SetDeadSenselMapAsync(id, new DeadSenselMap(map.Rows, map.Cols, map.FaultyIndices, map.Statuses), cancellationToken);
        if (map.FaultyIndices.Length > 0)
        {
            await log.AddLogAsync("warning", id, $"self-test: {map.FaultyIndices.Length} faulty sensels masked", cancellationToken);
        }
    }

    /// <summary>The mat's answer goes to the log, and to the command it answers in the technician's list.</summary>
    public Task OnCommandAckAsync(CommandAck ack, CancellationToken cancellationToken) =>
        WriteAsync("a command's answer", async () =>
        {
            string id = PacketJson.DeviceIdText(ack.DeviceId), command = CommandOutcome.CommandOf(ack.Command);
            await log.AddLogAsync(ack.Ok ? "info" : "warning", id, $"mat answered {ack.Command}: {ack.Status}", cancellationToken);
            await commands.AnswerOldestAsync(id, command, CommandOutcome.Awaiting, CommandOutcome.Answer(command, ack.Status), cancellationToken);
        });

    /// <summary>Commands still waiting for this mat's answer will get none: its link is gone.</summary>
    public Task OnDisconnectedAsync(long deviceId, string remoteEndpoint, CancellationToken cancellationToken) =>
        WriteAsync("a disconnect", async () =>
        {
            string id = PacketJson.DeviceIdText(deviceId);
            await log.AddLogAsync("info", id, $"mat at {remoteEndpoint} disconnected", cancellationToken);
            await commands.EndAwaitingAsync(id, CommandOutcome.Awaiting, CommandOutcome.Disconnected, cancellationToken);
        });
}
