using System.Collections.Concurrent;

namespace Kiosk.Display.MatLink;

/// <summary>
/// The live connection of each paired mat, by device id, so commands can reach it. A mat that reconnects (Wi-Fi
/// dropped, the old TCP connection not yet noticed as dead) replaces its old connection, which is closed: the
/// newest connection is the one the device is listening on.
/// </summary>
public sealed class ConnectedMats
{
    private readonly ConcurrentDictionary<long, MatConnection> _byDevice = new();

    public IReadOnlyCollection<long> DeviceIds => _byDevice.Keys.ToArray();

    internal void Register(long deviceId, MatConnection connection)
    {
        MatConnection? replaced = null;
        _byDevice.AddOrUpdate(deviceId, connection, (_, old) =>
        {
            replaced = old;
            return connection;
        });
        if (replaced != null && !ReferenceEquals(replaced, connection))
        {
            replaced.Close();
        }
    }

    /// <summary>Removes the entry only if it is still this connection, so a closing old connection cannot unregister its successor.</summary>
    internal bool Unregister(long deviceId, MatConnection connection) =>
        _byDevice.TryRemove(new KeyValuePair<long, MatConnection>(deviceId, connection));

    internal bool TryGet(long deviceId, out MatConnection connection) =>
        _byDevice.TryGetValue(deviceId, out connection!);
}
