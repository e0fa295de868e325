using System.Net;
using System.Net.Sockets;
using Kiosk.Mat.Link;

namespace Kiosk.Esp32App.Link
{
    /// <summary>
    /// One attempt to reach the display over TCP, for the core's <see cref="ThreadedDialer"/>, which runs it on its own
    /// thread: nanoFramework's Socket.Connect blocks without a timeout (it polls with -1), so a powered-off display
    /// would stall whatever thread calls it until the dialer gives up and <see cref="Abort"/> closes the socket.
    /// No attempt is made while Wi-Fi is not joined.
    /// </summary>
    public sealed class TcpDisplayConnector : IDisplayConnector
    {
        private const int SendTimeoutMs = 2000;

        private readonly string _host;
        private readonly int _port;
        private readonly WifiRadio _wifi;
        private readonly object _lock = new object();
        private Socket _connecting;
        private bool _reportedFailure;

        public TcpDisplayConnector(string host, int port, WifiRadio wifi)
        {
            _host = host;
            _port = port;
            _wifi = wifi;
        }

        public IPacketTransport Connect()
        {
            if (!_wifi.IsJoined)
            {
                return null;
            }
            Socket socket = null;
            try
            {
                IPAddress address = Resolve(_host);
                if (address == null)
                {
                    Report("cannot resolve " + _host);
                    return null;
                }
                socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.SendTimeout = SendTimeoutMs;
                lock (_lock)
                {
                    _connecting = socket;
                }
                socket.Connect(new IPEndPoint(address, _port));
                lock (_lock)
                {
                    if (_connecting == null)
                    {
                        // Aborted while connecting: the socket is closed already.
                        return null;
                    }
                    _connecting = null;
                }
                _reportedFailure = false;
                System.Console.WriteLine("link: connected to " + _host + ":" + _port.ToString());
                return new SocketTransport(socket);
            }
            catch (System.Exception e)
            {
                Report("cannot reach " + _host + ":" + _port.ToString() + ": " + e.Message);
                lock (_lock)
                {
                    _connecting = null;
                }
                if (socket != null)
                {
                    try
                    {
                        socket.Close();
                    }
                    catch (System.Exception)
                    {
                    }
                }
                return null;
            }
        }

        public void Abort()
        {
            Socket socket;
            lock (_lock)
            {
                socket = _connecting;
                _connecting = null;
            }
            if (socket != null)
            {
                Report("no answer from " + _host + ":" + _port.ToString() + " (display off?); trying again later");
                try
                {
                    socket.Close();
                }
                catch (System.Exception)
                {
                }
            }
        }

        public void Close(IPacketTransport transport)
        {
            SocketTransport socket = transport as SocketTransport;
            if (socket != null)
            {
                if (socket.LastFailure != null)
                {
                    System.Console.WriteLine("link: lost: " + socket.LastFailure);
                }
                socket.Close();
            }
        }

        /// <summary>A failure is printed once until the next success: the dialer retries for as long as the display is away.</summary>
        private void Report(string problem)
        {
            if (!_reportedFailure)
            {
                _reportedFailure = true;
                System.Console.WriteLine("link: " + problem);
            }
        }

        private static IPAddress Resolve(string host)
        {
            try
            {
                return IPAddress.Parse(host);
            }
            catch (System.Exception)
            {
                IPHostEntry entry = Dns.GetHostEntry(host);
                return entry.AddressList.Length > 0 ? entry.AddressList[0] : null;
            }
        }
    }
}
