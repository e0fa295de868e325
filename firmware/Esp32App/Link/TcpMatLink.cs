using System.Net;
using System.Net.Sockets;

namespace Kiosk.Esp32App.Link
{
    /// <summary>
    /// The link to the display over TCP (System.Net.Sockets.Socket, synchronous as nanoFramework has it).
    /// A failed send or a closed peer closes the socket; the app calls <see cref="Connect"/> again later.
    /// </summary>
    public sealed class TcpMatLink : IMatLink
    {
        private const int SendTimeoutMs = 2000;

        private readonly string _host;
        private readonly int _port;
        private Socket _socket;

        public TcpMatLink(string host, int port)
        {
            _host = host;
            _port = port;
        }

        public bool IsOpen { get { return _socket != null; } }

        public bool Connect()
        {
            Close();
            Socket socket = null;
            try
            {
                IPAddress address = Resolve(_host);
                if (address == null)
                {
                    return false;
                }
                socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.SendTimeout = SendTimeoutMs;
                socket.Connect(new IPEndPoint(address, _port));
                _socket = socket;
                return true;
            }
            catch (System.Exception e)
            {
                System.Console.WriteLine("link: cannot reach " + _host + ":" + _port.ToString() + ": " + e.Message);
                if (socket != null)
                {
                    socket.Close();
                }
                return false;
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

        public bool TrySend(byte[] buffer, int offset, int count)
        {
            if (_socket == null)
            {
                return false;
            }
            try
            {
                // Not writable now: refuse the whole packet (a live frame is then dropped, a result retried).
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
            catch (System.Exception e)
            {
                System.Console.WriteLine("link: send failed: " + e.Message);
                Close();
                return false;
            }
        }

        public int Receive(byte[] buffer, int offset, int count)
        {
            if (_socket == null)
            {
                return 0;
            }
            try
            {
                if (!_socket.Poll(0, SelectMode.SelectRead))
                {
                    return 0;
                }
                int available = _socket.Available;
                if (available == 0)
                {
                    // Readable with nothing to read: the display closed the connection.
                    Close();
                    return 0;
                }
                return _socket.Receive(buffer, offset, available < count ? available : count, SocketFlags.None);
            }
            catch (System.Exception e)
            {
                System.Console.WriteLine("link: receive failed: " + e.Message);
                Close();
                return 0;
            }
        }

        public void Close()
        {
            if (_socket != null)
            {
                try
                {
                    _socket.Close();
                }
                catch (System.Exception)
                {
                }
                _socket = null;
            }
        }
    }
}
