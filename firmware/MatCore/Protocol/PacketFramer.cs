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
        public static int Encode(MessageType type, uint sequence, byte[] payload, int payloadOffset, int payloadLength,
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
            crc = Put(ref cobs, crc, (byte)type);
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

        /// <summary>
        /// The room in front of a payload of <paramref name="payloadLength"/> bytes that framing it in place takes
        /// (<see cref="EncodeInPlaceAt"/>): the delimiter, the header, a code byte per started run of 254 bytes and
        /// one more. It grows with the payload, so a payload placed behind the room for a larger one also fits.
        /// </summary>
        public static int InPlaceHeadroomFor(int payloadLength)
        {
            return 3 + PacketFormat.HeaderBytes + (PacketFormat.HeaderBytes + payloadLength + PacketFormat.CrcBytes) / 254;
        }

        /// <summary>
        /// The same wire bytes as <see cref="Encode"/>, written over the payload's own buffer, so the device needs no
        /// second buffer the size of its largest packet (4.7 KB of a 48 x 48 mat's heap).
        /// Frames the payload at <paramref name="payloadOffset"/> in place, the packet starting
        /// <see cref="InPlaceHeadroomFor"/> bytes before it and ending within the CRC's 4 bytes after it: nothing else of
        /// the buffer is touched, so a payload kept among others (the outbox's) can go out from where it lies, and
        /// <see cref="UnframeInPlace"/> puts it back. Returns the wire length (the packet starts at
        /// <c>payloadOffset - InPlaceHeadroomFor(payloadLength)</c>), or 0 when it does not fit the buffer.
        /// </summary>
        public static int EncodeInPlaceAt(MessageType type, uint sequence, byte[] buffer, int payloadOffset, int payloadLength)
        {
            int start = payloadOffset - InPlaceHeadroomFor(payloadLength);
            if (payloadLength < 0 || payloadLength > PacketFormat.MaxPayloadBytes || start < 0
                || payloadOffset + payloadLength + PacketFormat.CrcBytes > buffer.Length)
            {
                return 0;
            }
            return Frame(type, sequence, buffer, start, payloadOffset, payloadLength);
        }

        /// <summary>
        /// Undoes <see cref="EncodeInPlaceAt"/>: the payload is back at <paramref name="payloadOffset"/> (the bytes it
        /// framed over around it are not: the caller keeps them if it needs them). Decoding COBS forward writes each byte
        /// at or before the byte it reads, so no second buffer is needed.
        /// </summary>
        public static void UnframeInPlace(byte[] buffer, int payloadOffset, int payloadLength)
        {
            int start = payloadOffset - InPlaceHeadroomFor(payloadLength);
            int end = start + PacketFormat.HeaderBytes + payloadLength + PacketFormat.CrcBytes;
            int read = start + 1;
            int write = start;
            while (write < end)
            {
                int code = buffer[read++];
                for (int k = 1; k < code && write < end; k++)
                {
                    buffer[write++] = buffer[read++];
                }
                if (code < 0xFF && write < end)
                {
                    buffer[write++] = 0;
                }
            }
            System.Array.Copy(buffer, start + PacketFormat.HeaderBytes, buffer, payloadOffset, payloadLength);
        }

        // The header goes just before the payload and the CRC just after it, so the stuffing is one loop with locals
        // only (the interpreter pays for every call and field).
        private static int Frame(MessageType type, uint sequence, byte[] buffer, int start, int payloadOffset, int payloadLength)
        {
            int head = payloadOffset - PacketFormat.HeaderBytes;
            int end = payloadOffset + payloadLength;
            buffer[head] = PacketFormat.Version;
            buffer[head + 1] = (byte)type;
            buffer[head + 2] = (byte)(sequence & 0xFF);
            buffer[head + 3] = (byte)((sequence >> 8) & 0xFF);
            buffer[head + 4] = (byte)((sequence >> 16) & 0xFF);
            buffer[head + 5] = (byte)(sequence >> 24);
            buffer[head + 6] = (byte)(payloadLength & 0xFF);
            buffer[head + 7] = (byte)(payloadLength >> 8);
            uint crc = Crc32.Compute(buffer, head, PacketFormat.HeaderBytes + payloadLength);
            buffer[end] = (byte)(crc & 0xFF);
            buffer[end + 1] = (byte)((crc >> 8) & 0xFF);
            buffer[end + 2] = (byte)((crc >> 16) & 0xFF);
            buffer[end + 3] = (byte)(crc >> 24);

            // COBS, forward over header, payload and CRC: every byte is written at or before where it was read.
            buffer[start] = PacketFormat.Delimiter;
            int codeIndex = start + 1;
            int position = start + 2;
            int code = 1;
            int last = end + PacketFormat.CrcBytes;
            for (int i = head; i < last; i++)
            {
                byte value = buffer[i];
                if (value == 0)
                {
                    buffer[codeIndex] = (byte)code;
                    codeIndex = position++;
                    code = 1;
                    continue;
                }
                buffer[position++] = value;
                if (++code == 0xFF)
                {
                    buffer[codeIndex] = (byte)code;
                    codeIndex = position++;
                    code = 1;
                }
            }
            buffer[codeIndex] = (byte)code;
            buffer[position++] = PacketFormat.Delimiter;
            return position - start;
        }
    }
}
