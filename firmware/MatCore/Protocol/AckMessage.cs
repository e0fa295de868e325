namespace Kiosk.Mat.Protocol
{
    /// <summary>
    /// Acknowledges one packet by its sequence number (type <see cref="MessageType.Ack"/>). The display acks a
    /// Hello (status says whether the device is paired) and every Result, naming the result id, which is what the
    /// device's outbox goes by: a resent result has a new sequence but the same id. The device acks commands.
    /// </summary>
    public sealed class AckMessage
    {
        public const int FlagResultId = 1;

        /// <summary>The sequence number of the packet acknowledged (of the sender of that packet).</summary>
        public uint AckedSequence;

        public AckStatus Status;

        /// <summary>True when this acknowledges a Result: then DeviceId and ResultCounter name it.</summary>
        public bool HasResultId;
        public long DeviceId;
        public uint ResultCounter;

        public int EncodePayload(byte[] buffer, int offset, int capacity)
        {
            PayloadWriter writer = new PayloadWriter(buffer, offset, capacity);
            writer.U32(AckedSequence);
            writer.U8((int)Status);
            writer.U8(HasResultId ? FlagResultId : 0);
            writer.I64(DeviceId);
            writer.U32(ResultCounter);
            return writer.Length;
        }

        public bool DecodePayload(byte[] buffer, int offset, int count)
        {
            PayloadReader reader = new PayloadReader(buffer, offset, count);
            AckedSequence = reader.U32();
            Status = (AckStatus)reader.U8();
            int flags = reader.U8();
            DeviceId = reader.I64();
            ResultCounter = reader.U32();
            HasResultId = (flags & FlagResultId) != 0;
            return reader.EndedCleanly && Status <= AckStatus.Max && (flags & ~FlagResultId) == 0;
        }
    }
}
