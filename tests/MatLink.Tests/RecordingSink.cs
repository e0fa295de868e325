using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Kiosk.Display.MatLink.Tests;

/// <summary>
/// The web app's side, as a test sees it: records every event, and stores results the way the contract asks
/// (insert if absent, then true). Tests replace <see cref="StoreResult"/> or <see cref="TakeFrame"/> to make the
/// store fail or block, or the heatmap slow.
/// </summary>
public sealed class RecordingSink : IMatEventSink
{
    /// <summary>The durable store, keyed by result id: what "stored" means.</summary>
    public ConcurrentDictionary<string, ScanResult> Stored { get; } = new();

    /// <summary>Every result the listener offered, duplicates included, in order.</summary>
    public ConcurrentQueue<ScanResult> Offered { get; } = new();

    public ConcurrentQueue<LiveFrame> Frames { get; } = new();

    public Channel<MatHello> Hellos { get; } = Channel.CreateUnbounded<MatHello>();
    public Channel<long> WaitingForPairing { get; } = Channel.CreateUnbounded<long>();
    public Channel<long> KeyRefused { get; } = Channel.CreateUnbounded<long>();
    public Channel<MatStatus> Statuses { get; } = Channel.CreateUnbounded<MatStatus>();
    public Channel<MatSenselMap> SenselMaps { get; } = Channel.CreateUnbounded<MatSenselMap>();
    public Channel<CommandAck> CommandAcks { get; } = Channel.CreateUnbounded<CommandAck>();
    public Channel<long> Disconnects { get; } = Channel.CreateUnbounded<long>();

    /// <summary>Replaceable storage step; the default inserts if absent and reports stored.</summary>
    public Func<ScanResult, Task<bool>> StoreResult { get; set; }

    /// <summary>Replaceable heatmap step, to make it slow; the default takes the frame at once.</summary>
    public Func<LiveFrame, Task> TakeFrame { get; set; } = _ => Task.CompletedTask;

    public RecordingSink()
    {
        StoreResult = InsertIfAbsent;
    }

    public Task<bool> InsertIfAbsent(ScanResult result)
    {
        Stored.TryAdd(result.ResultId, result);
        return Task.FromResult(true);
    }

    public int OfferedCount(string resultId) => Offered.Count(r => r.ResultId == resultId);

    public Task OnHelloAsync(MatHello hello, CancellationToken cancellationToken) => Write(Hellos, hello);

    /// <summary>Replaceable step before a waiting mat is listed, to make the display's store slow.</summary>
    public Func<Task> ListWaiting { get; set; } = () => Task.CompletedTask;

    public async Task OnDeviceWaitingForPairingAsync(long deviceId, string remoteEndpoint, CancellationToken cancellationToken)
    {
        await ListWaiting();
        await Write(WaitingForPairing, deviceId);
    }

    public Task OnDeviceKeyRefusedAsync(long deviceId, string remoteEndpoint, CancellationToken cancellationToken) =>
        Write(KeyRefused, deviceId);

    public Task OnSenselMapAsync(MatSenselMap map, CancellationToken cancellationToken) => Write(SenselMaps, map);

    public async Task OnFrameAsync(LiveFrame frame, CancellationToken cancellationToken)
    {
        await TakeFrame(frame);
        Frames.Enqueue(frame);
    }

    public Task<bool> OnResultAsync(ScanResult result, CancellationToken cancellationToken)
    {
        Offered.Enqueue(result);
        return StoreResult(result);
    }

    public Task OnStatusAsync(MatStatus status, CancellationToken cancellationToken) => Write(Statuses, status);

    public Task OnCommandAckAsync(CommandAck ack, CancellationToken cancellationToken) => Write(CommandAcks, ack);

    public Task OnDisconnectedAsync(long deviceId, string remoteEndpoint, CancellationToken cancellationToken) =>
        Write(Disconnects, deviceId);

    private static Task Write<T>(Channel<T> channel, T item)
    {
        channel.Writer.TryWrite(item);
        return Task.CompletedTask;
    }
}

public static class ChannelExtensions
{
    /// <summary>The next item, failing the test if none comes within the guard time.</summary>
    public static Task<T> NextAsync<T>(this Channel<T> channel) => Guard.Within(channel.Reader.ReadAsync().AsTask());
}
