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

        /// <summary>
        /// The still window's sum (<see cref="Session.SessionTracker.WindowSum"/>): a frame's list and half as much
        /// again, for the sensels at the feet's edges that the sway loads now and then (a fifth more than one frame's on
        /// the virtual mat's shoppers). A window that loads more has moved, not stood still.
        /// </summary>
        public static int WindowCapacityFor(int senselCount)
        {
            int capacity = CapacityFor(senselCount) * 3 / 2;
            return capacity < senselCount ? capacity : senselCount;
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

        /// <summary>This list becomes a copy of <paramref name="other"/> (two native copies), overflowed if it holds fewer.</summary>
        public void CopyFrom(LoadedSensels other)
        {
            int count = other.Count <= Index.Length ? other.Count : Index.Length;
            System.Array.Copy(other.Index, Index, count);
            System.Array.Copy(other.Grams, Grams, count);
            Count = count;
            Overflowed = other.Overflowed || count < other.Count;
        }

        /// <summary>
        /// Adds a frame's loaded sensels to this list as a running sum (the still window's): grams of a sensel already
        /// here are added, a sensel new to the sum is merged in at its place. A still shopper loads the same sensels
        /// frame after frame, so the usual frame costs one pass over both lists and moves nothing. False, and
        /// <see cref="Overflowed"/> set, when the sum would hold more sensels than it has room for (then its grams are
        /// part added: start it again with <see cref="CopyFrom"/>).
        /// </summary>
        public bool Accumulate(LoadedSensels frame)
        {
            ushort[] index = Index;
            int[] grams = Grams;
            ushort[] frameIndex = frame.Index;
            int[] frameGrams = frame.Grams;
            int have = Count;
            int come = frame.Count;
            int fresh = 0;
            int i = 0;
            for (int k = 0; k < come; k++)
            {
                int at = frameIndex[k];
                while (i < have && index[i] < at)
                {
                    i++;
                }
                if (i < have && index[i] == at)
                {
                    grams[i] += frameGrams[k];
                    i++;
                }
                else
                {
                    fresh++;
                }
            }
            if (fresh == 0)
            {
                return true;
            }
            if (have + fresh > index.Length)
            {
                Overflowed = true;
                return false;
            }
            // From the back, so every entry moves at most once: w - i sensels are still to be merged in.
            int w = have + fresh - 1;
            i = have - 1;
            int next = come - 1;
            while (w > i)
            {
                int at = frameIndex[next];
                int mine = i >= 0 ? index[i] : -1;
                if (mine >= at)
                {
                    index[w] = (ushort)mine;
                    grams[w] = grams[i];
                    i--;
                    if (mine == at)
                    {
                        next--;
                    }
                }
                else
                {
                    index[w] = (ushort)at;
                    grams[w] = frameGrams[next];
                    next--;
                }
                w--;
            }
            Count = have + fresh;
            return true;
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
