using System.IO.Ports;
using Kiosk.Mat.Link;

namespace Kiosk.Mat.Cli.Links;

/// <summary>
/// The virtual mat's USB-serial link to a display: 921 600 baud 8N1 as docs/protocol.md says. A packet is refused
/// while the driver still holds more than a few packets' worth of unsent bytes, so live frames are dropped rather
/// than queued behind a slow line (a 48 x 48 frame of ~1.5 KiB takes ~16 ms at this rate).
/// </summary>
public sealed class SerialPacketTransport : IPacketTransport, IDisposable
{
    public const int BaudRate = 921600;
    private const int MaxUnsentBytes = 8 * 1024;

    private readonly SerialPort _port;

    private SerialPacketTransport(SerialPort port) => _port = port;

    public bool IsOpen => _port.IsOpen;

    /// <summary>Opens the port; null (and the reason on <paramref name="error"/>) when it cannot be opened now.</summary>
    public static SerialPacketTransport? TryOpen(string portName, TextWriter error)
    {
        var port = new SerialPort(portName, BaudRate, Parity.None, 8, StopBits.One) { WriteTimeout = 2000, ReadTimeout = 1 };
        try
        {
            port.Open();
            return new SerialPacketTransport(port);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            error.WriteLine($"matctl simulate: serial {portName}: {e.Message}");
            port.Dispose();
            return null;
        }
    }

    public bool TrySend(byte[] buffer, int offset, int count)
    {
        try
        {
            if (!_port.IsOpen || _port.BytesToWrite > MaxUnsentBytes)
            {
                return false;
            }
            _port.Write(buffer, offset, count);
            return true;
        }
        catch (Exception e) when (e is IOException or TimeoutException or InvalidOperationException)
        {
            Dispose();
            return false;
        }
    }

    public int Receive(byte[] buffer, int offset, int count)
    {
        try
        {
            int available = _port.IsOpen ? _port.BytesToRead : 0;
            return available == 0 ? 0 : _port.Read(buffer, offset, Math.Min(available, count));
        }
        catch (Exception e) when (e is IOException or TimeoutException or InvalidOperationException)
        {
            Dispose();
            return 0;
        }
    }

    public void Dispose() => _port.Dispose();
}
