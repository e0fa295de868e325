namespace Kiosk.Mat.Analysis
{
    /// <summary>
    /// Finds the islands of contact (8-connected groups of sensels): toes show as islands ahead of the ball, and a
    /// high arch can leave the heel an island of its own. Flood fill with a preallocated stack, no recursion.
    /// Islands lighter than a threshold are noise and are dropped from the contact.
    /// </summary>
    public sealed class ContactIslands
    {
        /// <summary>Island numbers fit a byte beside <see cref="ContactMap.Unlabelled"/>.</summary>
        public const int MaxIslands = 254;

        private readonly ContactMap _map;

        /// <summary>Per island (index = island number): load in grams.</summary>
        public readonly long[] LoadGrams = new long[MaxIslands + 1];
        public int Count;

        public ContactIslands(ContactMap map)
        {
            _map = map;
        }

        /// <summary>Labels the islands among the map's active sensels, then drops islands lighter than minIslandGrams.</summary>
        public void Find(int minIslandGrams)
        {
            ContactMap map = _map;
            int rows = map.Geometry.Rows;
            int cols = map.Geometry.Cols;
            byte[] island = map.Marks;
            ushort[] active = map.Active;
            int[] load = map.LoadGrams;
            ushort[] stack = map.Scratch;
            long[] islandLoad = LoadGrams;
            int count = map.ActiveCount;
            int islands = 0;
            for (int k = 0; k < count; k++)
            {
                int seed = active[k];
                if (island[seed] != ContactMap.Unlabelled)
                {
                    continue;
                }
                // Past the table's end every further island shares the last number: only noise gets there.
                if (islands < MaxIslands)
                {
                    islands++;
                    islandLoad[islands] = 0;
                }
                int label = islands;
                long grams = 0;
                int top = 0;
                stack[top++] = (ushort)seed;
                island[seed] = (byte)label;
                while (top > 0)
                {
                    int index = stack[--top];
                    grams += load[index];
                    int row = index / cols;
                    int col = index - row * cols;
                    int rowFirst = row > 0 ? row - 1 : 0;
                    int rowLast = row < rows - 1 ? row + 1 : row;
                    int colFirst = col > 0 ? col - 1 : 0;
                    int colLast = col < cols - 1 ? col + 1 : col;
                    for (int r = rowFirst; r <= rowLast; r++)
                    {
                        int neighbour = r * cols + colFirst;
                        for (int c = colFirst; c <= colLast; c++, neighbour++)
                        {
                            // Active sensels are marked Unlabelled before labelling; see FootAnalyzer.
                            if (island[neighbour] == ContactMap.Unlabelled)
                            {
                                island[neighbour] = (byte)label;
                                stack[top++] = (ushort)neighbour;
                            }
                        }
                    }
                }
                islandLoad[label] += grams;
            }
            Count = islands;
            DropLightIslands(minIslandGrams);
        }

        /// <summary>Drops the islands lighter than minIslandGrams; the labels of the rest give way to <see cref="ContactMap.InContact"/>.</summary>
        private void DropLightIslands(int minIslandGrams)
        {
            ContactMap map = _map;
            ushort[] active = map.Active;
            byte[] island = map.Marks;
            long[] islandLoad = LoadGrams;
            int count = map.ActiveCount;
            int kept = 0;
            for (int k = 0; k < count; k++)
            {
                int index = active[k];
                if (islandLoad[island[index]] >= minIslandGrams)
                {
                    active[kept++] = (ushort)index;
                    island[index] = ContactMap.InContact;
                }
                else
                {
                    island[index] = 0;
                }
            }
            map.ActiveCount = kept;
        }
    }
}
