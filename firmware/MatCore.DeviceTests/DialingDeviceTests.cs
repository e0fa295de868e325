using System.Threading;
using Kiosk.Mat.DeviceTests.Fakes;
using Kiosk.Mat.Link;
using Kiosk.Mat.Protocol;
using nanoFramework.TestFramework;

namespace Kiosk.Mat.DeviceTests
{
    /// <summary>
    /// Reaching the display without ever stalling the scan loop: a connect that hangs (a powered-off display never
    /// answers) is run on its own thread and given up after its timeout, and a failed Wi-Fi join is retried with
    /// growing waits and said, all on nanoFramework's own threads.
    /// </summary>
    [TestClass]
    public class DialingDeviceTests
    {
        /// <summary>A connect that blocks until aborted, like nanoFramework's Socket.Connect to an address that never answers.</summary>
        private sealed class SilentDisplay : IDisplayConnector, IPacketTransport
        {
            private readonly ManualResetEvent _aborted = new ManualResetEvent(false);
            public bool Answers;
            public int Aborts;
            public int Closed;

            public IPacketTransport Connect()
            {
                if (Answers)
                {
                    return this;
                }
                _aborted.WaitOne();
                _aborted.Reset();
                return null;
            }

            public void Abort()
            {
                Aborts++;
                _aborted.Set();
            }

            public void Close(IPacketTransport transport)
            {
                Closed++;
            }

            public bool IsOpen { get { return true; } }

            public bool TrySend(byte[] buffer, int offset, int count) { return true; }

            public int Receive(byte[] buffer, int offset, int count) { return 0; }
        }

        private static void WaitWhileDialing(ThreadedDialer dialer)
        {
            for (int i = 0; i < 200 && dialer.Dialing; i++)
            {
                Thread.Sleep(5);
            }
        }

        [TestMethod]
        public void HangingConnectNeverBlocksThePollAndIsAbandonedAfterItsTimeout()
        {
            SilentDisplay display = new SilentDisplay();
            ThreadedDialer dialer = new ThreadedDialer(display, 500);

            long start = System.DateTime.UtcNow.Ticks;
            Assert.IsNull(dialer.Poll(0, true));
            Assert.IsNull(dialer.Poll(100, false));
            long pollMs = (System.DateTime.UtcNow.Ticks - start) / 10000;
            Assert.IsTrue(dialer.Dialing, "the connect runs on its own thread");
            Assert.IsTrue(pollMs < 400, "polling returned at once, not after the connect: " + pollMs.ToString() + " ms");

            Assert.IsNull(dialer.Poll(600, false));
            Assert.AreEqual(1, display.Aborts);
            Assert.AreEqual(1, dialer.TimedOut);
            WaitWhileDialing(dialer);
            Assert.IsFalse(dialer.Dialing);

            display.Answers = true;
            Assert.IsNull(dialer.Poll(2000, true));
            WaitWhileDialing(dialer);
            Assert.IsTrue(dialer.Poll(2100, false) == display, "the next attempt connects");
            Assert.AreEqual(2, dialer.Attempts);
        }

        [TestMethod]
        public void FailedWifiJoinIsRetriedWithGrowingWaitsAndSaidSo()
        {
            FakeWifiRadio radio = new FakeWifiRadio();
            radio.FailuresLeft = 3;
            WifiJoining wifi = new WifiJoining(radio, "shop", "secret");

            Assert.AreEqual(WifiJoining.FirstRetryMs, wifi.Step());
            Assert.AreEqual(WifiJoining.Retrying, wifi.State);
            Assert.AreEqual("network not found", wifi.LastError);
            Assert.AreEqual(2 * WifiJoining.FirstRetryMs, wifi.Step());
            Assert.AreEqual(4 * WifiJoining.FirstRetryMs, wifi.Step());
            Assert.AreEqual(WifiJoining.CheckEveryMs, wifi.Step());
            Assert.AreEqual(WifiJoining.Joined, wifi.State);
            Assert.AreEqual(4, wifi.Attempts);

            // The network drops: the next round joins again, from the first wait.
            radio.Drop();
            radio.FailuresLeft = 1;
            Assert.AreEqual(WifiJoining.FirstRetryMs, wifi.Step());
            Assert.AreEqual(WifiJoining.Retrying, wifi.State);
        }

        [TestMethod]
        public void TheJoinedNetworksSignalIsReadAfterTheJoinThenOnceAMinute()
        {
            FakeWifiRadio radio = new FakeWifiRadio();
            radio.FailuresLeft = 1;
            WifiJoining wifi = new WifiJoining(radio, "shop", "secret");

            wifi.Step();
            Assert.AreEqual(0, radio.SignalReads, "no signal while not joined");
            Assert.AreEqual(StatusMessage.RssiNone, wifi.RssiDbm);

            wifi.Step();
            Assert.AreEqual(1, radio.SignalReads, "read right after the join");
            Assert.AreEqual(-67, wifi.RssiDbm);

            // Each reading is a scan on the board: the checks every 2 s read it again only after a minute.
            radio.SignalDbm = -80;
            for (int check = 1; check < WifiJoining.SignalEveryChecks; check++)
            {
                Assert.AreEqual(WifiJoining.CheckEveryMs, wifi.Step());
            }
            Assert.AreEqual(1, radio.SignalReads);
            Assert.AreEqual(-67, wifi.RssiDbm);
            Assert.AreEqual(WifiJoining.SignalEveryChecks * WifiJoining.CheckEveryMs, 60000);
            wifi.Step();
            Assert.AreEqual(2, radio.SignalReads);
            Assert.AreEqual(-80, wifi.RssiDbm);

            // The network drops: no signal until joined again, and no stale one in the meantime.
            radio.Drop();
            radio.FailuresLeft = 1;
            wifi.Step();
            Assert.AreEqual(StatusMessage.RssiNone, wifi.RssiDbm);
        }

        [TestMethod]
        public void ASignalTheRadioCannotTellIsNotReported()
        {
            FakeWifiRadio radio = new FakeWifiRadio();
            WifiJoining wifi = new WifiJoining(radio, "shop", "secret");

            radio.SignalDbm = StatusMessage.RssiNone;
            wifi.Step();
            Assert.AreEqual(StatusMessage.RssiNone, wifi.RssiDbm);

            // Out of what Status can carry (-128 to 0 dBm): not a reading.
            radio.Drop();
            radio.SignalDbm = 12;
            wifi.Step();
            Assert.AreEqual(StatusMessage.RssiNone, wifi.RssiDbm);
            radio.Drop();
            radio.SignalDbm = -200;
            wifi.Step();
            Assert.AreEqual(StatusMessage.RssiNone, wifi.RssiDbm);
        }
    }
}
