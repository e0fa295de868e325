using Kiosk.Mat.Device;
using Kiosk.Mat.DeviceTests.Fakes;
using Kiosk.Mat.DeviceTests.Shoppers;
using Kiosk.Mat.Link;
using Kiosk.Mat.Protocol;
using nanoFramework.TestFramework;

namespace Kiosk.Mat.DeviceTests
{
    /// <summary>
    /// The device's link through whole shoppers: results delivered exactly once when the link drops or an ack is lost,
    /// result ids that survive a restart, a display that is off, and the display's commands.
    /// </summary>
    [TestClass]
    public class LinkDeviceTests
    {
        private const int DrainFrames = 600;

        private static ScriptedShopper Shopper()
        {
            return ScriptedShopper.Standing("normal-arches-still", StandingFeet.NormalArch, StandingFeet.NormalArch, 500, WholeDeviceMat.Rows);
        }

        private static DeviceRun PoweredOn()
        {
            DeviceRun run = new DeviceRun(WholeDeviceMat.Rows, WholeDeviceMat.PitchUm, false);
            run.PowerOn();
            return run;
        }

        [TestMethod]
        public void StatusCarriesTheSignalOfTheWifiTheLinkRunsOver()
        {
            DeviceRun run = PoweredOn();
            FakeWifiRadio radio = new FakeWifiRadio();
            WifiJoining wifi = new WifiJoining(radio, "shop", "secret");
            run.Device.Wifi = wifi;
            wifi.Step();

            int statuses = run.Display.Statuses;
            run.Empty(2 * run.Settings.StatusEveryMs / DeviceRun.FramePeriodMs);
            Assert.IsTrue(run.Display.Statuses > statuses, "a Status went out");
            Assert.AreEqual(-67, run.Display.LastRssiDbm);

            // Off the network: the next Status says "not reported", not the last reading.
            radio.Drop();
            radio.FailuresLeft = 1;
            wifi.Step();
            statuses = run.Display.Statuses;
            run.Empty(2 * run.Settings.StatusEveryMs / DeviceRun.FramePeriodMs);
            Assert.IsTrue(run.Display.Statuses > statuses, "a Status went out");
            Assert.AreEqual(StatusMessage.RssiNone, run.Display.LastRssiDbm);
        }

        [TestMethod]
        public void ResultSentIntoADroppedLinkIsStoredExactlyOnce()
        {
            DeviceRun run = PoweredOn();
            // The display takes the Result's bytes but never acks it, then the link drops.
            run.Display.AcksResults = false;
            run.Play(Shopper());
            Assert.IsTrue(run.Display.ResultPackets >= 1, "the result went out");
            run.Display.Drop();
            run.Display.AcksResults = true;

            Assert.IsTrue(run.Drain(DrainFrames), "resent and acked after the device redialled");
            Assert.AreEqual(1, run.Display.StoredResults);
            Assert.AreEqual(1, (int)run.Display.StoredId(0));
            Assert.IsTrue(run.Display.Hellos >= 2, "a new connection, a new Hello");
        }

        [TestMethod]
        public void LostAckMeansAResendThatIsStoredOnce()
        {
            DeviceRun run = PoweredOn();
            // The display stores the Result, then the link drops before its ack goes out.
            run.Display.LoseNextAck = true;
            run.Play(Shopper());
            Assert.IsTrue(run.Drain(DrainFrames));
            run.Play(Shopper());
            Assert.IsTrue(run.Drain(DrainFrames));

            Assert.AreEqual(2, run.Device.Scans);
            Assert.AreEqual(2, run.Display.StoredResults);
            Assert.IsTrue(run.Display.DuplicateResults >= 1, "the unacked result was resent");
            Assert.AreEqual(1, (int)run.Display.StoredId(0));
            Assert.AreEqual(2, (int)run.Display.StoredId(1));
        }

        [TestMethod]
        public void ResultIdsAreNeverReusedAfterARestart()
        {
            DeviceRun run = PoweredOn();
            run.Play(Shopper());
            Assert.IsTrue(run.Drain(DrainFrames));
            run.Restart();
            run.Play(Shopper());
            Assert.IsTrue(run.Drain(DrainFrames));

            Assert.AreEqual(2, run.Display.StoredResults);
            Assert.AreEqual(1, (int)run.Display.StoredId(0));
            Assert.IsTrue(run.Display.StoredId(1) > 1, "the second boot starts above the persisted mark: " + run.Display.StoredId(1).ToString());
            Assert.AreEqual(0, run.Display.DuplicateResults);
        }

        [TestMethod]
        public void DisplayOffTheMatScansOnAndRedialsWithGrowingWaits()
        {
            DeviceRun run = new DeviceRun(WholeDeviceMat.Rows, WholeDeviceMat.PitchUm, false);
            run.Display.Reachable = false;
            run.PowerOn();
            run.Play(Shopper());
            run.Empty(200);

            // 19 s without a display: attempts at 0, 1, 3, 7 and 15 s (waits of 1, 2, 4, 8 s), never one per frame.
            Assert.AreEqual(5, run.Dialer.Attempts);
            Assert.AreEqual(1, run.Device.Scans);
            Assert.AreEqual(1, run.Device.Link.Outbox.Count);
            Assert.AreEqual((int)DeviceState.NoDisplay, (int)run.Device.State);

            run.Display.Reachable = true;
            Assert.IsTrue(run.Drain(DrainFrames));
            Assert.AreEqual(1, run.Display.StoredResults);
            Assert.AreEqual((int)DeviceState.Running, (int)run.Device.State);
        }

        [TestMethod]
        public void ZeroIsRefusedWhileSomeoneStandsAndTakenOnTheEmptyMat()
        {
            DeviceRun run = PoweredOn();
            // The shopper standing still, as 3 s into the visit.
            run.Show(Shopper(), 3000);
            for (int i = 0; i < 20; i++)
            {
                run.Tick();
            }
            int calibration = run.Device.Calibration.CalibrationId;
            run.Display.SendCommand(MessageType.CalibrateZero, null, 0);
            run.Tick();
            Assert.AreEqual((int)AckStatus.Busy, (int)run.Display.CommandStatus);
            Assert.AreEqual(calibration, run.Device.Calibration.CalibrationId);

            run.Empty(20);
            run.Display.SendCommand(MessageType.CalibrateZero, null, 0);
            run.Tick();
            Assert.AreEqual((int)AckStatus.Ok, (int)run.Display.CommandStatus);
            Assert.AreEqual(calibration + 1, run.Device.Calibration.CalibrationId);
        }

        [TestMethod]
        public void GainMakesTheKnownWeightReadRight()
        {
            DeviceRun run = PoweredOn();
            // The shopper standing still, as 3 s into the visit.
            run.Show(Shopper(), 3000);
            run.Tick();
            byte[] payload = new byte[8];
            CalibrateGainMessage gain = new CalibrateGainMessage();
            gain.KnownWeightGrams = 90000;
            run.Display.SendCommand(MessageType.CalibrateGain, payload, gain.EncodePayload(payload, 0, payload.Length));
            run.Tick();
            Assert.AreEqual((int)AckStatus.Ok, (int)run.Display.CommandStatus);
            run.Tick();

            int total = run.Device.Tracker.TotalLoadGrams;
            Assert.IsTrue(total >= 88000 && total <= 92000, "after the gain the 75 kg shopper reads as the known 90 kg: " + total.ToString());
        }

        [TestMethod]
        public void RebootIsAckedThenTheDeviceStartsAgain()
        {
            DeviceRun run = PoweredOn();
            run.Empty(5);
            Assert.AreEqual(1, run.Display.Hellos);

            run.Display.SendCommand(MessageType.Reboot, null, 0);
            run.Tick();
            Assert.AreEqual((int)AckStatus.Ok, (int)run.Display.CommandStatus);
            run.Empty(40);

            // A new device (the test holds no reference to the old one: two would not fit the device's heap).
            Assert.AreEqual(1, run.Restarts);
            Assert.AreEqual(2, run.Display.Hellos);
            Assert.AreEqual((int)DeviceState.Running, (int)run.Device.State);
        }
    }
}
