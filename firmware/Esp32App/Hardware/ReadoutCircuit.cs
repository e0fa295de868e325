using Kiosk.Mat.Calibration;
using Kiosk.Mat.Config;
using Kiosk.Mat.Geometry;

namespace Kiosk.Esp32App.Hardware
{
    /// <summary>
    /// The analogue readout's constants the calibration and the crosstalk compensation need: the divider from
    /// board.txt (<c>divider_ohm</c>, <c>divider_placement</c>, read and checked by <see cref="BoardConfig"/>), the rest from DESIGN.md's
    /// hardware facts until the calibration guide measures them.
    /// </summary>
    public static class ReadoutCircuit
    {
        /// <summary>ADC full scale at 11 dB (~2450 mV) over the 3.3 V row drive, per thousand.</summary>
        public const int FullScalePermilleOfDrive = 742;

        /// <summary>Load at which a nominal sensel matches the divider, grams (the film's datasheet point, to be measured).</summary>
        public const int HalfDriveGrams = 1000;

        /// <summary>CD74HC4067 on-resistance at 3.3 V (about 70 ohm at 4.5 V, more at 3.3 V).</summary>
        public const int MuxOnOhms = 100;

        public static ConductanceLaw Law()
        {
            return new ConductanceLaw(HalfDriveGrams, FullScalePermilleOfDrive);
        }

        public static CrosstalkCompensation Compensation(MatGeometry geometry, BoardConfig board)
        {
            // A divider on every column line carries the current itself; the multiplexer only feeds the ADC input.
            return new CrosstalkCompensation(geometry, FullScalePermilleOfDrive, board.DividerOhms, board.DividerPerColumn ? 0 : MuxOnOhms);
        }
    }
}
