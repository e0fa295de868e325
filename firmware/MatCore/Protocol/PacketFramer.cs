namespace Kiosk.Mat.Protocol
{
    /// <summary>
    /// Turns a payload into wire bytes: a 0x00, then header, payload and CRC-32 COBS-encoded in one pass straight
    /// into the caller's buffer, then a 0x00. The leading 0x00 ends whatever partial garbage the receiver holds
    /// (the ESP32 boot ROM prints on the serial port), so noise before a packet never costs that packet.
    /// Allocates nothing, so the scan loop can send every frame.
    /// </summary>
    public static class PacketFramer
    {
        /// <summary>
        /// Writes one packet into <paramref name="output"/> at <paramref name="outputOffset"/>.
        /// Returns the number of wire bytes written, or 0 when the payload is larger than the protocol allows
        /// or the output has no room (then the output's contents past the offset are undefined).
        /// </summary>
        public static int Encode(byte type, uint sequence, byte[] payload, int payloadOffset, int payloadLength,
            byte[] output, int outputOffset)
        {
            if (payloadLength < 0 || payloadLength > PacketFormat.MaxPayloadBytes || outputOffset < 0 || outputOffset >= output.Length)
            {
                return 0;
            }
            output[outputOffset] = PacketFormat.Delimiter;
            CobsWriter cobs = new CobsWriter(output, outputOffset + 1, output.Length - outputOffset - 1);
            uint crc = Crc32.Initial;
            crc = Put(ref cobs, crc, PacketFormat.Version);
            crc = Put(ref cobs, crc, type);
            crc = Put(ref cobs, crc, (byte)(sequence & 0xFF));
            crc = Put(ref cobs, crc, (byte)((sequence >> 8) & 0xFF));
            crc = Put(ref cobs, crc, (byte)((sequence >> 16) & 0xFF));
            crc = Put(ref cobs, crc, (byte)(sequence >> 24));
            crc = Put(ref cobs, crc, (byte)(payloadLength & 0xFF));
            crc = Put(ref cobs, crc, (byte)(payloadLength >> 8));
            // The payload in bulk: it is most of every live frame, and each call costs on the device's interpreter.
            crc = Crc32.Update(crc, payload, payloadOffset, payloadLength);
            cobs.Put(payload, payloadOffset, payloadLength);
            crc = Crc32.Finish(crc);
            cobs.Put((byte)(crc & 0xFF));
            cobs.Put((byte)((crc >> 8) & 0xFF));
            cobs.Put((byte)((crc >> 16) & 0xFF));
            cobs.Put((byte)(crc >> 24));
            int encoded = cobs.Finish();
            return encoded == 0 ? 0 : encoded + 1;
        }

        private static uint Put(ref CobsWriter cobs, uint crc, byte value)
        {
            cobs.Put(value);
            return Crc32.Update(crc, value);
        }
    }
}
