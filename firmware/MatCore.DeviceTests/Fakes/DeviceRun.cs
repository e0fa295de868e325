using Kiosk.Mat.Calibration;
using Kiosk.Mat.Device;
using Kiosk.Mat.DeviceTests.Shoppers;
using Kiosk.Mat.Geometry;
using Kiosk.Mat.Link;
using Kiosk.Mat.Protocol;
using Kiosk.Mat.Scanning;
using Kiosk.Mat.Simulation;

namespace Kiosk.Mat.DeviceTests.Fakes
{
    /// <summary>
    /// A whole device on the bench, for the device tests and the device benchmark, in nanoCLR and on .NET alike: the
    /// core's <see cref="MatDevice"/> over a <see cref="FilmGrid"/> that reads as a scripted shopper's loads would,
    /// linked to an <see cref="AckingDisplay"/> in memory. Time is simulated: every
    /// frame advances the clock by <see cref="FramePeriodMs"/>.
    /// </summary>
    public sealed class DeviceRun
    {
        public const int FramePeriodMs = 50;
        public const long DeviceId = 0x5EED00000001;

        public readonly MatGeometry Geometry;
        public readonly FilmGrid Film;
        public readonly ReadoutCircuit Readout;
        public readonly AckingDisplay Display;
        public readonly DisplayDialer Dialer;
        public readonly MemoryCounterFile CounterFile = new MemoryCounterFile();
        public readonly MatDeviceSettings Settings;
        public MatDevice Device;
        public int NowMs;

        /// <summary>Restarts so far (a reboot builds a new device; a test counts them rather than hold the old one).</summary>
        public int Restarts;

        /// <summary>The scans the device had finished when it was switched off (<see cref="PowerOff"/>).</summary>
        public int ScansAtPowerOff;

        /// <summary>Time spent in the device's ticks (without the display's own decoding), 100 ns ticks, and the ticks counted.</summary>
        public long TickTime;
        public int Ticks;

        public DeviceRun(int rows, int pitchUm)
            : this(rows, pitchUm, true)
        {
        }

        /// <param name="keepLastResult">False: the display keeps no copy of the last Result (a test that reads none, and the benchmark, spare the heap).</param>
        public DeviceRun(int rows, int pitchUm, bool keepLastResult)
            : this(rows, pitchUm, keepLastResult, true)
        {
        }

        /// <param name="withDevice">False: the bench only (grid, film, display), for weighing the device's heap apart.</param>
        public DeviceRun(int rows, int pitchUm, bool keepLastResult, bool withDevice)
        {
            Geometry = new MatGeometry(rows, rows, pitchUm);
            Readout = ReadoutCircuit.ForBoard(10000, true);
            Film = new FilmGrid(rows, rows, Readout.Law(), true);
            Display = new AckingDisplay(MatLinkSession.PayloadBytesFor(Geometry.SenselCount) + PacketFormat.HeaderBytes + PacketFormat.CrcBytes, keepLastResult);
            Dialer = new DisplayDialer(Display);
            Settings = new MatDeviceSettings();
            Settings.DeviceId = DeviceId;
            Settings.StatusEveryMs = 1000;
            Device = withDevice ? NewDevice() : null;
        }

        private MatDevice NewDevice()
        {
            ScanLoop loop = new ScanLoop(Geometry, Film, Film, Film, ScanTiming.Default());
            return new MatDevice(Geometry, loop, Readout, Settings, new ResultCounters(CounterFile), Dialer);
        }

        /// <summary>Power-on on the empty mat.</summary>
        public void PowerOn()
        {
            Film.ShowEmpty();
            Device.PowerOn(NowMs);
        }

        /// <summary>
        /// The device goes, and its heap with it: a test reads what the display stored after this, so that decoding
        /// and printing a Result never share the heap with a device (a board never holds both).
        /// </summary>
        public void PowerOff()
        {
            ScansAtPowerOff = Device.Scans;
            Device = null;
        }

        /// <summary>A reboot: the link drops, a new device powers on, its first result id from the persisted mark.</summary>
        public void Restart()
        {
            Display.Drop();
            Restarts++;
            // The old device goes before the new one is built, as on a board: the heap never holds two.
            Device = null;
            Device = NewDevice();
            Film.ShowEmpty();
            Device.PowerOn(NowMs);
        }

        /// <summary>The shopper's visit from its first frame to its last, one tick per frame.</summary>
        public void Play(ScriptedShopper shopper)
        {
            for (int atMs = 0; atMs <= shopper.DurationMs; atMs += FramePeriodMs)
            {
                Show(shopper, atMs);
                Tick();
            }
        }

        /// <summary>The mat shows the shopper as at <paramref name="atMs"/> of the visit, until the next Show.</summary>
        public void Show(ScriptedShopper shopper, int atMs)
        {
            int leftPpm;
            int rightPpm;
            shopper.SharesAt(atMs, out leftPpm, out rightPpm);
            Film.Show(shopper.LeftFoot, leftPpm, shopper.RightFoot, rightPpm);
        }

        /// <summary>Frames on the empty mat.</summary>
        public void Empty(int frames)
        {
            Film.ShowEmpty();
            for (int i = 0; i < frames; i++)
            {
                Tick();
            }
        }

        /// <summary>Empty frames until the outbox is empty, at most <paramref name="maxFrames"/>; true when it emptied.</summary>
        public bool Drain(int maxFrames)
        {
            Film.ShowEmpty();
            for (int i = 0; i < maxFrames; i++)
            {
                if (Device.Link.Outbox.Count == 0 && !Device.Link.HoldingResult)
                {
                    return true;
                }
                Tick();
            }
            return Device.Link.Outbox.Count == 0 && !Device.Link.HoldingResult;
        }

        /// <summary>One frame of the device, timed.</summary>
        public void Tick()
        {
            long displayBefore = Display.BusyTicks;
            long start = System.DateTime.UtcNow.Ticks;
            Device.Tick(NowMs);
            TickTime += System.DateTime.UtcNow.Ticks - start - (Display.BusyTicks - displayBefore);
            Ticks++;
            if (Device.RebootRequested)
            {
                Restart();
            }
            NowMs += FramePeriodMs;
        }
    }
}
