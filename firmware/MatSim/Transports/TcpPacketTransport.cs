using System.Net.Sockets;
using Kiosk.Mat.Link;

namespace Kiosk.Mat.Simulation.Transports;

/// <summary>
/// The virtual mat's TCP link to a display. A packet is refused (not half sent) when the socket cannot take it now,
/// which is how a live frame gets dropped under back-pressure; a failed or closed socket closes the transport.
/// </summary>
public sealed class TcpPacketTransport : IPacketTransport, IDisposable
{
    private readonly Socket _socket;

    private TcpPacketTransport(Socket socket)
    {
        _socket = socket;
        IsOpen = true;
    }

    public bool IsOpen { get; private set; }

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

    public bool TrySend(byte[] buffer, int offset, int count)
    {
        if (!IsOpen)
        {
            return false;
        }
        try
        {
            if (!_socket.Poll(0, SelectMode.SelectWrite))
            {
                return false;
            }
            int sent = 0;
            while (sent < count)
            {
                sent += _socket.Send(buffer, offset + sent, count - sent, SocketFlags.None);
            }
            return true;
        }
        catch (SocketException)
        {
            Dispose();
            return false;
        }
    }

    public int Receive(byte[] buffer, int offset, int count)
    {
        if (!IsOpen)
        {
            return 0;
        }
        try
        {
            if (!_socket.Poll(0, SelectMode.SelectRead))
            {
                return 0;
            }
            int read = _socket.Receive(buffer, offset, count, SocketFlags.None);
            if (read == 0)
            {
                // Readable with nothing to read: the display closed the connection.
                Dispose();
            }
            return read;
        }
        catch (SocketException)
        {
            Dispose();
            return 0;
        }
    }

    public void Dispose()
    {
        IsOpen = false;
        _socket.Dispose();
    }
}
