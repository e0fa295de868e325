namespace Kiosk.Mat.Analysis
{
    /// <summary>
    /// Estimates how much of each sensel the foot covers. A sensel inside the contact is covered whole; one on the
    /// contact's edge is only partly covered, and counting it whole inflates the area, the more so the coarser the
    /// mat (a thin midfoot strip on a 10 mm mat can double a high arch's index). Its share is its load against the
    /// load a fully covered sensel carries there: the most loaded of its neighbours in contact, which for a strip
    /// is the strip's own ridge across its width. There is no floor from the rest of the foot: a midfoot strip
    /// carries a fraction of the heel's pressure, and measured against the heel a strip one sensel wide (still
    /// area) would read as almost none. A sensel with contact all round but little load of its own (the notch
    /// between the ball and the toes) is an edge too. Each sensel's mark then says whether it belongs to the
    /// contact's core (<see cref="ContactMap.Core"/>, <see cref="ContactMap.StrictCore"/>).
    /// </summary>
    public static class ContactCoverage
    {
        /// <summary>A sensel with contact all round is whole unless it carries less than this share (1/16) of its neighbours' sum.</summary>
        private const int NotchShareOfNeighbours = 16;

        public static void Estimate(ContactMap map)
        {
            int rows = map.Geometry.Rows;
            int cols = map.Geometry.Cols;
            byte[] coverage = map.Coverage;
            byte[] marks = map.Marks;
            int[] load = map.LoadGrams;
            ushort[] active = map.Active;
            int count = map.ActiveCount;
            for (int k = 0; k < count; k++)
            {
                int index = active[k];
                int row = index / cols;
                int col = index - row * cols;
                int neighbours = 0;
                long around = 0;
                int reference = 0;
                int rowFirst = row > 0 ? row - 1 : 0;
                int rowLast = row < rows - 1 ? row + 1 : row;
                int colFirst = col > 0 ? col - 1 : 0;
                int colLast = col < cols - 1 ? col + 1 : col;
                for (int r = rowFirst; r <= rowLast; r++)
                {
                    int neighbour = r * cols + colFirst;
                    for (int c = colFirst; c <= colLast; c++, neighbour++)
                    {
                        if (neighbour != index && marks[neighbour] != 0)
                        {
                            neighbours++;
                            int grams = load[neighbour];
                            around += grams;
                            if (grams > reference)
                            {
                                reference = grams;
                            }
                        }
                    }
                }
                int own = load[index];
                int share;
                if ((neighbours == 8 && own * (long)NotchShareOfNeighbours >= around) || reference <= own)
                {
                    share = ContactMap.FullCoverageQ8;
                }
                else
                {
                    share = (int)((long)own * ContactMap.FullCoverageQ8 / reference);
                    share = share < 1 ? 1 : share;
                }
                coverage[index] = (byte)(share - 1);
                if (share >= ContactMap.CoreCoverageQ8)
                {
                    marks[index] |= share >= ContactMap.StrictCoreCoverageQ8 ? (byte)(ContactMap.Core | ContactMap.StrictCore) : ContactMap.Core;
                }
            }
        }
    }
}
