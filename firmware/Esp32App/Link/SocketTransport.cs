// The virtual mat compiles this file on .NET with nullable annotations on; the device's code has none.
#if NET
#nullable disable
#endif
using System.Net.Sockets;
using Kiosk.Mat.Link;

namespace Kiosk.Esp32App.Link
{
    /// <summary>
    /// A connected TCP socket to the display, as the core's <see cref="IPacketTransport"/>. A packet the socket cannot
    /// take now is refused whole (a live frame is then dropped, a result retried); a failed send or receive, or a
    /// closed peer, closes it and says why (<see cref="LastFailure"/>), and the device dials again.
    /// Written against the Socket members nanoFramework and .NET share (synchronous Poll, Send, Receive, Available,
    /// Close), so the virtual mat (firmware/MatSim, TcpPacketTransport) runs this same code over .NET's sockets.
    /// </summary>
    public sealed class SocketTransport : IPacketTransport
    {
        private Socket _socket;

        public SocketTransport(Socket socket)
        {
            _socket = socket;
        }

        public bool IsOpen { get { return _socket != null; } }

        /// <summary>Why the link closed ("send failed: ..."), or null while it is open or after a plain close.</summary>
        public string LastFailure;

        public bool TrySend(byte[] buffer, int offset, int count)
        {
            if (_socket == null)
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
            catch (System.Exception e)
            {
                Fail("send failed: " + e.Message);
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
                    Fail("the display closed the connection");
                    return 0;
                }
                return _socket.Receive(buffer, offset, available < count ? available : count, SocketFlags.None);
            }
            catch (System.Exception e)
            {
                Fail("receive failed: " + e.Message);
                return 0;
            }
        }

        public void Close()
        {
            Socket socket = _socket;
            _socket = null;
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
        }

        private void Fail(string why)
        {
            LastFailure = why;
            Close();
        }
    }
}
