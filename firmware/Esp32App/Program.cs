using System.Device.Gpio;
using System.Threading;
using Kiosk.Esp32App.Hardware;
using Kiosk.Esp32App.Link;
using Kiosk.Esp32App.Settings;
using Kiosk.Esp32App.Status;
using Kiosk.Mat.Analysis;
using Kiosk.Mat.Calibration;
using Kiosk.Mat.Config;
using Kiosk.Mat.Geometry;
using Kiosk.Mat.Link;
using Kiosk.Mat.Protocol;
using Kiosk.Mat.Scanning;
using Kiosk.Mat.SelfTest;
using Kiosk.Mat.Session;
using nanoFramework.Hardware.Esp32;

namespace Kiosk.Esp32App
{
    /// <summary>
    /// The mat's firmware: read the settings, open the hardware, self-test, zero, join Wi-Fi, then scan for ever:
    /// compensate crosstalk, calibrate, follow the shopper (SessionTracker), and send live frames, results and status
    /// through the core's link session, showing the state on the LED and the screen.
    /// Nothing here is verified on hardware yet (firmware/README.md).
    /// </summary>
    public class Program
    {
        /// <summary>The LED of most ESP32 DevKit boards, used until the board file names one.</summary>
        private const int FallbackLedPin = 2;
        private const int ReconnectEveryMs = 5000;
        private const int ScreenEveryFrames = 2;
        private const int RateWindowFrames = 16;
        private const int StatusEveryMs = 5000;

        // Results held until the display acks them; the pool takes two with a full summed frame, more without.
        private const int OutboxResults = 4;

        private static StatusLed _led;
        private static StatusScreen _screen;

        public static void Main()
        {
            GpioController gpio = new GpioController();
            KeyValueFile boardFile = SettingsStore.Read(SettingsStore.BoardPath);
            BoardConfig board = BoardConfig.From(boardFile);
            int ledPin = board.Error == null && board.Led != BoardConfig.NoPin ? board.Led : FallbackLedPin;
            _led = new StatusLed(new GpioOutput(gpio, ledPin));

            if (board.Error != null)
            {
                Fatal(board.Error);
            }
            try
            {
                _screen = StatusScreen.TryOpen(board);
            }
            catch (System.Exception e)
            {
                System.Console.WriteLine("screen: " + e.Message + "; going on with the LED only");
            }
            Show(DeviceState.Booting, 0, 0);
            DeviceSettings device = DeviceSettings.From(SettingsStore.Read(SettingsStore.DevicePath));
            if (device.Error != null)
            {
                Fatal(device.Error);
            }

            MatGeometry geometry = new MatGeometry(board.Rows, board.Cols, board.PitchUm);
            ScanTiming timing = new ScanTiming(board.RowSettleUs, board.ChannelSettleUs);
            MatHardware hardware = new MatHardware(board, gpio);
            ScanLoop loop = new ScanLoop(geometry, hardware.Rows, hardware.Columns, new HighResDelay(), timing);
            ScanCostModel model = new ScanCostModel(board.Rows, board.Cols, BoardConfig.SelectLines, timing, board.RowDriver, board.SrChips);
            CostProbe.Report(hardware, loop, model);

            // The mat must be empty at power-on; the technician's load test runs on command (protocol).
            MatSelfTest selfTest = new MatSelfTest(geometry, new SelfTestLimits());
            selfTest.Run(loop.ScanFrame());
            ReportSelfTest(selfTest);

            // The same empty frame, compensated, is the calibration's zero; the self-test's mask its dead sensels.
            CrosstalkCompensation crosstalk = ReadoutCircuit.Compensation(geometry, board);
            SenselCalibration calibration = new SenselCalibration(geometry.SenselCount, ReadoutCircuit.Law());
            ushort[] compensated = new ushort[geometry.SenselCount];
            crosstalk.Apply(loop.Frame, compensated);
            System.Array.Copy(selfTest.Mask, calibration.DeadMask, geometry.SenselCount);
            calibration.CalibrateZero(compensated);
            MatPipeline pipeline = new MatPipeline(loop, crosstalk, calibration, compensated,
                new SessionTracker(geometry, null, new FootAnalyzer(geometry, null)));

            long deviceId = DeviceIdentity.ParseHex(device.DeviceId);
            if (deviceId < 0)
            {
                Fatal("device.txt: device_id: needs 1 to 16 hex digits (the MAC, as matctl decode prints it)");
            }
            ResultCounterStore counters = new ResultCounterStore();
            ResultOutbox outbox = new ResultOutbox(OutboxResults, 2 * ResultMessage.MaxPayloadBytes(geometry.SenselCount));
            MatLinkSession session = new MatLinkSession(deviceId, geometry, outbox, counters.First, device.PairingKey);
            session.Hello.CalibrationId = (uint)calibration.CalibrationId;
            session.SenselMask = selfTest.Mask;
            session.Commands = new DeviceCommands(calibration, pipeline.Tracker, compensated, pipeline.LoadGrams);

            IMatLink link = null;
            if (device.HasWifi)
            {
                Show(DeviceState.JoiningWifi, 0, selfTest.MaskedSenselCount);
                if (WifiJoin.Connect(device.WifiSsid, device.WifiPassword))
                {
                    link = new TcpMatLink(device.DisplayHost, device.DisplayPort);
                }
            }
            // else: the USB serial link is still to come (firmware/README.md, "What is left").

            while (true)
            {
                try
                {
                    Run(pipeline, selfTest, link, session, counters);
                }
                catch (System.Exception e)
                {
                    System.Console.WriteLine("crashed: " + e.Message);
                    hardware.Rows.ReleaseAll();
                    Show(DeviceState.Crashed, 0, selfTest.MaskedSenselCount);
                    Thread.Sleep(10000);
                }
            }
        }

        private static void Run(MatPipeline pipeline, MatSelfTest selfTest, IMatLink link, MatLinkSession session, ResultCounterStore counters)
        {
            int frameRateX10 = 0;
            int shownState = -1;
            ulong windowStartUs = HighResTimer.GetCurrent();
            int lastAttemptMs = 0;
            int lastStatusMs = 0;
            bool attempted = false;
            bool lastFrameLoaded = false;
            int frameNumber = 0;
            int shownHelloStatus = MatLinkSession.NoAnswer;
            session.Status.DeadSenselCount = selfTest.MaskedSenselCount;

            while (true)
            {
                // Uptime in ms wraps after 49 days; the tracker and the outbox take differences, so that is fine.
                int nowMs = (int)(HighResTimer.GetCurrent() / 1000UL);
                bool scanDone = pipeline.Step(nowMs, !session.HoldingResult);
                frameNumber++;

                if (frameNumber % RateWindowFrames == 0)
                {
                    ulong now = HighResTimer.GetCurrent();
                    ulong elapsed = now - windowStartUs;
                    frameRateX10 = elapsed == 0 ? 0 : (int)((ulong)RateWindowFrames * 10000000UL / elapsed);
                    windowStartUs = now;
                }
                if (scanDone)
                {
                    ReportScan(pipeline.Tracker.Result);
                    if (link != null)
                    {
                        session.QueueResult(pipeline.Tracker.Result, pipeline.Tracker.CaptureSumGrams, nowMs);
                        counters.Reserve(session.NextResultCounter);
                    }
                }

                bool linked = false;
                if (link != null)
                {
                    if (!session.Connected && (!attempted || nowMs - lastAttemptMs >= ReconnectEveryMs))
                    {
                        attempted = true;
                        lastAttemptMs = nowMs;
                        if (link.Connect())
                        {
                            session.Connect(link, nowMs);
                        }
                    }
                    // Live frames while someone stands on the mat, and one empty frame after to clear the heatmap.
                    bool loaded = pipeline.Tracker.TotalLoadGrams > 0;
                    if (loaded || lastFrameLoaded)
                    {
                        session.SendFrame(pipeline.LoadGrams, nowMs);
                    }
                    lastFrameLoaded = loaded;
                    if (nowMs - lastStatusMs >= StatusEveryMs)
                    {
                        lastStatusMs = nowMs;
                        session.Status.UptimeSeconds = (uint)(nowMs / 1000);
                        session.Status.FrameRateHzX10 = frameRateX10;
                        session.SendStatus();
                    }
                    session.Poll(nowMs);
                    linked = session.Paired;
                    if (session.HelloStatus != shownHelloStatus)
                    {
                        shownHelloStatus = session.HelloStatus;
                        ReportHelloStatus(shownHelloStatus);
                    }
                }

                int state = selfTest.Passed ? (linked || link == null ? DeviceState.Running : DeviceState.NoDisplay) : DeviceState.SensorFault;
                if (state != shownState || frameNumber % RateWindowFrames == 0)
                {
                    shownState = state;
                    Show(state, frameRateX10, selfTest.MaskedSenselCount);
                }
                if (_screen != null && frameNumber % ScreenEveryFrames == 0)
                {
                    _screen.ShowFrame(pipeline.Loop.Frame);
                }
            }
        }

        /// <summary>Why the display does not take this mat's data, on the console a technician watches while pairing.</summary>
        private static void ReportHelloStatus(int status)
        {
            if (status == AckStatus.UnknownDevice)
            {
                System.Console.WriteLine("display: this mat is not paired there; pair it on the technician page with device_key");
            }
            else if (status == AckStatus.BadProof)
            {
                System.Console.WriteLine("display: refused this mat's device_key; pair it again with the key in device.txt");
            }
            else if (status == AckStatus.Ok)
            {
                System.Console.WriteLine("display: paired, key accepted");
            }
        }

        private static void ReportScan(ScanAnalysis scan)
        {
            System.Console.WriteLine("scan: " + scan.TotalLoadGrams.ToString() + " g, left " + scan.LoadLeftPctX10.ToString()
                + " permille, arch index x1000 " + scan.Left.ArchIndexX1000.ToString() + " / " + scan.Right.ArchIndexX1000.ToString()
                + ", quality issues " + scan.QualityIssues.ToString());
        }

        private static void ReportSelfTest(MatSelfTest test)
        {
            System.Console.WriteLine("self-test: " + (test.Passed ? "passed" : "FAULTS") + ", masked sensels "
                + test.MaskedSenselCount.ToString() + " (stuck " + test.StuckSenselCount.ToString() + "), empty median "
                + test.EmptyMedianRaw.ToString() + (test.HasBaseline ? "" : " (no column bias: open lines not checked)"));
            for (int i = 0; i < test.BadRowCount; i++)
            {
                int row = test.BadRows[i];
                System.Console.WriteLine("  row " + row.ToString() + " " + LineFault.Name(test.RowFault[row]));
            }
            for (int i = 0; i < test.BadColCount; i++)
            {
                int col = test.BadCols[i];
                System.Console.WriteLine("  column " + col.ToString() + " " + LineFault.Name(test.ColFault[col]));
            }
        }

        private static void Show(int state, int frameRateX10, int maskedSensels)
        {
            _led.State = state;
            if (_screen != null)
            {
                _screen.ShowState(state, frameRateX10, maskedSensels);
            }
        }

        private static void Fatal(string problem)
        {
            System.Console.WriteLine("cannot start: " + problem);
            Show(DeviceState.ConfigError, 0, 0);
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
