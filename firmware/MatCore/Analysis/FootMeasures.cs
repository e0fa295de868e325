namespace Kiosk.Mat.Analysis
{
    /// <summary>
    /// What the analysis measured on one foot. Fixed-point with the scale in the name, so the device
    /// never needs floating point; the host divides for display.
    /// Coordinates are from the mat's left edge (x) and front edge (y).
    /// </summary>
    public sealed class FootMeasures
    {
        public bool Present;

        /// <summary>Cavanagh and Rodgers arch index x 1000 (0.230 = 230).</summary>
        public int ArchIndexX1000;

        /// <summary>The nearest class of the arch index (Unknown when the footprint is not classified).</summary>
        public ArchType Arch;

        /// <summary>
        /// The neighbouring class when the index lies in the borderline band around a threshold (the shopper hears
        /// "between normal and low"); Unknown when the class is clear or not classified.
        /// </summary>
        public ArchType ArchBorderlineWith;

        /// <summary>Modified arch index (Chu et al. 1995): the midfoot third's load over the toeless footprint's, x 1000.</summary>
        public int ModifiedArchIndexX1000;

        public int LoadGrams;

        /// <summary>This foot's share of the total load, percent x 10.</summary>
        public int LoadPctX10;

        /// <summary>
        /// Shares of this foot's own load by anatomical region, percent x 10: rearfoot, midfoot and forefoot are the
        /// thirds of the toeless footprint along its axis (Cavanagh et al. 1987); the toes count with the forefoot.
        /// </summary>
        public int RearfootPctX10;
        public int MidfootPctX10;
        public int ForefootPctX10;
        public int MedialPctX10;
        public int LateralPctX10;

        public int LengthMmX10;
        public int WidthMmX10;
        public int ContactAreaMm2;
        public int PeakKpa;
        public int CopXMmX10;
        public int CopYMmX10;

        /// <summary>Angle of the foot axis from straight ahead, degrees x 10; positive when the toes turn outward.</summary>
        public int ToeOutDegX10;

        /// <summary>
        /// Back to a fresh FootMeasures's values, field by field: a static cleared instance to copy from would stay on the
        /// device's heap for its whole life (tests/MatCore.Tests ResultClearTests checks that no field is forgotten).
        /// </summary>
        public void Clear()
        {
            // Grouped by meaning; ResultClearTests catches a field left out.
            Present = false;
            Arch = ArchBorderlineWith = ArchType.Unknown;
            ArchIndexX1000 = ModifiedArchIndexX1000 = 0;
            LoadGrams = LoadPctX10 = 0;
            RearfootPctX10 = MidfootPctX10 = ForefootPctX10 = 0;
            MedialPctX10 = LateralPctX10 = 0;
            LengthMmX10 = WidthMmX10 = ContactAreaMm2 = PeakKpa = 0;
            CopXMmX10 = CopYMmX10 = ToeOutDegX10 = 0;
        }

        public void CopyFrom(FootMeasures other)
        {
            Present = other.Present;
            ArchIndexX1000 = other.ArchIndexX1000;
            Arch = other.Arch;
            ArchBorderlineWith = other.ArchBorderlineWith;
            ModifiedArchIndexX1000 = other.ModifiedArchIndexX1000;
            LoadGrams = other.LoadGrams;
            LoadPctX10 = other.LoadPctX10;
            RearfootPctX10 = other.RearfootPctX10;
            MidfootPctX10 = other.MidfootPctX10;
            ForefootPctX10 = other.ForefootPctX10;
            MedialPctX10 = other.MedialPctX10;
            LateralPctX10 = other.LateralPctX10;
            LengthMmX10 = other.LengthMmX10;
            WidthMmX10 = other.WidthMmX10;
            ContactAreaMm2 = other.ContactAreaMm2;
            PeakKpa = other.PeakKpa;
            CopXMmX10 = other.CopXMmX10;
            CopYMmX10 = other.CopYMmX10;
            ToeOutDegX10 = other.ToeOutDegX10;
        }
    }
}
