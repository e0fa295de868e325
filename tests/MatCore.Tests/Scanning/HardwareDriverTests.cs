using Kiosk.Mat.Testing;

namespace Kiosk.Mat.Tests.Scanning;

/// <summary>The core's row drivers and column reader, over simulated chips and pins.</summary>
public class HardwareDriverTests
{
    /// <summary>A chain of 74HC595s: shift register on the clock's rising edge, storage register on the latch's.</summary>
    private sealed class Simulated595Chain
    {
        public readonly bool[] Shift;
        public readonly bool[] Outputs;

        /// <summary>Level changes asked of the pins (writes and toggles), and how many of them were Write calls.</summary>
        public int Writes;
        public int WriteCalls;
        private bool _data, _clock, _latch;

        public Simulated595Chain(int chips)
        {
            Shift = new bool[chips * 8];
            Outputs = new bool[chips * 8];
            Data = new Pin(this, 0);
            Clock = new Pin(this, 1);
            Latch = new Pin(this, 2);
        }

        public Pin Data { get; }
        public Pin Clock { get; }
        public Pin Latch { get; }

        public int LatchPulses;

        public sealed class Pin(Simulated595Chain chain, int which) : IDigitalOutput
        {
            public void Write(bool high)
            {
                chain.WriteCalls++;
                chain.OnWrite(which, high);
            }

            public void Toggle() => chain.OnWrite(which, !chain.Level(which));
        }

        private bool Level(int which) => which == 0 ? _data : which == 1 ? _clock : _latch;

        private void OnWrite(int which, bool high)
        {
            Writes++;
            if (which == 0)
            {
                _data = high;
            }
            else if (which == 1)
            {
                if (high && !_clock)
                {
                    Array.Copy(Shift, 0, Shift, 1, Shift.Length - 1);
                    Shift[0] = _data;
                }
                _clock = high;
            }
            else
            {
                if (high && !_latch)
                {
                    Array.Copy(Shift, Outputs, Shift.Length);
                    LatchPulses++;
                }
                _latch = high;
            }
        }
    }

    private sealed class CountingPin : IDigitalOutput
    {
        public bool High;

        /// <summary>Level changes asked (writes and toggles), and how many were Write calls.</summary>
        public int Writes;
        public int WriteCalls;

        public void Write(bool high)
        {
            High = high;
            Writes++;
            WriteCalls++;
        }

        public void Toggle()
        {
            High = !High;
            Writes++;
        }
    }

    private sealed class ScriptedAdc(int value) : IAnalogInput
    {
        public int Reads;
        public int Read()
        {
            Reads++;
            return value;
        }
    }

    [Theory]
    [InlineData(48, 6)]
    [InlineData(64, 8)]
    [InlineData(20, 3)]
    public void ShiftRegisterDrivesOnlyTheSelectedRowAndGroundsAllOthers(int rows, int chips)
    {
        var chain = new Simulated595Chain(chips);
        var driver = new ShiftRegisterRowDriver(chain.Data, chain.Clock, chain.Latch, chips, rows);

        foreach (int row in new[] { 0, 1, 2, rows - 1, 5, 6, 0 })
        {
            driver.SelectRow(row);
            for (int output = 0; output < chips * 8; output++)
            {
                Assert.True(chain.Outputs[output] == (output == row), $"row {row}: output {output}");
            }
        }

        driver.ReleaseAll();
        Assert.DoesNotContain(true, chain.Outputs);
    }

    [Theory]
    [InlineData(48, 6)]
    [InlineData(64, 8)]
    public void ShiftRegisterWritesPerFrameEqualTheCostModel(int rows, int chips)
    {
        var chain = new Simulated595Chain(chips);
        var driver = new ShiftRegisterRowDriver(chain.Data, chain.Clock, chain.Latch, chips, rows);
        var model = new ScanCostModel(rows, rows, 4, ScanTiming.Default(), RowDriverKind.ShiftRegister, chips);
        ScanRows(driver, rows);
        chain.Writes = 0;

        ScanRows(driver, rows);

        Assert.Equal(model.RowGpioWrites, chain.Writes);
        // Walking the driven bit costs far less than rewriting the chain for every row (3 writes per bit).
        Assert.True(chain.Writes * 10 < rows * (3 * chips * 8 + 2));
    }

    private static void ScanRows(IRowDriver driver, int rows)
    {
        for (int row = 0; row < rows; row++)
        {
            driver.SelectRow(row);
        }
        driver.ReleaseAll();
    }

    [Fact]
    public void GpioRowsDriveOnlyTheSelectedRowAndTheirWritesEqualTheCostModel()
    {
        var pins = Enumerable.Range(0, 12).Select(_ => new CountingPin()).ToArray();
        var driver = new GpioRowDriver(pins);
        driver.ReleaseAll();
        foreach (var pin in pins)
        {
            pin.Writes = 0;
        }

        for (int row = 0; row < 12; row++)
        {
            driver.SelectRow(row);
            Assert.Equal(new[] { row }, Enumerable.Range(0, 12).Where(r => pins[r].High));
        }
        driver.ReleaseAll();

        Assert.DoesNotContain(pins, p => p.High);
        var model = new ScanCostModel(12, 12, 4, ScanTiming.Default(), RowDriverKind.Gpio, 0);
        Assert.Equal(model.RowGpioWrites, pins.Sum(p => p.Writes));
    }

    [Fact]
    public void MuxReaderSetsTheSelectLinesAndReadsTheChosenMultiplexer()
    {
        var select = Enumerable.Range(0, 4).Select(_ => new CountingPin()).ToArray();
        var adcs = new[] { new ScriptedAdc(100), new ScriptedAdc(200), new ScriptedAdc(300) };
        var reader = new MuxColumnReader(select, adcs);

        reader.SelectChannel(11);

        Assert.Equal(new[] { true, true, false, true }, select.Select(p => p.High));
        Assert.Equal(300, reader.ReadMux(2));
        Assert.Equal(16, reader.ChannelsPerMux);
        Assert.Equal(3, reader.MuxCount);
    }

    [Theory]
    [InlineData(48, 48)]
    [InlineData(64, 64)]
    [InlineData(16, 10)]
    public void WholeScanOverTheCoreDriversMakesTheGpioWritesTheCostModelPredicts(int rows, int cols)
    {
        int chips = (rows + 7) / 8;
        var chain = new Simulated595Chain(chips);
        var rowDriver = new ShiftRegisterRowDriver(chain.Data, chain.Clock, chain.Latch, chips, rows);
        var select = Enumerable.Range(0, 4).Select(_ => new CountingPin()).ToArray();
        var adcs = Enumerable.Range(0, (cols + 15) / 16).Select(m => new ScriptedAdc(m + 1)).ToArray();
        var reader = new MuxColumnReader(select, adcs);
        var timing = ScanTiming.Default();
        var grid = new FakeMatGrid(rows, cols, 16, 0);
        var loop = new ScanLoop(new MatGeometry(rows, cols, 7500), rowDriver, reader, grid, timing);
        var model = new ScanCostModel(rows, cols, 4, timing, RowDriverKind.ShiftRegister, chips);
        loop.ScanFrame();
        chain.Writes = 0;
        chain.WriteCalls = 0;
        foreach (var pin in select)
        {
            pin.Writes = 0;
            pin.WriteCalls = 0;
        }

        ushort[] frame = loop.ScanFrame();

        Assert.Equal(model.RowGpioWrites, chain.Writes);
        Assert.Equal(model.SelectGpioWrites, select.Sum(p => p.Writes));
        // Once the lines' levels are known, a frame only toggles: GpioPin.Write costs ~300 us on the device.
        Assert.Equal(0, chain.WriteCalls);
        Assert.Equal(0, select.Sum(p => p.WriteCalls));
        Assert.Equal(model.AdcReadCalls * 2, adcs.Sum(a => a.Reads));
        Assert.Equal(1 + (cols - 1) / 16, frame[cols - 1]);
        Assert.DoesNotContain(true, chain.Outputs);
    }
}
