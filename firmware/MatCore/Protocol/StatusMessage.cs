namespace Kiosk.Mat.Protocol
{
    /// <summary>
    /// The device's health, sent every few seconds (type <see cref="MessageType.Status"/>), for the technician page.
    /// </summary>
    public sealed class StatusMessage
    {
        /// <summary>Flag bit: the outbox is full, so the device holds the newest scan and starts no new one.</summary>
        public const int FlagOutboxFull = 1;

        /// <summary><see cref="RssiDbm"/> when the link is not Wi-Fi (USB serial). Real RSSI is always negative.</summary>
        public const int RssiNone = 0;

        public uint UptimeSeconds;
        public uint FreeMemoryBytes;
        public int FrameRateHzX10;
        public int DeadSenselCount;

        /// <summary>Wi-Fi signal strength, dBm (-128 to 0).</summary>
        public int RssiDbm;

        public int OutboxPending;
        public int Flags;

        /// <summary>Live frames not sent because the link was busy, since boot.</summary>
        public uint FramesDropped;

        public bool OutboxFull { get { return (Flags & FlagOutboxFull) != 0; } }

        public int EncodePayload(byte[] buffer, int offset, int capacity)
        {
            PayloadWriter writer = new PayloadWriter(buffer, offset, capacity);
            writer.U32(UptimeSeconds);
            writer.U32(FreeMemoryBytes);
            writer.U16(FrameRateHzX10);
            writer.U16(DeadSenselCount);
            writer.U8(RssiDbm);
            writer.U8(OutboxPending);
            writer.U8(Flags);
            writer.U32(FramesDropped);
            return writer.Length;
        }

        public bool DecodePayload(byte[] buffer, int offset, int count)
        {
            PayloadReader reader = new PayloadReader(buffer, offset, count);
            UptimeSeconds = reader.U32();
            FreeMemoryBytes = reader.U32();
            FrameRateHzX10 = reader.U16();
            DeadSenselCount = reader.U16();
            int rssi = reader.U8();
            RssiDbm = rssi > 127 ? rssi - 256 : rssi;
            OutboxPending = reader.U8();
            Flags = reader.U8();
            FramesDropped = reader.U32();
            return reader.EndedCleanly && RssiDbm <= 0 && (Flags & ~FlagOutboxFull) == 0;
        }
    }
}
