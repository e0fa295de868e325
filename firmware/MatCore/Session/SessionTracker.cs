using Kiosk.Mat.Analysis;
using Kiosk.Mat.Arithmetic;
using Kiosk.Mat.Calibration;
using Kiosk.Mat.Geometry;

namespace Kiosk.Mat.Session
{
    /// <summary>
    /// Follows a shopper from stepping on to stepping off. Per frame it does only what is cheap, and only over the
    /// sensels that carry load (<see cref="LoadedSensels"/>): the total load and the centre of pressure of those in
    /// contact, the state, and adding them to the window's sum, itself a list of the sensels loaded in the window
    /// (<see cref="WindowSum"/>: on the device half the heap of one int per sensel). Once the shopper has stood still for
    /// the window, it runs the full analysis once, on the mean of the window's frames, and adds the sway over the window
    /// (centre-of-pressure path length and 95% prediction ellipse area). Every buffer is allocated here, so stepping allocates nothing.
    /// </summary>
    public sealed class SessionTracker
    {
        private readonly MatGeometry _geometry;
        private readonly SessionSettings _settings;
        private readonly FootAnalyzer _analyzer;
        private readonly int _contactGrams;
        private readonly LoadedSensels _windowSum;
        private LoadedSensels _denseFrame;
        private readonly FrameHealth _captureHealth = new FrameHealth();
        private readonly ScanAnalysis _result = new ScanAnalysis();

        private int _stateSinceMs;
        private int _belowPresenceSinceMs = -1;
        private int _captureStartMs;
        private int _captureFrames;
        private int _captureLoadGrams;
        private int _captureCopX;
        private int _captureCopY;
        private int _capturedLoadGrams;
        private int _maxSaturated;
        private long _copSumX;
        private long _copSumY;
        private long _copSumXX;
        private long _copSumYY;
        private long _copSumXY;
        private long _copPathMmX10;
        private int _lastCopX;
        private int _lastCopY;

        /// <summary>A tracker whose window may load the whole mat (hosts, which step dense frames).</summary>
        public SessionTracker(MatGeometry geometry, SessionSettings settings, FootAnalyzer analyzer)
            : this(geometry, settings, analyzer, geometry.SenselCount)
        {
        }

        /// <param name="windowSensels">
        /// The most sensels the still window may load in all (the device passes <see cref="LoadedSensels.WindowCapacityFor"/>):
        /// a window that loads more has not stood still, and starts again.
        /// </param>
        public SessionTracker(MatGeometry geometry, SessionSettings settings, FootAnalyzer analyzer, int windowSensels)
        {
            _geometry = geometry;
            _settings = settings ?? new SessionSettings();
            _analyzer = analyzer ?? new FootAnalyzer(geometry, null);
            _contactGrams = _analyzer.ContactGrams;
            _windowSum = new LoadedSensels(windowSensels, geometry.Cols);
            State = SessionState.Empty;
        }

        public SessionState State;

        /// <summary>This frame's load on the sensels in contact, grams.</summary>
        public int TotalLoadGrams;

        /// <summary>This frame's centre of pressure, mm x 10 from the mat's left and front edges (0 when empty).</summary>
        public int CopXMmX10;
        public int CopYMmX10;

        /// <summary>How long the shopper has stood still so far, ms (for a countdown).</summary>
        public int StillForMs;

        /// <summary>The last scan's analysis; valid from the frame <see cref="Step"/> returned true until the next one.</summary>
        public ScanAnalysis Result { get { return _result; } }

        /// <summary>
        /// The still window's frames summed, grams per sensel loaded in the window, in index order: the summed frame a
        /// Result carries. Valid with <see cref="Result"/>, until the next capture starts.
        /// </summary>
        public LoadedSensels WindowSum { get { return _windowSum; } }

        /// <summary>Counts scans, so a reader can tell a new result from the last.</summary>
        public int ScanCount;

        public int StillWindowMs { get { return _settings.StillWindowMs; } }

        /// <summary>The analysis each scan runs (its buffers are the tracker's largest).</summary>
        public FootAnalyzer Analyzer { get { return _analyzer; } }

        /// <summary>
        /// Takes one calibrated frame (grams per sensel) at a time in ms from any fixed start (wrapping is fine).
        /// Returns true on the frame whose capture completed: the scan is in <see cref="Result"/>.
        /// </summary>
        public bool Step(int[] loadGrams, int elapsedMs, FrameHealth health)
        {
            // A host's dense frame: its loaded sensels first (a list as large as the window's sum; the device passes its own).
            if (_denseFrame == null)
            {
                _denseFrame = new LoadedSensels(_windowSum.Index.Length, _geometry.Cols);
            }
            _denseFrame.FillFrom(loadGrams);
            return Step(_denseFrame, elapsedMs, health);
        }

        /// <summary>The device's step: this frame's loaded sensels (<see cref="LoadedSensels"/>), never the whole mat.</summary>
        public bool Step(LoadedSensels loaded, int elapsedMs, FrameHealth health)
        {
            MeasureFrame(loaded);
            int load = TotalLoadGrams;
            bool present = load >= _settings.PresenceGrams;
            if (present)
            {
                _belowPresenceSinceMs = -1;
            }
            else if (_belowPresenceSinceMs < 0)
            {
                _belowPresenceSinceMs = elapsedMs;
            }
            bool gone = !present && elapsedMs - _belowPresenceSinceMs >= _settings.EmptyHoldMs;

            switch (State)
            {
                case SessionState.Empty:
                    if (present)
                    {
                        Enter(SessionState.Stepping, elapsedMs);
                    }
                    break;
                case SessionState.Stepping:
                    if (gone)
                    {
                        Enter(SessionState.Empty, elapsedMs);
                    }
                    else if (present && elapsedMs - _stateSinceMs >= _settings.StepOnMs)
                    {
                        StartCapture(loaded, elapsedMs, health);
                    }
                    break;
                case SessionState.Settling:
                case SessionState.Capturing:
                    if (gone)
                    {
                        Enter(SessionState.Empty, elapsedMs);
                    }
                    else if (!present || !IsStill() || loaded.Overflowed || !_windowSum.Accumulate(loaded))
                    {
                        // An overflowed frame (more of the mat loaded than a standing shopper loads) is never still, nor
                        // is a window that has loaded more sensels in all than its sum holds.
                        StartCapture(loaded, elapsedMs, health);
                    }
                    else
                    {
                        CountCaptureFrame(health);
                        State = SessionState.Capturing;
                        StillForMs = elapsedMs - _captureStartMs;
                        if (StillForMs >= _settings.StillWindowMs && _captureFrames >= _settings.MinFrames)
                        {
                            Analyse();
                            Enter(SessionState.Done, elapsedMs);
                            return true;
                        }
                    }
                    break;
                case SessionState.Done:
                    if ((long)load * 1000 < (long)_capturedLoadGrams * _settings.LeavingPermille)
                    {
                        Enter(SessionState.Leaving, elapsedMs);
                    }
                    break;
                case SessionState.Leaving:
                    if (gone)
                    {
                        Enter(SessionState.Empty, elapsedMs);
                    }
                    else if ((long)load * 1000 >= (long)_capturedLoadGrams * _settings.LeavingPermille)
                    {
                        State = SessionState.Done;
                    }
                    break;
            }
            return false;
        }

        /// <summary>Total load and centre of pressure of the sensels in contact.</summary>
        private void MeasureFrame(LoadedSensels loaded)
        {
            int cols = _geometry.Cols;
            int contact = _contactGrams;
            ushort[] indices = loaded.Index;
            int[] loads = loaded.Grams;
            int count = loaded.Count;
            long total = 0;
            long momentRow = 0;
            long momentCol = 0;
            for (int k = 0; k < count; k++)
            {
                int grams = loads[k];
                if (grams >= contact)
                {
                    int index = indices[k];
                    int row = index / cols;
                    total += grams;
                    momentRow += (long)grams * row;
                    momentCol += (long)grams * (index - row * cols);
                }
            }
            TotalLoadGrams = (int)total;
            if (total == 0)
            {
                CopXMmX10 = 0;
                CopYMmX10 = 0;
                return;
            }
            // Centre of sensel c is (c + 0.5) x pitch; in mm x 10 that is (2c + 1) x pitchUm / 200.
            long pitchUm = _geometry.PitchUm;
            CopXMmX10 = (int)IntMath.DivRound((2 * momentCol + total) * pitchUm, total * 200);
            CopYMmX10 = (int)IntMath.DivRound((2 * momentRow + total) * pitchUm, total * 200);
        }

        private bool IsStill()
        {
            long loadDeviation = IntMath.Abs((long)TotalLoadGrams - _captureLoadGrams) * 1000;
            if (loadDeviation > (long)_captureLoadGrams * _settings.LoadTolerancePermille)
            {
                return false;
            }
            long dx = CopXMmX10 - _captureCopX;
            long dy = CopYMmX10 - _captureCopY;
            long tolerance = _settings.CopToleranceMm * 10L;
            return dx * dx + dy * dy <= tolerance * tolerance;
        }

        private void StartCapture(LoadedSensels loaded, int elapsedMs, FrameHealth health)
        {
            Enter(SessionState.Settling, elapsedMs);
            _captureStartMs = elapsedMs;
            _captureLoadGrams = TotalLoadGrams;
            _captureCopX = CopXMmX10;
            _captureCopY = CopYMmX10;
            _captureFrames = 0;
            _maxSaturated = 0;
            _copSumX = 0;
            _copSumY = 0;
            _copSumXX = 0;
            _copSumYY = 0;
            _copSumXY = 0;
            _copPathMmX10 = 0;
            StillForMs = 0;
            _lastCopX = CopXMmX10;
            _lastCopY = CopYMmX10;
            // The first frame of a capture is its sum.
            _windowSum.CopyFrom(loaded);
            CountCaptureFrame(health);
        }

        /// <summary>The per-frame bookkeeping of a capture besides the sum: frames, saturation, sway.</summary>
        private void CountCaptureFrame(FrameHealth health)
        {
            _captureFrames++;
            if (health != null && health.SaturatedCount > _maxSaturated)
            {
                _maxSaturated = health.SaturatedCount;
            }
            _captureHealth.DeadMask = health == null ? null : health.DeadMask;
            long x = CopXMmX10;
            long y = CopYMmX10;
            _copSumX += x;
            _copSumY += y;
            _copSumXX += x * x;
            _copSumYY += y * y;
            _copSumXY += x * y;
            long dx = x - _lastCopX;
            long dy = y - _lastCopY;
            _copPathMmX10 += IntMath.Isqrt(dx * dx + dy * dy);
            _lastCopX = CopXMmX10;
            _lastCopY = CopYMmX10;
        }

        /// <summary>The analysis of the window's mean, which it reads from the window's sum in place (it keeps no copy).</summary>
        private void Analyse()
        {
            int frames = _captureFrames;
            _captureHealth.SaturatedCount = _maxSaturated;
            _analyzer.Analyze(_windowSum, frames, _captureHealth, _result);
            _result.FrameCount = frames;
            _result.WindowMs = StillForMs;
            _result.SwayPathMmX10 = (int)_copPathMmX10;
            _result.SwayEllipseMm2 = SwayEllipse.PredictionAreaMm2(frames, _copSumX, _copSumY, _copSumXX, _copSumYY, _copSumXY);
            _capturedLoadGrams = TotalLoadGrams;
            ScanCount++;
        }

        private void Enter(SessionState state, int elapsedMs)
        {
            State = state;
            _stateSinceMs = elapsedMs;
            if (state != SessionState.Capturing && state != SessionState.Settling)
            {
                StillForMs = 0;
            }
        }
    }
}
