using Kiosk.Mat.Analysis;

namespace Kiosk.Mat.Calibration
{
    /// <summary>
    /// Turns a raw frame into load per sensel: the conductance law's table, minus each sensel's zero (its load on the
    /// empty mat), times its gain (films differ 15-25% part to part), with dead or stuck sensels masked to 0.
    /// Gains are Q12 (4096 = 1). Applying allocates nothing and touches each sensel once.
    /// </summary>
    public sealed class SenselCalibration
    {
        public const int UnityGainQ12 = 4096;

        /// <summary>Readings this close to full scale are saturated: the load is larger than the table can tell.</summary>
        public const int SaturationMarginRaw = 2;

        public readonly ConductanceLaw Law;
        public readonly int[] ZeroGrams;
        public readonly int[] GainQ12;

        /// <summary>1 for a dead or stuck sensel (from the self-test or a technician), read as 0.</summary>
        public readonly byte[] DeadMask;

        /// <summary>Changes with every calibration, so a result can say which calibration made it.</summary>
        public int CalibrationId;

        /// <summary>Saturated readings in the last applied frame, and how the frame's health reads for the analysis.</summary>
        public readonly FrameHealth Health = new FrameHealth();

        public SenselCalibration(int senselCount, ConductanceLaw law)
        {
            Law = law;
            ZeroGrams = new int[senselCount];
            GainQ12 = new int[senselCount];
            DeadMask = new byte[senselCount];
            for (int i = 0; i < senselCount; i++)
            {
                GainQ12[i] = UnityGainQ12;
            }
            Health.DeadMask = DeadMask;
        }

        /// <summary>Raw frame to grams; returns how many readings were saturated (also in <see cref="Health"/>).</summary>
        public int Apply(ushort[] raw, int[] loadGrams)
        {
            int[] table = Law.GramsByRaw;
            int saturated = 0;
            int saturation = ConductanceLaw.AdcMax - SaturationMarginRaw;
            for (int i = 0; i < raw.Length; i++)
            {
                int reading = raw[i];
                if (reading > ConductanceLaw.AdcMax)
                {
                    reading = ConductanceLaw.AdcMax;
                }
                if (DeadMask[i] != 0)
                {
                    loadGrams[i] = 0;
                    continue;
                }
                if (reading >= saturation)
                {
                    saturated++;
                }
                int grams = (int)(((long)(table[reading] - ZeroGrams[i]) * GainQ12[i]) >> 12);
                loadGrams[i] = grams > 0 ? grams : 0;
            }
            Health.SaturatedCount = saturated;
            return saturated;
        }

        /// <summary>Takes the empty mat's frame (best the mean of several) as every sensel's zero.</summary>
        public void CalibrateZero(ushort[] emptyRaw)
        {
            int[] table = Law.GramsByRaw;
            for (int i = 0; i < emptyRaw.Length; i++)
            {
                int reading = emptyRaw[i] > ConductanceLaw.AdcMax ? ConductanceLaw.AdcMax : emptyRaw[i];
                ZeroGrams[i] = table[reading];
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
                long gain = GainQ12[i] * (long)knownGrams / measured;
                GainQ12[i] = gain > int.MaxValue ? int.MaxValue : (int)gain;
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
                // Below a tenth of the mean the film or its wiring is broken, not merely weak.
                if (uniformLoadGrams[i] * 10L < mean)
                {
                    DeadMask[i] = 1;
                    dead++;
                    continue;
                }
                GainQ12[i] = (int)(GainQ12[i] * mean / uniformLoadGrams[i]);
            }
            CalibrationId++;
            return dead;
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
