using System.Device.Gpio;
using System.Threading;
using Kiosk.Esp32App.Hardware;
using Kiosk.Esp32App.Link;
using Kiosk.Esp32App.Settings;
using Kiosk.Esp32App.Status;
using Kiosk.Mat.Config;
using Kiosk.Mat.Geometry;
using Kiosk.Mat.Scanning;
using Kiosk.Mat.SelfTest;
using nanoFramework.Hardware.Esp32;

namespace Kiosk.Esp32App
{
    /// <summary>
    /// The mat's firmware: read the settings, open the hardware, self-test, join Wi-Fi, then scan for ever,
    /// showing the state on the LED and the screen and sending frames through the protocol seam.
    /// Nothing here is verified on hardware yet (firmware/README.md).
    /// </summary>
    public class Program
    {
        /// <summary>The LED of most ESP32 DevKit boards, used until the board file names one.</summary>
        private const int FallbackLedPin = 2;
        private const int ReconnectEveryMs = 5000;
        private const int ScreenEveryFrames = 2;
        private const int RateWindowFrames = 16;

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

            IMatLink link = null;
            if (device.HasWifi)
            {
                Show(DeviceState.JoiningWifi, 0, selfTest.MaskedSenselCount);
                if (WifiJoin.Connect(device.WifiSsid, device.WifiPassword))
                {
                    link = new TcpMatLink(device.DisplayHost, device.DisplayPort);
                }
            }
            // else: USB serial link, once the protocol lands (firmware/README.md, "What is left").

            while (true)
            {
                try
                {
                    Run(loop, geometry, selfTest, link, device, new PendingProtocolCodec());
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

        private static void Run(ScanLoop loop, MatGeometry geometry, MatSelfTest selfTest, IMatLink link, DeviceSettings device, IPacketCodec codec)
        {
            byte[] packet = new byte[4096 + geometry.SenselCount * 4];
            byte[] incoming = new byte[512];
            int frameRateX10 = 0;
            int shownState = -1;
            ulong windowStartUs = HighResTimer.GetCurrent();
            ulong lastAttemptUs = 0;
            int frameNumber = 0;

            while (true)
            {
                ushort[] raw = loop.ScanFrame();
                frameNumber++;

                if (frameNumber % RateWindowFrames == 0)
                {
                    ulong now = HighResTimer.GetCurrent();
                    ulong elapsed = now - windowStartUs;
                    frameRateX10 = elapsed == 0 ? 0 : (int)((ulong)RateWindowFrames * 10000000UL / elapsed);
                    windowStartUs = now;
                }

                bool linked = false;
                if (link != null)
                {
                    if (!link.IsConnected)
                    {
                        ulong now = HighResTimer.GetCurrent();
                        if (now - lastAttemptUs >= (ulong)ReconnectEveryMs * 1000UL)
                        {
                            lastAttemptUs = now;
                            if (link.Connect())
                            {
                                link.Send(packet, codec.EncodeHello(device.DeviceId, device.DeviceKey, packet));
                            }
                        }
                    }
                    if (link.IsConnected)
                    {
                        int length = codec.EncodeLiveFrame(raw, geometry.Rows, geometry.Cols, frameNumber, packet);
                        if (length > 0)
                        {
                            link.Send(packet, length);
                        }
                        int received = link.Receive(incoming);
                        if (received > 0)
                        {
                            codec.Receive(incoming, received);
                        }
                        linked = link.IsConnected;
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
                    _screen.ShowFrame(raw);
                }
            }
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
