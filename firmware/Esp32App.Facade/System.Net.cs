// Mirrors nanoFramework.System.Net 1.11.60 (assembly System.Net): only the members the app uses.
// Read from nanoframework/System.Net: nanoFramework.System.Net/{IPAddress,IPEndPoint,EndPoint,SocketAddress,DNS,
// IPHostEntry}.cs, Sockets/{Socket,AddressFamily,SocketType,ProtocolType,SocketFlags,SelectMode}.cs,
// NetworkHelper/NetworkHelperStatus.cs.
using System;
using System.Net.Sockets;

namespace nanoFramework.Networking
{
    public enum NetworkHelperStatus
    {
        None,
        Started,
        NetworkIsReady,
        FailedNoNetworkInterface,
        TokenExpiredWaitingIPAddress,
        TokenExpiredWaitingDateTime,
        ErrorConnetingToWiFiWhileScanning,
        ExceptionOccurred,
        Reconnecting,
    }
}

namespace System.Net
{
    public class SocketAddress
    {
        private SocketAddress()
        {
        }
    }

    public abstract class EndPoint
    {
        public abstract SocketAddress Serialize();

        public abstract EndPoint Create(SocketAddress socketAddress);
    }

    public class IPAddress
    {
        private IPAddress()
        {
        }

        public static IPAddress Parse(string ipString)
        {
            throw new NotImplementedException();
        }
    }

    public class IPEndPoint : EndPoint
    {
        public IPEndPoint(IPAddress address, int port)
        {
            throw new NotImplementedException();
        }

        public override SocketAddress Serialize()
        {
            throw new NotImplementedException();
        }

        public override EndPoint Create(SocketAddress socketAddress)
        {
            throw new NotImplementedException();
        }
    }

    public class IPHostEntry
    {
        private IPHostEntry()
        {
        }

        public IPAddress[] AddressList { get { throw new NotImplementedException(); } }
    }

    public static class Dns
    {
        public static IPHostEntry GetHostEntry(string hostNameOrAddress)
        {
            throw new NotImplementedException();
        }
    }
}

namespace System.Net.Sockets
{
    public enum AddressFamily
    {
        InterNetwork = 2,
    }

    public enum SocketType
    {
        Stream = 1,
    }

    public enum ProtocolType
    {
        Tcp = 6,
    }

    [Flags]
    public enum SocketFlags
    {
        None = 0x0000,
    }

    public enum SelectMode
    {
        SelectRead = 0,
        SelectWrite = 1,
        SelectError = 2,
    }

    public class Socket : IDisposable
    {
        public Socket(AddressFamily addressFamily, SocketType socketType, ProtocolType protocolType)
        {
            throw new NotImplementedException();
        }

        public int Available { get { throw new NotImplementedException(); } }

        public int SendTimeout
        {
            get { throw new NotImplementedException(); }
            set { throw new NotImplementedException(); }
        }

        public void Connect(EndPoint remoteEP)
        {
            throw new NotImplementedException();
        }

        public int Send(byte[] buffer, int offset, int size, SocketFlags socketFlags)
        {
            throw new NotImplementedException();
        }

        public int Receive(byte[] buffer, int offset, int size, SocketFlags socketFlags)
        {
            throw new NotImplementedException();
        }

        public bool Poll(int microSeconds, SelectMode mode)
        {
            throw new NotImplementedException();
        }

        public void Close()
        {
            throw new NotImplementedException();
        }

        void IDisposable.Dispose()
        {
            throw new NotImplementedException();
        }
    }
}
