namespace Kiosk.Mat.Calibration
{
    /// <summary>
    /// Raw 12-bit ADC reading to load on a nominal sensel. The film's conductance rises about linearly with force
    /// (G = F / (R_half x F_half): at F_half grams the sensel's resistance equals the divider's), and the sensel and
    /// the column's divider resistor R_d form a voltage divider read by the ADC: v = Rd G / (1 + Rd G), so
    /// F = F_half x v / (1 - v), with v the column voltage over the row drive voltage. The reading is not linear in
    /// force, hence a lookup table built once at start-up, 4096 entries, integer grams.
    /// </summary>
    public sealed class ConductanceLaw
    {
        public const int AdcMax = 4095;

        /// <summary>Load at which a nominal sensel's resistance equals the divider resistor, grams.</summary>
        public readonly int HalfDriveGrams;

        /// <summary>ADC full-scale voltage over the row drive voltage, per thousand (11 dB attenuation: ~2450 mV of 3300 mV).</summary>
        public readonly int FullScalePermilleOfDrive;

        /// <summary>Load for every raw reading, grams; readings at or past the drive voltage map to the table's top.</summary>
        public readonly int[] GramsByRaw = new int[AdcMax + 1];

        public ConductanceLaw(int halfDriveGrams, int fullScalePermilleOfDrive)
        {
            if (halfDriveGrams <= 0 || fullScalePermilleOfDrive <= 0 || fullScalePermilleOfDrive > 1000)
            {
                throw new System.ArgumentOutOfRangeException("halfDriveGrams", "the law needs a positive load and a full scale of 1..1000 per thousand of the drive");
            }
            HalfDriveGrams = halfDriveGrams;
            FullScalePermilleOfDrive = fullScalePermilleOfDrive;
            // v = raw / 4095 x fullScale / 1000, in parts of 4095 x 1000.
            const long Whole = AdcMax * 1000L;
            long top = 0;
            for (int raw = 0; raw <= AdcMax; raw++)
            {
                long v = (long)raw * fullScalePermilleOfDrive;
                long rest = Whole - v;
                long grams = rest <= 0 ? top : (long)halfDriveGrams * v / rest;
                if (grams > int.MaxValue / 8)
                {
                    grams = int.MaxValue / 8;
                }
                GramsByRaw[raw] = (int)grams;
                top = grams;
            }
        }

        /// <summary>The raw reading a nominal sensel gives under a load, the inverse of the table (for simulation and tests).</summary>
        public int RawForGrams(int grams)
        {
            if (grams <= 0)
            {
                return 0;
            }
            // v = F / (F + F_half); raw = v x 1000 / fullScale x 4095.
            long raw = (long)grams * AdcMax * 1000 / (((long)grams + HalfDriveGrams) * FullScalePermilleOfDrive);
            return raw > AdcMax ? AdcMax : (int)raw;
        }
    }
}
