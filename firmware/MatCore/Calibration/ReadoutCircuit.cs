using Kiosk.Mat.Geometry;

namespace Kiosk.Mat.Calibration
{
    /// <summary>
    /// The analogue readout's constants the calibration and the crosstalk compensation need: the row drive, the ADC's
    /// full scale, the divider (board.txt: <c>divider_ohm</c>, <c>divider_placement</c>), the multiplexer's
    /// on-resistance and the film's half-drive load. The device and the virtual mat build their conductance law and
    /// compensation from the same object.
    /// </summary>
    public sealed class ReadoutCircuit
    {
        public const int DefaultDriveMv = 3300;

        /// <summary>
        /// The ESP32's ADC at 11 dB attenuation (nanoFramework's only setting): raw 4095 is reached at about the supply,
        /// ~3.1 V (ESP-IDF ADC docs; shared/NANOFRAMEWORK.md section 12), not at 2450 mV, which is only the top of the
        /// range where the reading is linear and accurate (150-2450 mV).
        /// </summary>
        public const int DefaultAdcFullScaleMv = 3100;

        /// <summary>Top of the ADC's accurate range at 11 dB, mV: readings above it are compressed, so they count as saturated.</summary>
        public const int LinearTopMv = 2450;

        /// <summary>Load at which a nominal sensel matches the divider, grams (the film's datasheet point, to be measured).</summary>
        public const int DefaultHalfDriveGrams = 1000;

        /// <summary>CD74HC4067 on-resistance at 3.3 V (about 70 ohm at 4.5 V, more at 3.3 V).</summary>
        public const int DefaultMuxOnOhms = 100;

        /// <summary>
        /// The ADC's noise, raw counts (one standard deviation): the ESP32's ADC gives 9-10 effective bits of 12, so a few
        /// counts. Four of them above a sensel's zero is the least the calibration takes as load (three would still let about one sensel a frame through on a 48 x 48 mat).
        /// </summary>
        public const int DefaultAdcNoiseRaw = 4;

        public readonly int DriveMv;
        public readonly int AdcFullScaleMv;
        public readonly int HalfDriveGrams;
        public readonly int DividerOhms;

        /// <summary>True: a divider on every column line (the boards in hardware/), so the multiplexer carries no divider current.</summary>
        public readonly bool DividerPerColumn;
        public readonly int MuxOnOhms;

        /// <summary>The ADC's noise, raw counts (one standard deviation).</summary>
        public int AdcNoiseRaw = DefaultAdcNoiseRaw;

        public ReadoutCircuit(int driveMv, int adcFullScaleMv, int halfDriveGrams, int dividerOhms, bool dividerPerColumn, int muxOnOhms)
        {
            if (driveMv <= 0 || adcFullScaleMv <= 0 || adcFullScaleMv > driveMv || halfDriveGrams <= 0 || dividerOhms <= 0 || muxOnOhms < 0)
            {
                throw new System.ArgumentOutOfRangeException("adcFullScaleMv", "positive drive, full scale at most the drive, positive half-drive load and divider");
            }
            DriveMv = driveMv;
            AdcFullScaleMv = adcFullScaleMv;
            HalfDriveGrams = halfDriveGrams;
            DividerOhms = dividerOhms;
            DividerPerColumn = dividerPerColumn;
            MuxOnOhms = muxOnOhms;
        }

        /// <summary>The hardware/ boards' readout with DESIGN.md's values, the divider as board.txt gives it.</summary>
        public static ReadoutCircuit ForBoard(int dividerOhms, bool dividerPerColumn)
        {
            return new ReadoutCircuit(DefaultDriveMv, DefaultAdcFullScaleMv, DefaultHalfDriveGrams, dividerOhms, dividerPerColumn, DefaultMuxOnOhms);
        }

        /// <summary>ADC full scale over the row drive, per thousand (939 with the defaults).</summary>
        public int FullScalePermilleOfDrive
        {
            get { return (int)(((long)AdcFullScaleMv * 1000 + DriveMv / 2) / DriveMv); }
        }

        /// <summary>The raw reading at the top of the ADC's accurate range (3236 with the defaults).</summary>
        public int LinearTopRaw
        {
            get { int raw = (int)((long)LinearTopMv * ConductanceLaw.AdcMax / AdcFullScaleMv); return raw > ConductanceLaw.AdcMax ? ConductanceLaw.AdcMax : raw; }
        }

        /// <summary>Readings within four noise deviations of a sensel's zero are no load.</summary>
        public int NoiseFloorRaw { get { return 4 * AdcNoiseRaw; } }

        /// <summary>On-resistance in series with the divider: none when the divider sits on the column line.</summary>
        public int ReadPathOnOhms { get { return DividerPerColumn ? 0 : MuxOnOhms; } }

        public ConductanceLaw Law()
        {
            return new ConductanceLaw(HalfDriveGrams, FullScalePermilleOfDrive);
        }

        public CrosstalkCompensation Compensation(MatGeometry geometry)
        {
            return new CrosstalkCompensation(geometry, FullScalePermilleOfDrive, DividerOhms, ReadPathOnOhms);
        }
    }
}
