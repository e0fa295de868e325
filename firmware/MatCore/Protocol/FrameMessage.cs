namespace Kiosk.Mat.Protocol
{
    /// <summary>
    /// A live frame (type <see cref="MessageType.Frame"/>): when it was captured and the load on every sensel.
    /// Live frames are for the heatmap only; under back-pressure the device drops them, never results.
    /// </summary>
    public sealed class FrameMessage
    {
        /// <summary>Device uptime at capture, milliseconds (wraps after 49 days).</summary>
        public uint CapturedAtMs;

        public int Rows;
        public int Cols;

        /// <summary>Load per sensel in grams, row * Cols + col. On the device, point it at the scan loop's buffer.</summary>
        public int[] LoadGrams;

        /// <param name="maxSensels">The largest grid this object can receive (the device that only sends passes 0).</param>
        public FrameMessage(int maxSensels)
        {
            LoadGrams = new int[maxSensels];
        }

        /// <summary>Writes the payload; returns its length, or -1 when it does not fit in <paramref name="capacity"/>.</summary>
        public int EncodePayload(byte[] buffer, int offset, int capacity)
        {
            PayloadWriter writer = new PayloadWriter(buffer, offset, capacity);
            writer.U32(CapturedAtMs);
            SparseLoads.Write(ref writer, LoadGrams, Rows, Cols);
            return writer.Length;
        }

        /// <summary>
        /// The device's encoding, from the frame's loaded sensels (the same bytes as <see cref="EncodePayload"/> of the
        /// dense frame): returns the payload's length, or -1 when it does not fit in <paramref name="capacity"/>.
        /// </summary>
        public static int EncodePayload(uint capturedAtMs, Calibration.LoadedSensels loaded, int rows, byte[] buffer, int offset, int capacity)
        {
            if (capacity < 4)
            {
                return -1;
            }
            buffer[offset] = (byte)(capturedAtMs & 0xFF);
            buffer[offset + 1] = (byte)((capturedAtMs >> 8) & 0xFF);
            buffer[offset + 2] = (byte)((capturedAtMs >> 16) & 0xFF);
            buffer[offset + 3] = (byte)(capturedAtMs >> 24);
            int block = SparseLoads.Write(buffer, offset + 4, capacity - 4, loaded.Index, loaded.Grams, loaded.Count, rows, loaded.Cols);
            return block < 0 ? -1 : 4 + block;
        }

        /// <summary>Reads a payload; false (and this object in an unspecified state) when it is malformed.</summary>
        public bool DecodePayload(byte[] buffer, int offset, int count)
        {
            PayloadReader reader = new PayloadReader(buffer, offset, count);
            CapturedAtMs = reader.U32();
            if (reader.Failed || SparseLoads.Read(ref reader, LoadGrams, out Rows, out Cols) < 0)
            {
                return false;
            }
            return reader.EndedCleanly;
        }
    }
}
