namespace Kiosk.Mat.Analysis
{
    /// <summary>
    /// Estimates how much of each sensel the foot covers. A sensel inside the contact is covered whole; one on the
    /// contact's edge is only partly covered, and counting it whole inflates the area, the more so the coarser the
    /// mat (a thin midfoot strip on a 10 mm mat can double a high arch's index). Its share is its load against the
    /// load a fully covered sensel carries there: the most loaded of its neighbours, but never less than a fraction
    /// of the typical load inside the contact, since a strip narrower than a sensel has no fully covered neighbour.
    /// </summary>
    public static class ContactCoverage
    {
        /// <summary>The floor of the reference load, as a fraction (Q8) of the mean load of interior sensels.</summary>
        public const int InteriorFloorQ8 = 128;

        public static void Estimate(ContactMap map)
        {
            int rows = map.Geometry.Rows;
            int cols = map.Geometry.Cols;
            int[] coverage = map.CoverageQ8;
            long interiorLoad = 0;
            int interiorCount = 0;
            // Pass 1: count each sensel's neighbours in contact (kept in the coverage buffer for now).
            for (int k = 0; k < map.ActiveCount; k++)
            {
                int index = map.Active[k];
                int row = index / cols;
                int col = index - row * cols;
                int neighbours = 0;
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
                        if ((dr != 0 || dc != 0) && c >= 0 && c < cols && map.Island[r * cols + c] > 0)
                        {
                            neighbours++;
                        }
                    }
                }
                coverage[index] = neighbours;
                if (neighbours == 8)
                {
                    interiorLoad += map.LoadGrams[index];
                    interiorCount++;
                }
            }
            int floorGrams = interiorCount > 0 ? (int)((interiorLoad / interiorCount * InteriorFloorQ8) >> 8) : 0;

            // Pass 2: edge sensels get their load over the reference load.
            for (int k = 0; k < map.ActiveCount; k++)
            {
                int index = map.Active[k];
                if (coverage[index] == 8)
                {
                    coverage[index] = ContactMap.FullCoverageQ8;
                    continue;
                }
                int row = index / cols;
                int col = index - row * cols;
                int reference = floorGrams;
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
                        if (c >= 0 && c < cols)
                        {
                            int neighbour = r * cols + c;
                            if (map.Island[neighbour] > 0 && map.LoadGrams[neighbour] > reference)
                            {
                                reference = map.LoadGrams[neighbour];
                            }
                        }
                    }
                }
                int load = map.LoadGrams[index];
                coverage[index] = reference <= 0 ? ContactMap.FullCoverageQ8 : (int)((long)load * ContactMap.FullCoverageQ8 / reference);
                if (coverage[index] > ContactMap.FullCoverageQ8)
                {
                    coverage[index] = ContactMap.FullCoverageQ8;
                }
                if (coverage[index] < 1)
                {
                    coverage[index] = 1;
                }
            }
        }
    }
}
