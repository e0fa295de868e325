using System.Device.Adc;
using System.Device.Gpio;
using Kiosk.Mat.Config;
using Kiosk.Mat.Scanning;

namespace Kiosk.Esp32App.Hardware
{
    /// <summary>
    /// Opens the pins the board file names and builds the core's row driver and column reader on them.
    /// Only a validated <see cref="BoardConfig"/> (Error == null) may be passed.
    /// </summary>
    public sealed class MatHardware
    {
        public readonly IRowDriver Rows;
        public readonly IColumnReader Columns;

        /// <summary>One raw GPIO output and one ADC input, for <see cref="CostProbe"/> to time.</summary>
        public readonly IDigitalOutput ProbeOutput;
        public readonly IAnalogInput ProbeInput;

        public MatHardware(BoardConfig board, GpioController gpio)
        {
            if (board.RowDriver == RowDriverKind.ShiftRegister)
            {
                GpioOutput data = new GpioOutput(gpio, board.SrData);
                Rows = new ShiftRegisterRowDriver(data, new GpioOutput(gpio, board.SrClock), new GpioOutput(gpio, board.SrLatch), board.SrChips, board.Rows);
                ProbeOutput = data;
            }
            else
            {
                IDigitalOutput[] rowPins = new IDigitalOutput[board.Rows];
                for (int row = 0; row < board.Rows; row++)
                {
                    rowPins[row] = new GpioOutput(gpio, board.RowGpio[row]);
                }
                Rows = new GpioRowDriver(rowPins);
                ProbeOutput = rowPins[0];
            }
            Rows.ReleaseAll();

            IDigitalOutput[] select = new IDigitalOutput[BoardConfig.SelectLines];
            for (int line = 0; line < select.Length; line++)
            {
                select[line] = new GpioOutput(gpio, board.MuxSelect[line]);
            }
            if (board.MuxEnable != BoardConfig.NoPin)
            {
                // The CD74HC4067's enable is active low: GpioOutput opens it low, enabling every multiplexer.
                new GpioOutput(gpio, board.MuxEnable);
            }

            AdcController adc = new AdcController();
            IAnalogInput[] inputs = new IAnalogInput[board.MuxCount];
            for (int mux = 0; mux < inputs.Length; mux++)
            {
                inputs[mux] = new Adc1Input(adc, board.MuxAdcChannels[mux]);
            }
            Columns = new MuxColumnReader(select, inputs);
            ProbeInput = inputs[0];
        }
    }
}
