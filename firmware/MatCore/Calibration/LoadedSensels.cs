namespace Kiosk.Mat.Calibration
{
    /// <summary>
    /// The sensels of a frame that carry load, in index order (row * cols + col), with their grams: what the
    /// calibration found and what the tracker, the still window's sum and the live frame work on, so that none of them
    /// walks the whole mat (a standing shopper loads a sixth of a 48 x 48 mat). Sized once; a frame with more loaded
    /// sensels than it holds is marked <see cref="Overflowed"/> (someone lying or sitting on the mat, not standing).
    /// </summary>
    public sealed class LoadedSensels
    {
        public readonly ushort[] Index;
        public readonly int[] Grams;
        public int Count;
        public bool Overflowed;

        /// <summary>The mat's columns, to turn an index into row and column.</summary>
        public readonly int Cols;

        public LoadedSensels(int capacity, int cols)
        {
            Index = new ushort[capacity];
            Grams = new int[capacity];
            Cols = cols;
        }

        /// <summary>A quarter of the mat: twice what two standing feet load at 10 mm.</summary>
        public static int CapacityFor(int senselCount)
        {
            return (senselCount + 3) / 4;
        }

        public void Clear()
        {
            Count = 0;
            Overflowed = false;
        }

        public void Add(int index, int grams)
        {
            if (Count == Index.Length)
            {
                Overflowed = true;
                return;
            }
            Index[Count] = (ushort)index;
            Grams[Count] = grams;
            Count++;
        }

        /// <summary>The loaded sensels of a whole frame (grams per sensel): for tests and hosts that hold a dense frame.</summary>
        public void FillFrom(int[] loadGrams)
        {
            Clear();
            for (int i = 0; i < loadGrams.Length; i++)
            {
                if (loadGrams[i] > 0)
                {
                    Add(i, loadGrams[i]);
                }
            }
        }
    }
}
