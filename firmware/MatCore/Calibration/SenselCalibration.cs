using Kiosk.Mat.Analysis;

namespace Kiosk.Mat.Calibration
{
    /// <summary>
    /// Turns a raw frame into load per sensel: the conductance law of the reading minus the law of the sensel's zero
    /// reading (the empty mat), times the mat's gain (a known weight sets it) and the sensel's film gain (films differ
    /// 15-25% part to part; the calibration board evens them out), with masked sensels read as 0.
    /// Kept small for the device's heap, a byte per sensel for each: the zero as a reading above the mat's lowest, the
    /// film gain as Q7 (128 = 1, 0.8% steps up to 2); the mask is shared with the self-test. A reading at or below
    /// its zero is 0 g without touching the law, so applying costs little beyond the sensels under a foot, and
    /// allocates nothing.
    /// </summary>
    public sealed class SenselCalibration
    {
        public const int UnityGainQ12 = 4096;
        public const int UnityFilmGainQ7 = 128;

        /// <summary>Above this share of the mat's lowest empty reading, a sensel's zero does not fit its byte: it is masked as stuck.</summary>
        public const int MaxZeroAboveBaseRaw = byte.MaxValue;

        public readonly ConductanceLaw Law;

        /// <summary>The lowest empty-mat reading of a working sensel, raw counts after crosstalk compensation.</summary>
        public int ZeroBaseRaw;

        /// <summary>Each sensel's empty-mat reading (its zero) above <see cref="ZeroBaseRaw"/>, raw counts.</summary>
        public readonly byte[] ZeroAboveBase;

        /// <summary>The mat's gain, Q12: a known weight on the mat sets it (<see cref="CalibrateGain"/>).</summary>
        public int MatGainQ12 = UnityGainQ12;

        /// <summary>Each sensel's film gain, Q7 (128 = 1): the calibration board sets them (<see cref="EqualiseGains"/>).</summary>
        public readonly byte[] FilmGainQ7;

        /// <summary>Non-zero for a sensel left out (the self-test's <see cref="SelfTest.SenselStatus"/>, or dead by gain): read as 0.</summary>
        public readonly byte[] DeadMask;

        /// <summary>
        /// A reading must exceed its zero by more than this to count as load, raw counts: the ADC's noise on the empty mat
        /// would otherwise put a few grams on half the sensels, inflating every frame and Result the device sends.
        /// </summary>
        public int NoiseFloorRaw;

        /// <summary>Readings at or above this are saturated (the ADC's linear range ends below full scale).</summary>
        public int SaturationRaw = ConductanceLaw.AdcMax - 2;

        // The noise floor of each column for the frame being applied (allocated once, for the mat's columns).
        private int[] _columnFloor;

        /// <summary>Changes with every calibration, so a result can say which calibration made it.</summary>
        public int CalibrationId;

        /// <summary>
        /// The last applied frame's load over every sensel, grams: what a known weight reads as (<see cref="CalibrateGain(long, int)"/>),
        /// without a frame of grams per sensel.
        /// </summary>
        public long FrameTotalGrams;

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
            ZeroAboveBase = new byte[senselCount];
            FilmGainQ7 = new byte[senselCount];
            DeadMask = deadMask ?? new byte[senselCount];
            for (int i = 0; i < senselCount; i++)
            {
                FilmGainQ7[i] = UnityFilmGainQ7;
            }
            Health.DeadMask = DeadMask;
        }

        public SenselCalibration(int senselCount, ConductanceLaw law)
            : this(senselCount, law, null)
        {
        }

        /// <summary>Raw frame (already compensated, or without crosstalk) to grams; returns how many readings were saturated.</summary>
        public int Apply(ushort[] raw, int[] loadGrams)
        {
            return Apply(raw, loadGrams, null, null, 1);
        }

        /// <summary>
        /// The device's frame path in one pass: a raw reading within the noise of the mat's lowest zero is no load at once
        /// (most of the mat, at a compare each); the others are corrected for crosstalk one by one
        /// (<paramref name="crosstalk"/>, after its <see cref="CrosstalkCompensation.BeginFrame"/>; null: none), checked
        /// against their own zero and a noise floor raised as much as the correction raises noise, and turned into
        /// grams into <paramref name="loaded"/> and, when given, the dense <paramref name="loadGrams"/> (one int per
        /// sensel: hosts and the device's calibration commands; the device's frame path passes null and keeps none).
        /// Returns how many readings were saturated (also in <see cref="Health"/>).
        /// </summary>
        public int Apply(ushort[] raw, int[] loadGrams, LoadedSensels loaded, CrosstalkCompensation crosstalk, int cols)
        {
            if (_columnFloor == null || _columnFloor.Length != cols)
            {
                _columnFloor = new int[cols];
            }
            int[] columnFloor = _columnFloor;
            for (int c = 0; c < cols; c++)
            {
                columnFloor[c] = ZeroBaseRaw + (crosstalk == null ? NoiseFloorRaw : NoiseFloorRaw * crosstalk.NoiseGainQ8[c] >> 8);
            }
            if (loaded != null)
            {
                loaded.Clear();
            }
            if (loadGrams != null)
            {
                // One native clear: the loop below then writes only the sensels that carry load.
                System.Array.Clear(loadGrams, 0, loadGrams.Length);
            }
            byte[] zero = ZeroAboveBase;
            byte[] film = FilmGainQ7;
            byte[] dead = DeadMask;
            ConductanceLaw law = Law;
            int zeroBase = ZeroBaseRaw;
            int quiet = zeroBase + NoiseFloorRaw;
            long matGain = MatGainQ12;
            int saturation = SaturationRaw;
            int saturated = 0;
            long total = 0;
            int n = raw.Length;
            int i = 0;
            while (i < n)
            {
                for (int col = 0; col < cols; col++, i++)
                {
                    int reading = raw[i];
                    // Most of the mat: one array read and a compare; the mask is looked at only above the noise.
                    if (reading <= quiet)
                    {
                        continue;
                    }
                    if (dead[i] != 0)
                    {
                        continue;
                    }
                    if (crosstalk != null)
                    {
                        reading = crosstalk.Compensate(reading, col);
                    }
                    int zeroReading = zero[i];
                    if (reading - columnFloor[col] <= zeroReading)
                    {
                        continue;
                    }
                    if (reading >= saturation)
                    {
                        saturated++;
                    }
                    long grams = (law.GramsFor(reading) - law.GramsFor(zeroReading + zeroBase)) * matGain * film[i] >> 19;
                    if (grams <= 0)
                    {
                        continue;
                    }
                    total += (int)grams;
                    if (loadGrams != null)
                    {
                        loadGrams[i] = (int)grams;
                    }
                    if (loaded != null)
                    {
                        loaded.Add(i, (int)grams);
                    }
                }
            }
            Health.SaturatedCount = saturated;
            FrameTotalGrams = total;
            return saturated;
        }

        /// <summary>
        /// Takes the empty mat's frame (best the mean of several) as every sensel's zero. A sensel reading more than
        /// <see cref="MaxZeroAboveBaseRaw"/> above the mat's lowest is masked as stuck (it would read as a foot).
        /// Returns how many were.
        /// </summary>
        public int CalibrateZero(ushort[] emptyRaw)
        {
            int lowest = ConductanceLaw.AdcMax;
            for (int i = 0; i < emptyRaw.Length; i++)
            {
                if (DeadMask[i] == 0 && emptyRaw[i] < lowest)
                {
                    lowest = emptyRaw[i];
                }
            }
            ZeroBaseRaw = lowest;
            int stuck = 0;
            for (int i = 0; i < emptyRaw.Length; i++)
            {
                int above = emptyRaw[i] - lowest;
                if (above > MaxZeroAboveBaseRaw)
                {
                    above = MaxZeroAboveBaseRaw;
                    if (DeadMask[i] == 0)
                    {
                        DeadMask[i] = (byte)SelfTest.SenselStatus.Stuck;
                        stuck++;
                    }
                }
                ZeroAboveBase[i] = (byte)(above < 0 ? 0 : above);
            }
            CalibrationId++;
            return stuck;
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
            return CalibrateGain(measured, knownGrams);
        }

        /// <summary>The same from the frame's total alone (the device's: <see cref="FrameTotalGrams"/> after applying the frame).</summary>
        public bool CalibrateGain(long measured, int knownGrams)
        {
            if (measured <= 0 || knownGrams <= 0)
            {
                return false;
            }
            long gain = MatGainQ12 * (long)knownGrams / measured;
            MatGainQ12 = gain > int.MaxValue / 256 ? int.MaxValue / 256 : gain < 1 ? 1 : (int)gain;
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
                    DeadMask[i] = (byte)SelfTest.SenselStatus.Dead;
                    dead++;
                    continue;
                }
                long film = FilmGainQ7[i] * mean / uniformLoadGrams[i];
                FilmGainQ7[i] = (byte)(film > byte.MaxValue ? byte.MaxValue : film < 1 ? 1 : film);
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
