using System.Collections.Concurrent;
using Kiosk.Mat.Pairing;

namespace Kiosk.Display.MatLink;

/// <summary>Pairings held in memory only: for tests, the demo and the virtual mat. Forgotten on restart.</summary>
public sealed class InMemoryPairingRegistry : IPairingRegistry
{
    private readonly ConcurrentDictionary<long, byte[]> _keys = new();

    public ValueTask<byte[]?> PairingKeyOfAsync(long deviceId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_keys.TryGetValue(deviceId, out byte[]? key) ? (byte[]?)key.ToArray() : null);

    public Task PairAsync(long deviceId, byte[] pairingKey, CancellationToken cancellationToken)
    {
        if (pairingKey.Length != PairingKey.KeyBytes)
        {
            throw new ArgumentException($"a pairing key has {PairingKey.KeyBytes} bytes", nameof(pairingKey));
        }
        _keys[deviceId] = pairingKey.ToArray();
        return Task.CompletedTask;
    }

    public Task UnpairAsync(long deviceId, CancellationToken cancellationToken)
    {
        _keys.TryRemove(deviceId, out _);
        return Task.CompletedTask;
    }
}
