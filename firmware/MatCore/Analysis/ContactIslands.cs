namespace Kiosk.Mat.Analysis
{
    /// <summary>
    /// Finds the islands of contact (8-connected groups of sensels): toes show as islands ahead of the ball, and a
    /// high arch can leave the heel an island of its own. Each island is filled breadth first over a preallocated
    /// queue (no recursion) and judged as soon as it is filled, its sensels still in the queue: one lighter than a
    /// threshold is noise and leaves the contact. So no table per island is kept.
    /// </summary>
    public sealed class ContactIslands
    {
        // The mark of a sensel in the island being filled.
        private const byte Filling = 1;

        private readonly ContactMap _map;

        /// <summary>How many islands the last <see cref="Find"/> found, the light ones included.</summary>
        public int Count;

        public ContactIslands(ContactMap map)
        {
            _map = map;
        }

        /// <summary>
        /// Finds the islands among the map's active sensels (marked <see cref="ContactMap.Unlabelled"/>): those of at
        /// least minIslandGrams are marked <see cref="ContactMap.InContact"/>, the rest leave the contact.
        /// </summary>
        public void Find(int minIslandGrams)
        {
            ContactMap map = _map;
            int rows = map.Geometry.Rows;
            int cols = map.Geometry.Cols;
            byte[] marks = map.Marks;
            ushort[] active = map.Active;
            int[] load = map.LoadGrams;
            ushort[] queue = map.Scratch;
            int count = map.ActiveCount;
            int islands = 0;
            for (int k = 0; k < count; k++)
            {
                int seed = active[k];
                if (marks[seed] != ContactMap.Unlabelled)
                {
                    continue;
                }
                islands++;
                long grams = 0;
                int head = 0;
                int tail = 0;
                queue[tail++] = (ushort)seed;
                marks[seed] = Filling;
                while (head < tail)
                {
                    int index = queue[head++];
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
                            // Active sensels are marked Unlabelled before the islands are found; see FootAnalyzer.
                            if (marks[neighbour] == ContactMap.Unlabelled)
                            {
                                marks[neighbour] = Filling;
                                queue[tail++] = (ushort)neighbour;
                            }
                        }
                    }
                }
                byte verdict = grams >= minIslandGrams ? ContactMap.InContact : (byte)0;
                for (int q = 0; q < tail; q++)
                {
                    marks[queue[q]] = verdict;
                }
            }
            Count = islands;

            // The contact keeps the sensels of the islands heavy enough, in the order of the mat.
            int kept = 0;
            for (int k = 0; k < count; k++)
            {
                ushort index = active[k];
                if (marks[index] != 0)
                {
                    active[kept++] = index;
                }
            }
            map.ActiveCount = kept;
        }
    }
}
