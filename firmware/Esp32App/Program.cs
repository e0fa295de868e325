using System.Device.Gpio;
using System.Threading;
using Kiosk.Esp32App.Hardware;
using Kiosk.Esp32App.Link;
using Kiosk.Esp32App.Settings;
using Kiosk.Esp32App.Status;
using Kiosk.Mat.Analysis;
using Kiosk.Mat.Calibration;
using Kiosk.Mat.Config;
using Kiosk.Mat.Device;
using Kiosk.Mat.Geometry;
using Kiosk.Mat.Link;
using Kiosk.Mat.Protocol;
using Kiosk.Mat.Scanning;
using Kiosk.Mat.SelfTest;
using nanoFramework.Hardware.Esp32;
using nanoFramework.Runtime.Native;

namespace Kiosk.Esp32App
{
    /// <summary>
    /// The mat's firmware on the ESP32: read the settings, open the pins, keep Wi-Fi joined, and run the core's
    /// <see cref="MatDevice"/> (power-on, then one tick per frame: scan, calibrate, follow the shopper, results,
    /// live frames, status, redial, the display's commands), showing its state on the LED and the optional screen.
    /// Everything between the pins and the link is the core's, the same code the device tests run in nanoCLR.
    /// Nothing here has run on hardware yet (firmware/README.md).
    /// </summary>
    public class Program
    {
        /// <summary>The LED of most ESP32 DevKit boards, used until the board file names one.</summary>
        private const int FallbackLedPin = 2;
        private const int ScreenEveryFrames = 2;
        private const int ShowEveryFrames = 16;
        private const int MemoryEveryMs = 5000;

        private static StatusLed _led;
        private static StatusScreen _screen;

        public static void Main()
        {
            GpioController gpio = new GpioController();
            BoardConfig board = BoardConfig.From(SettingsStore.Read(SettingsStore.BoardPath));
            int ledPin = board.Error == null && board.Led != BoardConfig.NoPin ? board.Led : FallbackLedPin;
            _led = new StatusLed(new GpioOutput(gpio, ledPin));
            if (board.Error != null)
            {
                Fatal(board.Error);
            }
            uint psramBytes;
            uint psramFree;
            uint psramLargest;
            NativeMemory.GetMemoryInfo(NativeMemory.MemoryType.SpiRam, out psramBytes, out psramFree, out psramLargest);
            string psramProblem = board.PsramProblem(psramBytes);
            if (psramProblem != null)
            {
                Fatal(psramProblem);
            }
            _screen = StatusScreen.TryOpen(board);
            Show(DeviceState.Booting, 0, 0);
            DeviceSettings device = DeviceSettings.From(SettingsStore.Read(SettingsStore.DevicePath));
            if (device.Error != null)
            {
                Fatal(device.Error);
            }
            long deviceId = DeviceIdentity.ParseHex(device.DeviceId);
            if (deviceId < 0)
            {
                Fatal("device.txt: device_id: needs 1 to 16 hex digits (the MAC, as matctl decode prints it)");
            }

            MatGeometry geometry = new MatGeometry(board.Rows, board.Cols, board.PitchUm);
            ScanTiming timing = new ScanTiming(board.RowSettleUs, board.ChannelSettleUs);
            MatHardware hardware = new MatHardware(board, gpio);
            ScanLoop loop = new ScanLoop(geometry, hardware.Rows, hardware.Columns, new HighResDelay(), timing);
            CostProbe.Report(hardware, loop, new ScanCostModel(board.Rows, board.Cols, BoardConfig.SelectLines, timing, board.RowDriver, board.SrChips));

            WifiJoining wifi = null;
            ThreadedDialer dialer = null;
            if (device.HasWifi)
            {
                WifiRadio radio = new WifiRadio();
                wifi = new WifiJoining(radio, device.WifiSsid, device.WifiPassword);
                new Thread(new WifiKeeper(wifi).Run).Start();
                dialer = new ThreadedDialer(new TcpDisplayConnector(device.DisplayHost, device.DisplayPort, radio), ThreadedDialer.DefaultConnectTimeoutMs);
            }
            // else: no link (the USB serial link is still to come, firmware/README.md "What is left"); the mat scans and shows its state.

            MatDeviceSettings settings = new MatDeviceSettings();
            settings.DeviceId = deviceId;
            settings.PairingKey = device.PairingKey;
            MatDevice mat = new MatDevice(geometry, loop, ReadoutCircuit.ForBoard(board.DividerOhms, board.DividerPerColumn), settings,
                new ResultCounters(new FlashCounterFile()), dialer);
            // Status carries the Wi-Fi's signal, read on the Wi-Fi thread (WifiRadio.ReadSignalDbm scans).
            mat.Wifi = wifi;

            // The mat must be empty at power-on; the technician's load test runs on command (protocol).
            mat.PowerOn(NowMs());
            ReportSelfTest(mat.SelfTest);
            while (true)
            {
                try
                {
                    Run(mat, wifi, hardware);
                }
                catch (System.Exception e)
                {
                    System.Console.WriteLine("crashed: " + e.Message);
                    hardware.Rows.ReleaseAll();
                    Show(DeviceState.Crashed, 0, mat.MaskedSensels);
                    Thread.Sleep(10000);
                }
            }
        }

        private static void Run(MatDevice mat, WifiJoining wifi, MatHardware hardware)
        {
            int frame = 0;
            DeviceState shownState = DeviceState.Booting; // shown at power-on
            AckStatus shownHelloStatus = MatLinkSession.NoAnswer;
            int lastMemoryMs = NowMs() - MemoryEveryMs;
            while (true)
            {
                int nowMs = NowMs();
                if (nowMs - lastMemoryMs >= MemoryEveryMs)
                {
                    // A collection every few seconds, for Status's free memory (and to keep the heap tidy).
                    lastMemoryMs = nowMs;
                    mat.FreeMemoryBytes = GC.Run(false);
                }
                mat.Tick(nowMs);
                frame++;
                if (mat.ScanFinished)
                {
                    ReportScan(mat.Tracker.Result);
                }
                if (mat.Link.HelloStatus != shownHelloStatus)
                {
                    shownHelloStatus = mat.Link.HelloStatus;
                    ReportHelloStatus(shownHelloStatus);
                }
                if (mat.RebootRequested)
                {
                    System.Console.WriteLine("rebooting: the display asked for it");
                    hardware.Rows.ReleaseAll();
                    Power.RebootDevice();
                }
                DeviceState state = ShownState(mat, wifi);
                if (state != shownState || frame % ShowEveryFrames == 0)
                {
                    shownState = state;
                    Show(state, mat.FrameRateX10, mat.MaskedSensels);
                }
                if (_screen != null && frame % ScreenEveryFrames == 0)
                {
                    _screen.ShowFrame(mat.Loop.Frame);
                }
            }
        }

        /// <summary>Wi-Fi trouble first (nothing reaches the display without it), then the device's own state.</summary>
        private static DeviceState ShownState(MatDevice mat, WifiJoining wifi)
        {
            if (wifi != null && wifi.State != WifiJoining.Joined)
            {
                return wifi.State == WifiJoining.Retrying ? DeviceState.NoWifi : DeviceState.JoiningWifi;
            }
            return mat.State;
        }

        /// <summary>Uptime in ms; wraps after 24 days, and the core takes differences, so that is fine.</summary>
        private static int NowMs()
        {
            return (int)(HighResTimer.GetCurrent() / 1000UL);
        }

        /// <summary>Why the display does not take this mat's data, on the console a technician watches while pairing.</summary>
        private static void ReportHelloStatus(AckStatus status)
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
                + ", quality issues " + ((int)scan.QualityIssues).ToString());
        }

        private static void ReportSelfTest(MatSelfTest test)
        {
            System.Console.WriteLine("self-test: " + (test.Passed ? "passed" : "FAULTS") + ", masked sensels "
                + test.MaskedSenselCount.ToString() + " (stuck " + test.StuckSenselCount.ToString() + "), empty median "
                + test.EmptyMedianRaw.ToString() + (test.HasBaseline ? "" : " (no column bias: open lines not checked)"));
            for (int i = 0; i < test.BadRowCount; i++)
            {
                int row = test.BadRows[i];
                System.Console.WriteLine("  row " + row.ToString() + " " + MatSelfTest.FaultName(test.RowFault[row]));
            }
            for (int i = 0; i < test.BadColCount; i++)
            {
                int col = test.BadCols[i];
                System.Console.WriteLine("  column " + col.ToString() + " " + MatSelfTest.FaultName(test.ColFault[col]));
            }
        }

        private static void Show(DeviceState state, int frameRateX10, int maskedSensels)
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
