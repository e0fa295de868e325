using Kiosk.Mat.Analysis;
using Kiosk.Mat.Calibration;
using Kiosk.Mat.Geometry;
using Kiosk.Mat.Link;
using Kiosk.Mat.Protocol;
using Kiosk.Mat.Scanning;
using Kiosk.Mat.SelfTest;
using Kiosk.Mat.Session;

namespace Kiosk.Mat.Device
{
    /// <summary>
    /// The mat's firmware behind its hardware seams: power-on (self-test, zero, dead-sensel mask, Hello), then one
    /// <see cref="Tick"/> per frame: scan, compensate, calibrate, follow the shopper, queue each scan's result until
    /// the display acknowledges it, pace live frames and status, redial the display with backoff, and carry out the
    /// display's commands (zero, gain, reboot). The ESP32 app wraps it in pins, Wi-Fi, the LED and the screen; the
    /// virtual mat in a simulated grid, a clock and a transport; the device tests in a fake grid and a display in
    /// memory. Everything is allocated in the constructor (but the calibration board's frame, <see cref="EqualiseGains"/>): a
    /// tick allocates nothing until a scan's analysis runs.
    /// </summary>
    public sealed class MatDevice : IMatCommands
    {
        private const int RateWindowFrames = 16;

        public readonly MatGeometry Geometry;
        public readonly ScanLoop Loop;
        public readonly ReadoutCircuit Readout;
        public readonly MatPipeline Pipeline;
        public readonly SenselCalibration Calibration;
        public readonly SessionTracker Tracker;
        public readonly MatSelfTest SelfTest;
        public readonly MatLinkSession Link;
        public readonly ResultCounters Counters;

        private readonly MatDeviceSettings _settings;
        private readonly ILinkDialer _dialer;

        private bool _poweredOn;
        private int _powerOnMs;
        private int _nextDialMs;
        private int _dialWaitMs;
        private int _nextStatusMs;
        private int _lastLiveFrameMs;
        private bool _lastFrameLoaded;
        private int _framesInWindow;
        private int _windowStartMs;

        /// <summary>Scans finished since power-on; <see cref="ScanFinished"/> is true on the tick that finished one.</summary>
        public int Scans;
        public bool ScanFinished;

        /// <summary>Frames per second x 10, measured over the last 16 ticks.</summary>
        public int FrameRateX10;

        /// <summary>Set by the app before a tick, for Status: free managed memory, Wi-Fi signal (0: not on Wi-Fi).</summary>
        public uint FreeMemoryBytes;
        public int RssiDbm = StatusMessage.RssiNone;

        /// <summary>The Wi-Fi the link runs over, or null: when set, Status carries its signal instead of <see cref="RssiDbm"/>.</summary>
        public WifiJoining Wifi;

        /// <summary>The display asked for a restart and has had its ack: the app restarts after this tick.</summary>
        public bool RebootRequested;

        /// <summary>Told before every live frame goes out; null for none.</summary>
        public ILiveFrameListener FrameListener;

        /// <param name="loop">The scan loop over this mat's row driver and column reader.</param>
        /// <param name="counters">Keeps result ids unique across restarts.</param>
        /// <param name="dialer">Opens links to the display; null: the mat has no link (it scans and shows its state only).</param>
        public MatDevice(MatGeometry geometry, ScanLoop loop, ReadoutCircuit readout, MatDeviceSettings settings, ResultCounters counters, ILinkDialer dialer)
        {
            if (geometry == null || loop == null || readout == null || settings == null || counters == null)
            {
                throw new System.ArgumentNullException("geometry/loop/readout/settings/counters");
            }
            Geometry = geometry;
            Loop = loop;
            Readout = readout;
            Counters = counters;
            _settings = settings;
            _dialer = dialer;
            int sensels = geometry.SenselCount;
            SelfTest = new MatSelfTest(geometry, new SelfTestLimits());
            // One mask for the self-test, the calibration and the sensel map.
            Calibration = new SenselCalibration(sensels, readout.Law(), SelfTest.Mask);
            Calibration.SaturationRaw = readout.LinearTopRaw;
            Calibration.NoiseFloorRaw = readout.NoiseFloorRaw;
            Tracker = new SessionTracker(geometry, settings.Session, new FootAnalyzer(geometry, settings.Analysis), LoadedSensels.WindowCapacityFor(sensels));
            Pipeline = new MatPipeline(loop, settings.CompensateCrosstalk ? readout.Compensation(geometry) : null, Calibration, Tracker);
            int outboxBytes = settings.OutboxBytes > 0 ? settings.OutboxBytes : MatLinkSession.PayloadBytesFor(sensels);
            Link = new MatLinkSession(settings.DeviceId, geometry, new ResultOutbox(settings.OutboxResults, outboxBytes),
                counters.First, settings.PairingKey, MatLinkSession.PayloadBytesFor(sensels));
            Link.Commands = this;
        }

        /// <summary>
        /// What the LED and the screen should show: <see cref="DeviceState.SensorFault"/> when the self-test masked
        /// sensels or lines, <see cref="DeviceState.NoDisplay"/> while a configured link is not paired, else running.
        /// </summary>
        public DeviceState State
        {
            get
            {
                if (!_poweredOn)
                {
                    return DeviceState.Booting;
                }
                if (!SelfTest.Passed || MaskedSensels > 0)
                {
                    return DeviceState.SensorFault;
                }
                return _dialer != null && !Link.Paired ? DeviceState.NoDisplay : DeviceState.Running;
            }
        }

        /// <summary>Sensels the shared mask leaves out: the self-test's, and those the zero or the gains found stuck or dead.</summary>
        public int MaskedSensels;

        private void CountMaskedSensels()
        {
            byte[] mask = SelfTest.Mask;
            int masked = 0;
            for (int i = 0; i < mask.Length; i++)
            {
                masked += mask[i] != 0 ? 1 : 0;
            }
            MaskedSensels = masked;
        }

        /// <summary>The wait before the next dial while unlinked, ms (it doubles after each failed attempt).</summary>
        public int DialWaitMs { get { return _dialWaitMs; } }

        /// <summary>Power-on on the empty mat: self-test (which fills the shared mask), zero, then the Hello's calibration id.</summary>
        public void PowerOn(int nowMs)
        {
            ushort[] raw = Loop.ScanFrame();
            SelfTest.Run(raw);
            Calibration.CalibrateZero(Pipeline.Compensate(raw));
            Link.SenselMask = SelfTest.Mask;
            CountMaskedSensels();
            Link.Hello.CalibrationId = (uint)Calibration.CalibrationId;
            _poweredOn = true;
            _powerOnMs = nowMs;
            _nextDialMs = nowMs;
            _dialWaitMs = _settings.ReconnectFirstMs;
            _nextStatusMs = nowMs;
            _windowStartMs = nowMs;
            _framesInWindow = 0;
        }

        /// <summary>
        /// The technician's calibration board lies evenly on the whole mat: each film's gain is evened out to the mat's
        /// mean, and sensels that do not respond are masked. Returns how many were. The board loads every sensel, so
        /// it needs a whole frame of grams: a technician's rare command on a mat no one stands on takes one for itself
        /// (9.2 KB at 48 x 48, gone after it) rather than the device keep one for its whole life.
        /// </summary>
        public int EqualiseGains()
        {
            ScanForCommand();
            int dead = Calibration.EqualiseGains(Pipeline.LastFrameGrams(new int[Geometry.SenselCount]));
            Link.Hello.CalibrationId = (uint)Calibration.CalibrationId;
            CountMaskedSensels();
            return dead;
        }

        /// <summary>
        /// A command's own frame: the raw frame is the tick's only up to its calibration (the analysis may borrow it after
        /// that: <see cref="ScanLoop.Frame"/>), so a command that comes in with the link's poll reads a new one.
        /// </summary>
        private ushort[] ScanForCommand()
        {
            ushort[] raw = Loop.ScanFrame();
            if (Pipeline.Crosstalk != null)
            {
                Pipeline.Crosstalk.BeginFrame(Loop.ColumnSums);
            }
            return raw;
        }

        /// <summary>One frame, at <paramref name="nowMs"/> of a millisecond clock that may wrap (uptime).</summary>
        public void Tick(int nowMs)
        {
            if (!_poweredOn)
            {
                throw new System.InvalidOperationException("PowerOn first");
            }
            DialIfUnlinked(nowMs);

            // A full outbox holds the finished scan: no new scan starts until it is taken (docs/protocol.md). The tracker
            // does not step meanwhile, so its result and the window's sum stay as they were, and the scan is offered again.
            if (Link.HoldingResult)
            {
                Link.QueueResult(Tracker.Result, Tracker.WindowSum, nowMs);
            }
            ScanFinished = Pipeline.Step(nowMs, !Link.HoldingResult);
            if (ScanFinished)
            {
                Scans++;
                Link.QueueResult(Tracker.Result, Tracker.WindowSum, nowMs);
                Counters.Reserve(Link.NextResultCounter);
            }
            SendLiveFrame(nowMs);
            if (nowMs - _nextStatusMs >= 0 && Link.Connected)
            {
                SendStatus(nowMs);
                _nextStatusMs = nowMs + _settings.StatusEveryMs;
            }
            Link.Poll(nowMs);
            if (Link.Paired)
            {
                _dialWaitMs = _settings.ReconnectFirstMs;
            }
            MeasureFrameRate(nowMs);
        }

        private void DialIfUnlinked(int nowMs)
        {
            if (_dialer == null || Link.Connected)
            {
                return;
            }
            bool mayStart = nowMs - _nextDialMs >= 0;
            if (mayStart)
            {
                _nextDialMs = nowMs + _dialWaitMs;
                _dialWaitMs = _dialWaitMs >= _settings.ReconnectMaxMs / 2 ? _settings.ReconnectMaxMs : _dialWaitMs * 2;
            }
            IPacketTransport transport = _dialer.Poll(nowMs, mayStart);
            if (transport != null)
            {
                Link.Connect(transport, nowMs);
                // A new connection: the display learns the mat's state at once.
                _nextStatusMs = nowMs;
            }
        }

        /// <summary>Live frames while someone stands on the mat, paced, and one empty frame after, to clear the heatmap.</summary>
        private void SendLiveFrame(int nowMs)
        {
            bool loaded = Tracker.TotalLoadGrams > 0;
            bool clearing = !loaded && _lastFrameLoaded;
            if ((loaded && nowMs - _lastLiveFrameMs >= _settings.LiveFrameEveryMs) || clearing)
            {
                if (Link.Paired)
                {
                    if (FrameListener != null)
                    {
                        FrameListener.OnSending(nowMs);
                    }
                    // A frame with more of the mat loaded than the list holds (no one standing) would not fit the packet
                    // either (MatLinkSession.PayloadBytesFor): it is dropped and counted.
                    Link.SendFrame(Pipeline.Loaded, nowMs);
                }
                _lastLiveFrameMs = nowMs;
            }
            _lastFrameLoaded = loaded;
        }

        private void SendStatus(int nowMs)
        {
            StatusMessage status = Link.Status;
            status.UptimeSeconds = (uint)((nowMs - _powerOnMs) / 1000);
            status.FreeMemoryBytes = FreeMemoryBytes;
            status.FrameRateHzX10 = FrameRateX10;
            status.DeadSenselCount = MaskedSensels;
            status.RssiDbm = Wifi != null ? Wifi.RssiDbm : RssiDbm;
            Link.SendStatus();
        }

        private void MeasureFrameRate(int nowMs)
        {
            _framesInWindow++;
            if (_framesInWindow < RateWindowFrames)
            {
                return;
            }
            int elapsedMs = nowMs - _windowStartMs;
            FrameRateX10 = elapsedMs <= 0 ? 0 : (int)(RateWindowFrames * 10000L / elapsedMs);
            _windowStartMs = nowMs;
            _framesInWindow = 0;
        }

        /// <summary>Takes a frame of the empty mat as its zero; busy while someone stands on the mat.</summary>
        public AckStatus CalibrateZero()
        {
            if (Tracker.State != SessionState.Empty)
            {
                return AckStatus.Busy;
            }
            Calibration.CalibrateZero(Pipeline.Compensate(Loop.ScanFrame()));
            Link.Hello.CalibrationId = (uint)Calibration.CalibrationId;
            CountMaskedSensels();
            return AckStatus.Ok;
        }

        /// <summary>A known weight stands on the mat: scales the gains so a frame of it reads it in total.</summary>
        public AckStatus CalibrateGain(int knownGrams)
        {
            ScanForCommand();
            if (!Calibration.CalibrateGain(Pipeline.LastFrameTotalGrams(), knownGrams))
            {
                return AckStatus.BadValue;
            }
            Link.Hello.CalibrationId = (uint)Calibration.CalibrationId;
            return AckStatus.Ok;
        }

        /// <summary>Acknowledged at once; the app restarts after the tick (<see cref="RebootRequested"/>).</summary>
        public AckStatus Reboot()
        {
            RebootRequested = true;
            return AckStatus.Ok;
        }
    }
}
