using Kiosk.Mat.Calibration;
using Kiosk.Mat.Link;
using Kiosk.Mat.Protocol;
using Kiosk.Mat.Session;

namespace Kiosk.Esp32App.Link
{
    /// <summary>The display's commands as the app carries them out, on the frames the loop last scanned.</summary>
    public sealed class DeviceCommands : IMatCommands
    {
        private readonly SenselCalibration _calibration;
        private readonly SessionTracker _tracker;
        private readonly ushort[] _compensatedRaw;
        private readonly int[] _loadGrams;

        /// <param name="compensatedRaw">The loop's last raw frame after crosstalk compensation.</param>
        /// <param name="loadGrams">The loop's last calibrated frame.</param>
        public DeviceCommands(SenselCalibration calibration, SessionTracker tracker, ushort[] compensatedRaw, int[] loadGrams)
        {
            _calibration = calibration;
            _tracker = tracker;
            _compensatedRaw = compensatedRaw;
            _loadGrams = loadGrams;
        }

        public int CalibrateZero()
        {
            if (_tracker.State != SessionState.Empty)
            {
                return AckStatus.Busy;
            }
            _calibration.CalibrateZero(_compensatedRaw);
            return AckStatus.Ok;
        }

        public int CalibrateGain(int knownGrams)
        {
            return _calibration.CalibrateGain(_loadGrams, knownGrams) ? AckStatus.Ok : AckStatus.BadValue;
        }

        public int Reboot()
        {
            // The restart call (nanoFramework.Runtime.Native Power.RebootDevice) is not in the app's packages yet.
            return AckStatus.Busy;
        }
    }
}
