namespace Kiosk.Mat.Analysis
{
    /// <summary>
    /// Finds the islands of contact (8-connected groups of sensels): toes show as islands ahead of the ball, and a
    /// high arch can leave the heel an island of its own. Flood fill with a preallocated stack, no recursion.
    /// Islands lighter than a threshold are noise and are dropped from the contact.
    /// </summary>
    public sealed class ContactIslands
    {
        public const int MaxIslands = 255;

        private readonly ContactMap _map;
        private readonly int[] _stack;

        /// <summary>Per island (index = island number): load in grams.</summary>
        public readonly long[] LoadGrams = new long[MaxIslands + 1];
        public int Count;

        public ContactIslands(ContactMap map)
        {
            _map = map;
            _stack = new int[map.Geometry.SenselCount];
        }

        /// <summary>Labels the islands among the map's active sensels, then drops islands lighter than minIslandGrams.</summary>
        public void Find(int minIslandGrams)
        {
            ContactMap map = _map;
            int rows = map.Geometry.Rows;
            int cols = map.Geometry.Cols;
            int[] island = map.Island;
            Count = 0;
            for (int k = 0; k < map.ActiveCount; k++)
            {
                int seed = map.Active[k];
                if (island[seed] != -1)
                {
                    continue;
                }
                // Past the table's end every further island shares the last number: only noise gets there.
                if (Count < MaxIslands)
                {
                    Count++;
                    LoadGrams[Count] = 0;
                }
                int label = Count;
                int top = 0;
                _stack[top++] = seed;
                island[seed] = label;
                while (top > 0)
                {
                    int index = _stack[--top];
                    LoadGrams[label] += map.LoadGrams[index];
                    int row = index / cols;
                    int col = index - row * cols;
                    for (int dr = -1; dr <= 1; dr++)
                    {
                        int r = row + dr;
                        if (r < 0 || r >= rows)
                        {
                            continue;
                        }
                        for (int dc = -1; dc <= 1; dc++)
                        {
                            int c = col + dc;
                            if (c < 0 || c >= cols)
                            {
                                continue;
                            }
                            int neighbour = r * cols + c;
                            // Active sensels are marked -1 before labelling; see FootAnalyzer.
                            if (island[neighbour] == -1)
                            {
                                island[neighbour] = label;
                                _stack[top++] = neighbour;
                            }
                        }
                    }
                }
            }
            DropLightIslands(minIslandGrams);
        }

        private void DropLightIslands(int minIslandGrams)
        {
            ContactMap map = _map;
            int kept = 0;
            for (int k = 0; k < map.ActiveCount; k++)
            {
                int index = map.Active[k];
                if (LoadGrams[map.Island[index]] >= minIslandGrams)
                {
                    map.Active[kept++] = index;
                }
                else
                {
                    map.Island[index] = 0;
                }
            }
            map.ActiveCount = kept;
        }
    }
}
