using Kiosk.Mat.Calibration;
using Kiosk.Mat.Scanning;

namespace Kiosk.Mat.Session
{
    /// <summary>
    /// One frame of the mat's data flow (DESIGN.md): scan -> crosstalk compensation -> calibration -> session tracker.
    /// The ESP32 app and the virtual mat both run it, so the simulator exercises the device's own frame path.
    /// Every buffer is allocated at start-up; a step allocates nothing until a scan's analysis runs.
    /// </summary>
    public sealed class MatPipeline
    {
        public readonly ScanLoop Loop;

        /// <summary>Null: the readout has no crosstalk to take out (an ideal simulated grid).</summary>
        public readonly CrosstalkCompensation Crosstalk;
        public readonly SenselCalibration Calibration;
        public readonly SessionTracker Tracker;

        /// <summary>The last frame after compensation (raw counts) and after calibration (grams).</summary>
        public readonly ushort[] CompensatedRaw;
        public readonly int[] LoadGrams;

        public MatPipeline(ScanLoop loop, CrosstalkCompensation crosstalk, SenselCalibration calibration, ushort[] compensatedRaw, SessionTracker tracker)
        {
            Loop = loop;
            Crosstalk = crosstalk;
            Calibration = calibration;
            CompensatedRaw = compensatedRaw;
            Tracker = tracker;
            LoadGrams = new int[compensatedRaw.Length];
        }

        /// <summary>Scans one frame into <see cref="CompensatedRaw"/> (the counts calibration works on) and returns it.</summary>
        public ushort[] ScanCompensated()
        {
            ushort[] raw = Loop.ScanFrame();
            if (Crosstalk == null)
            {
                System.Array.Copy(raw, CompensatedRaw, CompensatedRaw.Length);
            }
            else
            {
                Crosstalk.Apply(raw, CompensatedRaw);
            }
            return CompensatedRaw;
        }

        /// <summary>
        /// Scans and calibrates one frame; steps the tracker unless <paramref name="mayStartScans"/> is false (a scan
        /// is held for a full outbox). True when a scan finished: its analysis is in <see cref="SessionTracker.Result"/>.
        /// </summary>
        public bool Step(int nowMs, bool mayStartScans)
        {
            Calibration.Apply(ScanCompensated(), LoadGrams);
            return mayStartScans && Tracker.Step(LoadGrams, nowMs, Calibration.Health);
        }
    }
}
