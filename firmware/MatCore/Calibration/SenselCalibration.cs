using Kiosk.Mat.Analysis;

namespace Kiosk.Mat.Calibration
{
    /// <summary>
    /// Turns a raw frame into load per sensel: the conductance law of the reading minus the law of the sensel's zero
    /// reading (the empty mat), times its gain (films differ 15-25% part to part), with masked sensels read as 0.
    /// Kept small for the device's heap: the zero as a raw reading and the gain as Q12 (4096 = 1) in 16 bits each, the
    /// mask shared with the self-test. A reading at or below its zero is 0 g without touching the law, so applying
    /// costs little beyond the sensels under a foot, and allocates nothing.
    /// </summary>
    public sealed class SenselCalibration
    {
        public const int UnityGainQ12 = 4096;

        /// <summary>The largest gain, Q12 (16x): a film that needs more is dead, not weak.</summary>
        public const int MaxGainQ12 = ushort.MaxValue;

        public readonly ConductanceLaw Law;

        /// <summary>Each sensel's reading on the empty mat (its zero), raw counts after crosstalk compensation.</summary>
        public readonly ushort[] ZeroRaw;

        /// <summary>Each sensel's gain, Q12.</summary>
        public readonly ushort[] GainQ12;

        /// <summary>Non-zero for a sensel left out (the self-test's <see cref="SelfTest.SenselStatus"/>, or dead by gain): read as 0.</summary>
        public readonly byte[] DeadMask;

        /// <summary>Readings at or above this are saturated (the ADC's linear range ends below full scale).</summary>
        public int SaturationRaw = ConductanceLaw.AdcMax - 2;

        /// <summary>Changes with every calibration, so a result can say which calibration made it.</summary>
        public int CalibrationId;

        /// <summary>Saturated readings in the last applied frame, and how the frame's health reads for the analysis.</summary>
        public readonly FrameHealth Health = new FrameHealth();

        /// <param name="deadMask">The mask to read sensels out by (the self-test's, shared); null: a mask of its own.</param>
        public SenselCalibration(int senselCount, ConductanceLaw law, byte[] deadMask)
        {
            if (deadMask != null && deadMask.Length != senselCount)
            {
                throw new System.ArgumentException("the mask must have one entry per sensel", "deadMask");
            }
            Law = law;
            ZeroRaw = new ushort[senselCount];
            GainQ12 = new ushort[senselCount];
            DeadMask = deadMask ?? new byte[senselCount];
            for (int i = 0; i < senselCount; i++)
            {
                GainQ12[i] = UnityGainQ12;
            }
            Health.DeadMask = DeadMask;
        }

        public SenselCalibration(int senselCount, ConductanceLaw law)
            : this(senselCount, law, null)
        {
        }

        /// <summary>Raw frame to grams; returns how many readings were saturated (also in <see cref="Health"/>).</summary>
        public int Apply(ushort[] raw, int[] loadGrams)
        {
            ushort[] zero = ZeroRaw;
            ushort[] gain = GainQ12;
            byte[] dead = DeadMask;
            ConductanceLaw law = Law;
            int saturation = SaturationRaw;
            int saturated = 0;
            int n = raw.Length;
            for (int i = 0; i < n; i++)
            {
                int reading = raw[i];
                int zeroReading = zero[i];
                if (reading <= zeroReading || dead[i] != 0)
                {
                    loadGrams[i] = 0;
                    continue;
                }
                if (reading >= saturation)
                {
                    saturated++;
                }
                int grams = (int)(((long)(law.GramsFor(reading) - law.GramsFor(zeroReading)) * gain[i]) >> 12);
                loadGrams[i] = grams > 0 ? grams : 0;
            }
            Health.SaturatedCount = saturated;
            return saturated;
        }

        /// <summary>Takes the empty mat's frame (best the mean of several) as every sensel's zero.</summary>
        public void CalibrateZero(ushort[] emptyRaw)
        {
            for (int i = 0; i < emptyRaw.Length; i++)
            {
                ZeroRaw[i] = emptyRaw[i] > ConductanceLaw.AdcMax ? (ushort)ConductanceLaw.AdcMax : emptyRaw[i];
            }
            CalibrationId++;
        }

        /// <summary>
        /// Scales every gain so a known weight reads right: measuredGrams is the frame the weight gave with the present
        /// calibration. Returns false (and changes nothing) when the weight did not register.
        /// </summary>
        public bool CalibrateGain(int[] measuredGrams, int knownGrams)
        {
            long measured = 0;
            for (int i = 0; i < measuredGrams.Length; i++)
            {
                measured += measuredGrams[i];
            }
            if (measured <= 0 || knownGrams <= 0)
            {
                return false;
            }
            for (int i = 0; i < GainQ12.Length; i++)
            {
                GainQ12[i] = Gain(GainQ12[i] * (long)knownGrams / measured);
            }
            CalibrationId++;
            return true;
        }

        /// <summary>
        /// Evens out the films: under a uniform pressure (a bladder or a flat plate) every working sensel should read
        /// the same, so each gain becomes mean / its own reading. Sensels that read nothing are marked dead.
        /// </summary>
        public int EqualiseGains(int[] uniformLoadGrams)
        {
            // Two passes: a broken sensel must not pull down the mean the others are evened to.
            long mean = MeanOfLive(uniformLoadGrams, 0);
            mean = MeanOfLive(uniformLoadGrams, mean / 10);
            if (mean <= 0)
            {
                return 0;
            }
            int dead = 0;
            for (int i = 0; i < uniformLoadGrams.Length; i++)
            {
                if (DeadMask[i] != 0)
                {
                    continue;
                }
                // Below a tenth of the mean the film or its wiring is broken, not merely weak.
                if (uniformLoadGrams[i] * 10L < mean)
                {
                    DeadMask[i] = SelfTest.SenselStatus.Dead;
                    dead++;
                    continue;
                }
                GainQ12[i] = Gain(GainQ12[i] * mean / uniformLoadGrams[i]);
            }
            CalibrationId++;
            return dead;
        }

        private static ushort Gain(long q12)
        {
            return q12 > MaxGainQ12 ? (ushort)MaxGainQ12 : q12 < 1 ? (ushort)1 : (ushort)q12;
        }

        private long MeanOfLive(int[] loadGrams, long floorGrams)
        {
            long sum = 0;
            int live = 0;
            for (int i = 0; i < loadGrams.Length; i++)
            {
                if (DeadMask[i] == 0 && loadGrams[i] > floorGrams)
                {
                    sum += loadGrams[i];
                    live++;
                }
            }
            return live == 0 ? 0 : sum / live;
        }
    }
}
