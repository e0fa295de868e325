using Kiosk.Mat.Link;

namespace Kiosk.Mat.Simulation.Transports;

/// <summary>
/// The virtual mat's link to a display, opened again each time the mat dials (it dials only when it has lost the
/// link): the link before is closed first, and <see cref="Dispose"/> closes the last one. Give <see cref="Dial"/> to
/// <see cref="VirtualMat.Dial"/>.
/// </summary>
public sealed class ReopeningLink<TLink>(Func<TLink?> open) : IDisposable
    where TLink : class, IPacketTransport, IDisposable
{
    private TLink? _current;

    public IPacketTransport? Dial()
    {
        _current?.Dispose();
        _current = open();
        return _current;
    }

    public void Dispose() => _current?.Dispose();
}

/// <summary>The usual <see cref="ReopeningLink{TLink}"/>: TCP to a display's mat listener.</summary>
public static class ReopeningLink
{
    public static ReopeningLink<TcpPacketTransport> Tcp(string host, int port) => new(() => TcpPacketTransport.TryConnect(host, port));
}
