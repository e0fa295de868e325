using Kiosk.Mat.Link;
using Kiosk.Mat.Protocol;

namespace Kiosk.Mat.Simulation.Transports;

/// <summary>
/// An in-memory display at the other end of an <see cref="IPacketTransport"/>: it writes every byte the mat sends
/// to a stream (a capture <c>matctl decode</c> reads) and answers like a paired display that stores at once, acking
/// the Hello and every Result by its id. So <c>matctl simulate --out</c> records what a display would receive.
/// </summary>
public sealed class CapturingDisplay : IPacketTransport, IPacketSink
{
    private readonly Stream _capture;
    private readonly PacketDecoder _decoder;
    private readonly DisplayAcks _acks = new();
    private readonly MemoryStream _toMat = new();
    private readonly HashSet<string> _resultIds = [];
    private long _readPosition;

    public CapturingDisplay(Stream capture)
    {
        _capture = capture;
        _decoder = new PacketDecoder(this, PacketFormat.MaxPacketBytes);
    }

    public bool IsOpen { get; private set; } = true;

    /// <summary>Result ids (device id hex - counter) in the order first received; a resent result is acked, not added.</summary>
    public List<string> ResultIds { get; } = [];

    public int PacketsReceived { get; private set; }

    public void Close() => IsOpen = false;

    public bool TrySend(byte[] buffer, int offset, int count)
    {
        if (!IsOpen)
        {
            return false;
        }
        _capture.Write(buffer, offset, count);
        _decoder.Feed(buffer, offset, count);
        return true;
    }

    public int Receive(byte[] buffer, int offset, int count)
    {
        _toMat.Position = _readPosition;
        int read = _toMat.Read(buffer, offset, count);
        _readPosition += read;
        if (_readPosition == _toMat.Length)
        {
            _toMat.SetLength(0);
            _readPosition = 0;
        }
        return read;
    }

    public void OnPacket(DecodedPacket packet)
    {
        PacketsReceived++;
        if (packet.Type == MessageType.Hello)
        {
            Send(_acks.Encode(packet.Sequence));
        }
        else if (DisplayAcks.TryReadResultId(packet, out long deviceId, out uint counter))
        {
            string id = DisplayAcks.ResultId(deviceId, counter);
            if (_resultIds.Add(id))
            {
                ResultIds.Add(id);
            }
            Send(_acks.Encode(packet.Sequence, deviceId, counter));
        }
    }

    public void OnRejected(long streamOffset, long byteCount)
    {
    }

    private void Send(int wireBytes)
    {
        _toMat.Position = _toMat.Length;
        _toMat.Write(_acks.Wire, 0, wireBytes);
    }
}
