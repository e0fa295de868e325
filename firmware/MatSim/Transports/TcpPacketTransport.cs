using System.Net.Sockets;
using Kiosk.Esp32App.Link;
using Kiosk.Mat.Link;

namespace Kiosk.Mat.Simulation.Transports;

/// <summary>
/// The virtual mat's TCP link to a display: a .NET connect with a time limit, then the ESP32 app's own
/// <see cref="SocketTransport"/> over the socket, so the virtual mat sends and receives as the device does (a packet the
/// socket cannot take now is refused whole, which is how a live frame gets dropped under back-pressure; a failed or
/// closed socket closes the transport).
/// </summary>
public sealed class TcpPacketTransport : IPacketTransport, IDisposable
{
    private readonly SocketTransport _link;

    private TcpPacketTransport(Socket socket)
    {
        _link = new SocketTransport(socket);
    }

    public bool IsOpen => _link.IsOpen;

    /// <summary>Why the link closed, or null (see <see cref="SocketTransport.LastFailure"/>).</summary>
    public string? LastFailure => _link.LastFailure;

    /// <summary>Connects with a short time limit; null when the display cannot be reached now.</summary>
    public static TcpPacketTransport? TryConnect(string host, int port, int timeoutMs = 1000)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, SendTimeout = 2000 };
        try
        {
            if (!socket.ConnectAsync(host, port).Wait(timeoutMs))
            {
                socket.Dispose();
                return null;
            }
            return new TcpPacketTransport(socket);
        }
        catch (Exception e) when (e is SocketException or AggregateException)
        {
            socket.Dispose();
            return null;
        }
    }

    public bool TrySend(byte[] buffer, int offset, int count) => _link.TrySend(buffer, offset, count);

    public int Receive(byte[] buffer, int offset, int count) => _link.Receive(buffer, offset, count);

    public void Dispose() => _link.Close();
}
