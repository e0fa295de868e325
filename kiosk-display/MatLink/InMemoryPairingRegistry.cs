using System.Collections.Concurrent;

namespace Kiosk.Display.MatLink;

/// <summary>Pairings held in memory only: for tests, the demo and the virtual mat. Forgotten on restart.</summary>
public sealed class InMemoryPairingRegistry : IPairingRegistry
{
    private readonly ConcurrentDictionary<long, bool> _paired = new();

    public InMemoryPairingRegistry(params long[] pairedDeviceIds)
    {
        foreach (long deviceId in pairedDeviceIds)
        {
            _paired[deviceId] = true;
        }
    }

    public ValueTask<bool> IsPairedAsync(long deviceId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_paired.ContainsKey(deviceId));

    public Task PairAsync(long deviceId, CancellationToken cancellationToken)
    {
        _paired[deviceId] = true;
        return Task.CompletedTask;
    }

    public Task UnpairAsync(long deviceId, CancellationToken cancellationToken)
    {
        _paired.TryRemove(deviceId, out _);
        return Task.CompletedTask;
    }
}
