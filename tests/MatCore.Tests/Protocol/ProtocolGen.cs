namespace Kiosk.Mat.Tests.Protocol;

/// <summary>Generators of packets and streams, small so that a million inputs run in seconds.</summary>
public static class ProtocolGen
{
    /// <summary>
    /// Payloads lean on runs of zeros and 0xFF, and a few have more than 254 non-zero bytes in a row, for COBS's
    /// full-run code; long ones are rare because they cost most of the test time.
    /// </summary>
    public static readonly Gen<byte[]> Payload = Gen.Frequency(
        (12, Gen.Byte.Array[0, 40]),
        (4, Gen.OneOf(Gen.Const((byte)0), Gen.Const((byte)0xFF), Gen.Byte).Array[0, 40]),
        (1, Gen.Byte[1, 255].Array[250, 300]));

    public static readonly Gen<SentPacket> Packet =
        Gen.Select(Gen.Byte, Gen.UInt, Payload, (type, sequence, payload) => new SentPacket((MessageType)type, sequence, payload));

    public static readonly Gen<SentPacket[]> Packets = Packet.Array[1, 6];

    /// <summary>A change to a stream: 0 flips a bit, 1 inserts a byte, 2 deletes a byte, 3 overwrites a byte.</summary>
    public static readonly Gen<Mutation> Mutation =
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, int.MaxValue], Gen.Byte, (kind, where, value) => new Mutation(kind, where, value));
}

public sealed record Mutation(int Kind, int Where, byte Value)
{
    public List<byte> ApplyTo(List<byte> stream)
    {
        if (stream.Count == 0)
        {
            stream.Add(Value);
            return stream;
        }
        int at = Where % stream.Count;
        switch (Kind)
        {
            case 0: stream[at] ^= (byte)(1 << (Value & 7)); break;
            case 1: stream.Insert(at, Value); break;
            case 2: stream.RemoveAt(at); break;
            default: stream[at] = Value; break;
        }
        return stream;
    }
}
