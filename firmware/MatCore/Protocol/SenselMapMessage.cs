namespace Kiosk.Mat.Protocol
{
    /// <summary>
    /// The device's sensel map (type <see cref="MessageType.SenselMap"/>): what its self-test found wrong with each
    /// sensel (<see cref="SelfTest.SenselStatus"/>: stuck, dead, on an open or shorted line), for the technician's
    /// dead-sensel map. Most sensels are fine, so it is a sparse block (docs/protocol.md, "Sparse loads") whose values
    /// are the status codes instead of grams. Sent after every accepted Hello and whenever the self-test runs again.
    /// </summary>
    public sealed class SenselMapMessage
    {
        public int Rows;
        public int Cols;

        /// <summary>Per sensel, row-major: 0 fine, else a <see cref="SelfTest.SenselStatus"/> code.</summary>
        public readonly int[] Statuses;

        /// <param name="maxSensels">The largest grid this instance decodes (the sender: its own grid).</param>
        public SenselMapMessage(int maxSensels)
        {
            Statuses = new int[maxSensels];
        }

        public int EncodePayload(byte[] buffer, int offset, int capacity)
        {
            PayloadWriter writer = new PayloadWriter(buffer, offset, capacity);
            SparseLoads.Write(ref writer, Statuses, Rows, Cols);
            return writer.Length;
        }

        /// <summary>The device's encoding, straight from the self-test's mask (<see cref="SelfTest.MatSelfTest.Mask"/>): no copy on its heap.</summary>
        public static int EncodePayload(byte[] mask, int rows, int cols, byte[] buffer, int offset, int capacity)
        {
            PayloadWriter writer = new PayloadWriter(buffer, offset, capacity);
            SparseLoads.Write(ref writer, mask, rows, cols);
            return writer.Length;
        }

        public bool DecodePayload(byte[] buffer, int offset, int count)
        {
            PayloadReader reader = new PayloadReader(buffer, offset, count);
            int sensels = SparseLoads.Read(ref reader, Statuses, out Rows, out Cols);
            if (sensels < 0 || !reader.EndedCleanly)
            {
                return false;
            }
            for (int i = 0; i < sensels; i++)
            {
                if (Statuses[i] > (byte)SelfTest.SenselStatus.Max)
                {
                    return false;
                }
            }
            return true;
        }
    }
}
