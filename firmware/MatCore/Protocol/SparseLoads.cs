namespace Kiosk.Mat.Protocol
{
    /// <summary>
    /// The compact form of a frame of loads, shared by Frame and Result (docs/protocol.md, "Sparse loads"):
    /// rows (u16), cols (u16), count of loaded sensels (varint), then per loaded sensel in row-major order the
    /// number of unloaded sensels skipped since the previous one (varint) and its load in grams (varint, at least 1).
    /// A standing shopper loads a fifth of the mat or less, so most sensels cost nothing; a loaded one costs 2-4 bytes.
    /// </summary>
    public static class SparseLoads
    {
        /// <summary>A sensel's load saturates here (2 097 151 g): the largest 3-byte varint. Negative loads are sent as 0.</summary>
        public const int MaxLoadGrams = Varint.MaxValue;

        public const int MinSide = Geometry.MatGeometry.MinSide;
        public const int MaxSide = Geometry.MatGeometry.MaxSide;

        /// <summary>Encoded bytes for a <paramref name="senselCount"/> grid in the worst case (every sensel at the maximum).</summary>
        public static int MaxBytes(int senselCount)
        {
            return 4 + Varint.MaxBytes + senselCount * (1 + Varint.MaxBytes);
        }

        /// <summary>Both sides within what the protocol carries (<see cref="MinSide"/> to <see cref="MaxSide"/>), for writer and reader alike.</summary>
        private static bool SidesInRange(int rows, int cols)
        {
            return rows >= MinSide && cols >= MinSide && rows <= MaxSide && cols <= MaxSide;
        }

        /// <summary>
        /// Writes the block; a grid no receiver would accept (sides outside 2-256, fewer loads than sensels) fails the
        /// writer instead, so a sender never emits bytes that would be refused, and resent, forever.
        /// </summary>
        public static void Write(ref PayloadWriter writer, int[] loadGrams, int rows, int cols)
        {
            if (!SidesInRange(rows, cols) || loadGrams == null || loadGrams.Length < rows * cols)
            {
                writer.Fail();
                return;
            }
            int senselCount = rows * cols;
            int loaded = 0;
            for (int i = 0; i < senselCount; i++)
            {
                if (loadGrams[i] > 0)
                {
                    loaded++;
                }
            }
            writer.U16(rows);
            writer.U16(cols);
            writer.Varint(loaded);
            int skipped = 0;
            for (int i = 0; i < senselCount && !writer.Overflowed; i++)
            {
                int load = loadGrams[i];
                if (load <= 0)
                {
                    skipped++;
                    continue;
                }
                writer.Varint(skipped);
                writer.Varint(load);
                skipped = 0;
            }
        }

        /// <summary>
        /// The same block from a list of loaded sensels (ascending indices with their grams): the device's live frame,
        /// written without walking the mat, with the varints inlined (a call per byte costs on the interpreter).
        /// Returns the new length of the payload, or -1 when it does not fit.
        /// </summary>
        public static int Write(byte[] buffer, int offset, int capacity, ushort[] indices, int[] grams, int count, int rows, int cols)
        {
            int end = offset + capacity;
            int at = offset;
            if (!SidesInRange(rows, cols) || at + 4 + Varint.MaxBytes > end)
            {
                return -1;
            }
            buffer[at++] = (byte)(rows & 0xFF);
            buffer[at++] = (byte)(rows >> 8);
            buffer[at++] = (byte)(cols & 0xFF);
            buffer[at++] = (byte)(cols >> 8);
            at = Varint.Write(buffer, at, count);
            int next = 0;
            // Worst case per sensel: two 3-byte varints.
            int last = end - 2 * Varint.MaxBytes;
            for (int k = 0; k < count; k++)
            {
                if (at > last)
                {
                    return -1;
                }
                int index = indices[k];
                int skipped = index - next;
                next = index + 1;
                int load = grams[k];
                if (load > MaxLoadGrams)
                {
                    load = MaxLoadGrams;
                }
                while (skipped >= 0x80)
                {
                    buffer[at++] = (byte)(skipped | 0x80);
                    skipped >>= 7;
                }
                buffer[at++] = (byte)skipped;
                while (load >= 0x80)
                {
                    buffer[at++] = (byte)(load | 0x80);
                    load >>= 7;
                }
                buffer[at++] = (byte)load;
            }
            return at - offset;
        }

        /// <summary>The same block from byte values (the self-test's sensel statuses), for a sender with no int copy to spare.</summary>
        public static void Write(ref PayloadWriter writer, byte[] values, int rows, int cols)
        {
            if (!SidesInRange(rows, cols) || values == null || values.Length < rows * cols)
            {
                writer.Fail();
                return;
            }
            int senselCount = rows * cols;
            int loaded = 0;
            for (int i = 0; i < senselCount; i++)
            {
                loaded += values[i] != 0 ? 1 : 0;
            }
            writer.U16(rows);
            writer.U16(cols);
            writer.Varint(loaded);
            int skipped = 0;
            for (int i = 0; i < senselCount && !writer.Overflowed; i++)
            {
                if (values[i] == 0)
                {
                    skipped++;
                    continue;
                }
                writer.Varint(skipped);
                writer.Varint(values[i]);
                skipped = 0;
            }
        }

        /// <summary>
        /// Reads a sparse block into <paramref name="loadGrams"/> (every sensel set, unloaded ones to 0).
        /// Returns the sensel count, or -1 when the block is malformed or larger than the array.
        /// </summary>
        public static int Read(ref PayloadReader reader, int[] loadGrams, out int rows, out int cols)
        {
            rows = reader.U16();
            cols = reader.U16();
            int loaded = reader.Varint();
            if (reader.Failed || !SidesInRange(rows, cols))
            {
                return -1;
            }
            int senselCount = rows * cols;
            if (senselCount > loadGrams.Length || loaded > senselCount)
            {
                return -1;
            }
            for (int i = 0; i < senselCount; i++)
            {
                loadGrams[i] = 0;
            }
            int index = 0;
            for (int n = 0; n < loaded; n++)
            {
                index += reader.Varint();
                int load = reader.Varint();
                if (reader.Failed || index >= senselCount || load < 1)
                {
                    return -1;
                }
                loadGrams[index] = load;
                index++;
            }
            return senselCount;
        }
    }
}
