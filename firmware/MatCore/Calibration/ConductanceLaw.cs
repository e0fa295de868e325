namespace Kiosk.Mat.Calibration
{
    /// <summary>
    /// Raw 12-bit ADC reading to load on a nominal sensel. The film's conductance rises about linearly with force
    /// (G = F / (R_half x F_half): at F_half grams the sensel's resistance equals the divider's), and the sensel and
    /// the column's divider resistor R_d form a voltage divider read by the ADC: v = Rd G / (1 + Rd G), so
    /// F = F_half x v / (1 - v), with v the column voltage over the row drive voltage. Computed per reading, with one
    /// division, instead of a 4,096-entry table: on the device the table took 16 KB of heap, and only the sensels
    /// under a foot need the law.
    /// </summary>
    public sealed class ConductanceLaw
    {
        public const int AdcMax = 4095;

        /// <summary>The largest load the law reports, grams: readings at or past the drive voltage.</summary>
        public const int MaxGrams = int.MaxValue / 8;

        private const long Whole = AdcMax * 1000L;

        /// <summary>Load at which a nominal sensel's resistance equals the divider resistor, grams.</summary>
        public readonly int HalfDriveGrams;

        /// <summary>ADC full-scale voltage over the row drive voltage, per thousand (<see cref="ReadoutCircuit.FullScalePermilleOfDrive"/>).</summary>
        public readonly int FullScalePermilleOfDrive;

        public ConductanceLaw(int halfDriveGrams, int fullScalePermilleOfDrive)
        {
            if (halfDriveGrams <= 0 || fullScalePermilleOfDrive <= 0 || fullScalePermilleOfDrive > 1000)
            {
                throw new System.ArgumentOutOfRangeException("halfDriveGrams", "the law needs a positive load and a full scale of 1..1000 per thousand of the drive");
            }
            HalfDriveGrams = halfDriveGrams;
            FullScalePermilleOfDrive = fullScalePermilleOfDrive;
        }

        /// <summary>The load a nominal sensel carries at this reading, grams; monotonic in the reading, 0 at 0.</summary>
        public int GramsFor(int raw)
        {
            if (raw <= 0)
            {
                return 0;
            }
            // v = raw / 4095 x fullScale / 1000, in parts of 4095 x 1000.
            long v = (long)(raw > AdcMax ? AdcMax : raw) * FullScalePermilleOfDrive;
            long rest = Whole - v;
            if (rest <= 0)
            {
                return MaxGrams;
            }
            long grams = HalfDriveGrams * v / rest;
            return grams > MaxGrams ? MaxGrams : (int)grams;
        }

        /// <summary>The raw reading a nominal sensel gives under a load, the inverse of <see cref="GramsFor"/> (for simulation and tests).</summary>
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
