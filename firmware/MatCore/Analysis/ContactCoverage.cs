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
    /// between the ball and the toes) is an edge too. Each sensel's mark says whether it belongs to the contact's core
    /// (<see cref="ContactMap.Core"/>, <see cref="ContactMap.StrictCore"/>).
    /// </summary>
    public static class ContactCoverage
    {
        /// <summary>A sensel with contact all round is whole unless it carries less than this share (1/16) of its neighbours' sum.</summary>
        private const int NotchShareOfNeighbours = 16;

        /// <summary>
        /// The share of a sensel in contact that the foot covers, Q8 (1-256), from its own load and those of its
        /// neighbours in contact: how many there are (of 8), their sum and the largest. <see cref="ContactIslands"/>
        /// gathers them while it fills the sensel's island (every neighbour in contact is in the same island).
        /// </summary>
        public static int ShareQ8(int ownGrams, int neighbours, long aroundGrams, int referenceGrams)
        {
            if ((neighbours == 8 && ownGrams * (long)NotchShareOfNeighbours >= aroundGrams) || referenceGrams <= ownGrams)
            {
                return ContactMap.FullCoverageQ8;
            }
            int share = (int)((long)ownGrams * ContactMap.FullCoverageQ8 / referenceGrams);
            return share < 1 ? 1 : share;
        }

        /// <summary>The mark of a sensel in contact covered this much: <see cref="ContactMap.InContact"/> and its core flags.</summary>
        public static byte Marks(int shareQ8)
        {
            if (shareQ8 >= ContactMap.StrictCoreCoverageQ8)
            {
                return ContactMap.InContact | ContactMap.Core | ContactMap.StrictCore;
            }
            return shareQ8 >= ContactMap.CoreCoverageQ8 ? (byte)(ContactMap.InContact | ContactMap.Core) : ContactMap.InContact;
        }
    }
}
