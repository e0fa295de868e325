using System.Net;
using System.Net.Sockets;

namespace Kiosk.Mat.Simulation.Tests.Link;

/// <summary>
/// A small display on 127.0.0.1 for the delivery tests: it accepts the mat, acks its Hello, stores each Result id
/// once in a store that outlives the display (as its database would) and acks every Result it has stored, duplicates
/// included (docs/protocol.md, "Delivery that loses nothing"). <see cref="Kill"/> closes the listener and every
/// connection at once, as a crashed display would.
/// </summary>
public sealed class LoopbackDisplay : IDisposable
{
    private readonly TcpListener _listener;
    private readonly DisplayStore _store;
    private readonly List<Socket> _connections = [];
    private readonly Thread _acceptor;

    public LoopbackDisplay(DisplayStore store, int port = 0)
    {
        _store = store;
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptor = new Thread(Accept) { IsBackground = true, Name = "loopback display" };
        _acceptor.Start();
    }

    public int Port { get; }

    /// <summary>Store the next Result, then drop the connection before acking it: the mat must resend it.</summary>
    public volatile bool LoseNextAck;

    /// <summary>How every Hello is answered: not ok is a display that refuses the mat, as the real one does.</summary>
    public volatile AckStatus HelloAnswer = AckStatus.Ok;

    /// <summary>Hellos answered so far.</summary>
    public volatile int Hellos;

    public void Kill()
    {
        _listener.Stop();
        lock (_connections)
        {
            foreach (Socket socket in _connections)
            {
                socket.Dispose();
            }
            _connections.Clear();
        }
    }

    public void Dispose() => Kill();

    private void Accept()
    {
        try
        {
            while (true)
            {
                Socket socket = _listener.AcceptSocket();
                lock (_connections)
                {
                    _connections.Add(socket);
                }
                _store.Connections++;
                new Thread(() => Serve(socket)) { IsBackground = true, Name = "loopback display connection" }.Start();
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Killed.
        }
    }

    private void Serve(Socket socket)
    {
        var connection = new Connection(this, socket);
        var decoder = new PacketDecoder(connection, PacketFormat.MaxPacketBytes);
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = socket.Receive(buffer)) > 0 && !connection.Dropped)
            {
                decoder.Feed(buffer, 0, read);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Killed or dropped.
        }
        socket.Dispose();
    }

    private sealed class Connection(LoopbackDisplay display, Socket socket) : IPacketSink
    {
        private readonly DisplayAcks _acks = new();

        public bool Dropped;
        public bool Refused;

        public void OnPacket(DecodedPacket packet)
        {
            if (packet.Type == MessageType.Hello)
            {
                display.Hellos++;
                Send(_acks.Encode(packet.Sequence, status: display.HelloAnswer));
                Refused = display.HelloAnswer != AckStatus.Ok;
            }
            else if (Refused)
            {
                // A refused mat's data is not taken.
            }
            else if (DisplayAcks.TryReadResultId(packet, out long deviceId, out uint counter))
            {
                display._store.Receive(DisplayAcks.ResultId(deviceId, counter));
                if (display.LoseNextAck)
                {
                    display.LoseNextAck = false;
                    Dropped = true;
                    socket.Dispose();
                    return;
                }
                Send(_acks.Encode(packet.Sequence, deviceId, counter));
            }
        }

        public void OnRejected(long streamOffset, long byteCount)
        {
        }

        private void Send(int wireBytes) => socket.Send(_acks.Wire, 0, wireBytes, SocketFlags.None);
    }
}

/// <summary>The display's durable store: each result id once, however often it arrives.</summary>
public sealed class DisplayStore
{
    private readonly object _gate = new();
    private readonly List<string> _stored = [];
    private int _received;

    public volatile int Connections;

    public void Receive(string resultId)
    {
        lock (_gate)
        {
            _received++;
            if (!_stored.Contains(resultId))
            {
                _stored.Add(resultId);
            }
        }
    }

    public string[] Stored
    {
        get
        {
            lock (_gate)
            {
                return [.. _stored];
            }
        }
    }

    public int ResultPacketsReceived
    {
        get
        {
            lock (_gate)
            {
                return _received;
            }
        }
    }
}
