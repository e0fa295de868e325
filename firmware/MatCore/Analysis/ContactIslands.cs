namespace Kiosk.Mat.Analysis
{
    /// <summary>
    /// Finds the islands of contact (8-connected groups of sensels): toes show as islands ahead of the ball, and a
    /// high arch can leave the heel an island of its own. Each island is filled breadth first over a preallocated
    /// queue of places (no recursion) and judged as soon as it is filled, its sensels still in the queue: one lighter
    /// than a threshold is noise and leaves the contact. So no table per island is kept. Each sensel's neighbours are read
    /// once here, for its island and for how much of it the foot covers (<see cref="ContactCoverage"/>): its
    /// neighbours in contact are all in its island.
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
        /// Finds the islands among the map's places (all <see cref="ContactMap.Unlabelled"/>): those of at least
        /// minIslandGrams are marked <see cref="ContactMap.InContact"/> with their core flags, and their coverage is set;
        /// the rest leave the contact.
        /// </summary>
        public void Find(int minIslandGrams)
        {
            ContactMap map = _map;
            int rows = map.Geometry.Rows;
            int cols = map.Geometry.Cols;
            byte[] marks = map.Marks;
            ushort[] active = map.Active;
            int[] load = map.LoadGrams;
            ushort[] slot = map.Slot;
            int boxRow = map.BoxRow;
            int boxCol = map.BoxCol;
            int boxCols = map.BoxCols;
            ushort[] queue = map.Scratch;
            byte[] coverage = map.Coverage;
            int count = map.ActiveCount;
            int islands = 0;
            bool dropped = false;
            for (int seed = 0; seed < count; seed++)
            {
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
                    int k = queue[head++];
                    int index = active[k];
                    int own = load[k];
                    grams += own;
                    int neighbours = 0;
                    long around = 0;
                    int reference = 0;
                    int row = index / cols;
                    int col = index - row * cols;
                    int rowFirst = row > 0 ? row - 1 : 0;
                    int rowLast = row < rows - 1 ? row + 1 : row;
                    int colFirst = col > 0 ? col - 1 : 0;
                    int colLast = col < cols - 1 ? col + 1 : col;
                    for (int r = rowFirst; r <= rowLast; r++)
                    {
                        int cell = (r - boxRow) * boxCols + colFirst - boxCol;
                        for (int c = colFirst; c <= colLast; c++, cell++)
                        {
                            // A sensel's neighbours in contact are all in its island: Unlabelled until reached, then Filling.
                            int place = slot[cell] - 1;
                            if (place < 0 || place == k)
                            {
                                continue;
                            }
                            neighbours++;
                            int neighbourGrams = load[place];
                            around += neighbourGrams;
                            if (neighbourGrams > reference)
                            {
                                reference = neighbourGrams;
                            }
                            if (marks[place] == ContactMap.Unlabelled)
                            {
                                marks[place] = Filling;
                                queue[tail++] = (ushort)place;
                            }
                        }
                    }
                    coverage[k] = (byte)(ContactCoverage.ShareQ8(own, neighbours, around, reference) - 1);
                }
                // A light island keeps its Filling mark (no InContact): it is not filled again, and leaves below.
                if (grams >= minIslandGrams)
                {
                    for (int q = 0; q < tail; q++)
                    {
                        int k = queue[q];
                        marks[k] = ContactCoverage.Marks(coverage[k] + 1);
                    }
                }
                else
                {
                    dropped = true;
                }
            }
            Count = islands;
            // The contact keeps the sensels of the islands heavy enough, in the order of the mat.
            if (dropped)
            {
                map.KeepInContact();
            }
        }
    }
}
