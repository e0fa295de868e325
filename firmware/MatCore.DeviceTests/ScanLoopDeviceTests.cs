using Kiosk.Mat.Geometry;
using Kiosk.Mat.Scanning;
using Kiosk.Mat.SelfTest;
using Kiosk.Mat.Testing;
using nanoFramework.TestFramework;

namespace Kiosk.Mat.DeviceTests
{
    /// <summary>
    /// The scan loop and the self-test over the fake grid, run by nanoFramework.TestFramework on a board (or
    /// its virtual device): the same checks as tests/MatCore.Tests/Scanning, on the nanoFramework interpreter.
    /// </summary>
    [TestClass]
    public class ScanLoopDeviceTests
    {
        private static FakeMatGrid NewGrid(int rows, int cols)
        {
            FakeMatGrid grid = new FakeMatGrid(rows, cols, 16, 8);
            grid.FillPattern();
            return grid;
        }

        private static ScanLoop NewLoop(FakeMatGrid grid)
        {
            return new ScanLoop(new MatGeometry(grid.Rows, grid.Cols, 7500), grid, grid, grid, ScanTiming.Default());
        }

        private static int MisplacedSensels(ushort[] frame, int rows, int cols)
        {
            int wrong = 0;
            for (int row = 0; row < rows; row++)
            {
                for (int col = 0; col < cols; col++)
                {
                    if (frame[row * cols + col] != FakeMatGrid.PatternValue(row, col))
                    {
                        wrong++;
                    }
                }
            }
            return wrong;
        }

        [TestMethod]
        public void ScanLoopFillsEveryRowAndColumnOfA48x48Mat()
        {
            FakeMatGrid grid = NewGrid(48, 48);
            ushort[] frame = NewLoop(grid).ScanFrame();
            Assert.AreEqual(0, MisplacedSensels(frame, 48, 48));
            Assert.AreEqual(0, grid.ReadsOfNoColumn);
        }

        [TestMethod]
        public void ScanLoopFillsEveryRowAndColumnOfA64x64Mat()
        {
            FakeMatGrid grid = NewGrid(64, 64);
            ushort[] frame = NewLoop(grid).ScanFrame();
            Assert.AreEqual(0, MisplacedSensels(frame, 64, 64));
        }

        [TestMethod]
        public void HardwareCallsPerFrameEqualTheCostModel()
        {
            FakeMatGrid grid = NewGrid(64, 64);
            NewLoop(grid).ScanFrame();
            ScanCostModel model = new ScanCostModel(64, 64, 4, ScanTiming.Default(), RowDriverKind.ShiftRegister, 8);
            Assert.AreEqual((int)model.TotalHardwareCalls, grid.TotalCalls);
            Assert.AreEqual((int)model.AdcReadCalls, grid.ReadCalls);
            Assert.AreEqual((int)model.ChannelSelectCalls, grid.ChannelSelectCalls);
        }

        [TestMethod]
        public void EveryReadHasOneRowDrivenAndTheFrameEndsWithAllRowsGrounded()
        {
            FakeMatGrid grid = NewGrid(48, 48);
            NewLoop(grid).ScanFrame();
            Assert.AreEqual(0, grid.ReadsWithoutOneDrivenRow);
            Assert.AreEqual(0, grid.UnsettledReads);
            Assert.AreEqual(0, grid.DrivenRowCount);
        }

        [TestMethod]
        public void ShortedRowIsReportedBySelfTest()
        {
            FakeMatGrid grid = new FakeMatGrid(48, 48, 16, 0);
            grid.FillEmpty(40, 6);
            grid.ShortRow(17);
            ScanLoop loop = new ScanLoop(new MatGeometry(48, 48, 7500), grid, grid, grid, new ScanTiming(0, 0));
            MatSelfTest test = new MatSelfTest(new MatGeometry(48, 48, 7500), new SelfTestLimits());

            test.Run(loop.ScanFrame());

            Assert.AreEqual(1, test.BadRowCount);
            Assert.AreEqual(17, test.BadRows[0]);
            Assert.IsTrue(test.RowFault[17] == LineFault.Shorted);
        }

        [TestMethod]
        public void StuckSenselIsMaskedBySelfTest()
        {
            FakeMatGrid grid = new FakeMatGrid(48, 48, 16, 0);
            grid.FillEmpty(40, 6);
            grid.SetSensel(10, 20, 2000);
            ScanLoop loop = new ScanLoop(new MatGeometry(48, 48, 7500), grid, grid, grid, new ScanTiming(0, 0));
            MatSelfTest test = new MatSelfTest(new MatGeometry(48, 48, 7500), new SelfTestLimits());

            test.Run(loop.ScanFrame());

            Assert.AreEqual(1, test.StuckSenselCount);
            Assert.IsTrue(test.Mask[10 * 48 + 20] == (byte)SenselStatus.Stuck);
        }
    }
}
