using Kiosk.Mat.Calibration;
using Kiosk.Mat.Scanning;

namespace Kiosk.Mat.Session
{
    /// <summary>
    /// One frame of the mat's data flow (DESIGN.md): scan -> crosstalk compensation -> calibration -> session tracker.
    /// <see cref="Device.MatDevice"/> runs it, on the ESP32 and in the virtual mat alike. Built for the interpreter:
    /// the scan sums the columns as it reads (what the compensation needs), one pass then drops every reading within
    /// the noise of the empty mat at a compare each and corrects and calibrates only the rest, and the tracker and the
    /// live frame work on that short list (<see cref="Loaded"/>), never on the whole mat.
    /// Every buffer is allocated at start-up; a step allocates nothing until a scan's analysis runs.
    /// </summary>
    public sealed class MatPipeline
    {
        public readonly ScanLoop Loop;

        /// <summary>Null: the readout has no crosstalk to take out (an ideal simulated grid).</summary>
        public readonly CrosstalkCompensation Crosstalk;
        public readonly SenselCalibration Calibration;
        public readonly SessionTracker Tracker;

        /// <summary>The last frame's loaded sensels and their grams, in index order.</summary>
        public readonly LoadedSensels Loaded;

        public MatPipeline(ScanLoop loop, CrosstalkCompensation crosstalk, SenselCalibration calibration, SessionTracker tracker)
        {
            Loop = loop;
            Crosstalk = crosstalk;
            Calibration = calibration;
            Tracker = tracker;
            Loaded = new LoadedSensels(LoadedSensels.CapacityFor(loop.Frame.Length), loop.Cols);
            loop.SumColumns = crosstalk != null;
        }

        /// <summary>Takes the crosstalk out of a raw frame of the scan loop's, in place.</summary>
        public ushort[] Compensate(ushort[] raw)
        {
            if (Crosstalk != null)
            {
                Crosstalk.Apply(raw, raw);
            }
            return raw;
        }

        /// <summary>
        /// Scans and calibrates one frame; steps the tracker unless <paramref name="mayStartScans"/> is false (a scan
        /// is held for a full outbox). True when a scan finished: its analysis is in <see cref="SessionTracker.Result"/>.
        /// </summary>
        public bool Step(int nowMs, bool mayStartScans)
        {
            ushort[] raw = Loop.ScanFrame();
            if (Crosstalk != null)
            {
                Crosstalk.BeginFrame(Loop.ColumnSums);
            }
            Calibration.Apply(raw, null, Loaded, Crosstalk, Loop.Cols);
            return mayStartScans && Tracker.Step(Loaded, nowMs, Calibration.Health);
        }

        /// <summary>
        /// The last scanned frame's grams per sensel, whole, into <paramref name="loadGrams"/>: for the calibration
        /// commands, which need every sensel (a board over the whole mat, a weight's total). The frame path keeps only
        /// <see cref="Loaded"/>.
        /// </summary>
        public int[] LastFrameGrams(int[] loadGrams)
        {
            Calibration.Apply(Loop.Frame, loadGrams, null, Crosstalk, Loop.Cols);
            return loadGrams;
        }

        /// <summary>The last scanned frame's load over the whole mat, grams (a known weight's reading), with no frame of grams kept.</summary>
        public long LastFrameTotalGrams()
        {
            Calibration.Apply(Loop.Frame, null, null, Crosstalk, Loop.Cols);
            return Calibration.FrameTotalGrams;
        }
    }
}
