using Kiosk.Mat.Analysis;
using Kiosk.Mat.DeviceTests.Fakes;
using Kiosk.Mat.DeviceTests.Shoppers;
using Kiosk.Mat.Protocol;
using nanoFramework.TestFramework;

namespace Kiosk.Mat.DeviceTests
{
    /// <summary>
    /// Whole shoppers through the device's own loop (<see cref="Device.MatDevice"/>) on a 48 x 48 mat at 10 mm: the
    /// Result the display stores, decoded from its bytes. Each test prints those bytes, so tests/Firmware.Tests can
    /// check that nanoCLR and .NET send the same.
    /// </summary>
    [TestClass]
    public class ShopperDeviceTests
    {
        private const int DrainFrames = 400;

        /// <summary>
        /// The flat-feet shopper's stored Result: its payload's length and CRC-32, the same in nanoCLR and on .NET. The
        /// bytes themselves are in flat-feet-still.result-bytes beside this file (tests/Firmware.Tests checks both
        /// runtimes against them). When the analysis or the protocol changes them on purpose, store the printed line
        /// there and these two figures from it.
        /// </summary>
        private const int FlatFeetResultBytes = 1357;
        private const uint FlatFeetResultCrc32 = 0x77863efd;

        /// <summary>The shopper's visit on a device of its own, switched off before the stored Result is printed or decoded.</summary>
        private static DeviceRun Visit(ScriptedShopper shopper)
        {
            DeviceRun run = new DeviceRun(WholeDeviceMat.Rows, WholeDeviceMat.PitchUm);
            run.PowerOn();
            run.Play(shopper);
            Assert.IsTrue(run.Drain(DrainFrames), "the display should have acked every result");
            run.PowerOff();
            OutputHelper.WriteLine(ResultBytes.Line(shopper.Name, run.Display));
            return run;
        }

        private static ResultMessage OnlyResult(DeviceRun run)
        {
            Assert.AreEqual(1, run.ScansAtPowerOff);
            Assert.AreEqual(1, run.Display.StoredResults);
            ResultMessage result = ResultBytes.Last(run.Display, run.Geometry.SenselCount);
            Assert.IsNotNull(result, "the stored Result should decode");
            return result;
        }

        [TestMethod]
        public void NormalArchesStandingEvenlyGiveOneNormalResult()
        {
            DeviceRun run = Visit(ScriptedShopper.Standing("normal-arches-still", StandingFeet.NormalArch, StandingFeet.NormalArch, 500, WholeDeviceMat.Rows));
            ResultMessage result = OnlyResult(run);
            ScanAnalysis scan = result.Analysis;

            Assert.AreEqual((int)ArchType.Normal, (int)scan.Left.Arch);
            Assert.AreEqual((int)ArchType.Normal, (int)scan.Right.Arch);
            Assert.IsTrue(scan.LoadLeftPctX10 >= 470 && scan.LoadLeftPctX10 <= 530, "left share " + scan.LoadLeftPctX10.ToString());
            Assert.IsTrue(scan.TotalLoadGrams >= 67500 && scan.TotalLoadGrams <= 82500, "75 kg within 10%: " + scan.TotalLoadGrams.ToString());
            Assert.AreEqual((int)QualityIssue.None, (int)scan.QualityIssues);
        }

        [TestMethod]
        public void FlatLeftAndHighRightArchesAreEachFound()
        {
            DeviceRun run = Visit(ScriptedShopper.Standing("flat-left-high-right", StandingFeet.FlatArch, StandingFeet.HighArch, 500, WholeDeviceMat.Rows));
            ScanAnalysis scan = OnlyResult(run).Analysis;

            Assert.AreEqual((int)ArchType.Low, (int)scan.Left.Arch);
            Assert.AreEqual((int)ArchType.High, (int)scan.Right.Arch);
            Assert.IsTrue(scan.Left.ArchIndexX1000 > scan.Right.ArchIndexX1000);
        }

        [TestMethod]
        public void UnevenStanceReportsTheLeftShare()
        {
            DeviceRun run = Visit(ScriptedShopper.Standing("uneven-stance", StandingFeet.NormalArch, StandingFeet.NormalArch, 650, WholeDeviceMat.Rows));
            ScanAnalysis scan = OnlyResult(run).Analysis;

            Assert.IsTrue(scan.LoadLeftPctX10 >= 620 && scan.LoadLeftPctX10 <= 680, "left share " + scan.LoadLeftPctX10.ToString());
            Assert.AreEqual(1000, scan.LoadLeftPctX10 + scan.LoadRightPctX10);
        }

        [TestMethod]
        public void OneFootIsSaidAndNotTakenForAnImbalance()
        {
            DeviceRun run = Visit(ScriptedShopper.OneFoot(WholeDeviceMat.Rows));
            ScanAnalysis scan = OnlyResult(run).Analysis;

            Assert.IsTrue((scan.QualityIssues & QualityIssue.OneFootOnly) != 0, "issues " + ((int)scan.QualityIssues).ToString());
        }

        [TestMethod]
        public void RestlessShopperGetsNoResult()
        {
            DeviceRun run = new DeviceRun(WholeDeviceMat.Rows, WholeDeviceMat.PitchUm, false);
            run.PowerOn();
            run.Play(ScriptedShopper.Restless(WholeDeviceMat.Rows));

            Assert.AreEqual(0, run.Device.Scans);
            Assert.AreEqual(0, run.Display.ResultPackets);
            Assert.IsTrue(run.Display.Frames > 0, "live frames go out while someone stands");
        }

        [TestMethod]
        public void ResultCarriesItsIdAndTheWindowSummedFrame()
        {
            DeviceRun run = Visit(ScriptedShopper.Standing("normal-arches-still", StandingFeet.NormalArch, StandingFeet.NormalArch, 500, WholeDeviceMat.Rows));
            ResultMessage result = OnlyResult(run);

            Assert.AreEqual(DeviceRun.DeviceId, result.DeviceId);
            Assert.AreEqual(1, (int)result.ResultCounter);
            Assert.IsTrue(result.HasSummedFrame);
            Assert.AreEqual(WholeDeviceMat.Rows, result.Rows);
            long summed = 0;
            for (int i = 0; i < run.Geometry.SenselCount; i++)
            {
                summed += result.SummedLoadGrams[i];
            }
            // The summed frame is the window's frames added up: over the frame count it is the scan's load, within 5%.
            long perFrame = summed / result.Analysis.FrameCount;
            long total = result.Analysis.TotalLoadGrams;
            Assert.IsTrue(perFrame * 100 >= total * 95 && perFrame * 100 <= total * 105, perFrame.ToString() + " g per frame, scan " + total.ToString());
            Assert.IsTrue(result.Analysis.WindowMs >= 3000, "the still window is 3 s");
        }

        [TestMethod]
        public void TheSameShopperGivesTheSameBytesEveryTime()
        {
            int firstLength;
            uint first = FlatFeetResult(out firstLength);
            int secondLength;
            uint second = FlatFeetResult(out secondLength);

            Assert.AreEqual(firstLength, secondLength);
            Assert.AreEqual(first, second);
            Assert.AreEqual(FlatFeetResultBytes, firstLength, "the stored Result's length (flat-feet-still.result-bytes)");
            Assert.AreEqual(FlatFeetResultCrc32, first, "the stored Result's CRC-32 (flat-feet-still.result-bytes)");
        }

        /// <summary>One flat-feet visit on a device of its own, which is gone when this returns (two would not fit the heap).</summary>
        private static uint FlatFeetResult(out int length)
        {
            DeviceRun run = Visit(ScriptedShopper.Standing("flat-feet-still", StandingFeet.FlatArch, StandingFeet.FlatArch, 500, WholeDeviceMat.Rows));
            length = run.Display.LastResultLength;
            return run.Display.ResultFingerprint;
        }
    }
}
