using Kiosk.Mat.Geometry;
using Kiosk.Mat.Scanning;

namespace Kiosk.Mat.Config
{
    /// <summary>
    /// The mat and its wiring to the ESP32, read from the board file (I:\board.txt, the <c>key=value</c> export of
    /// hardware/). Pins are ESP32 GPIO numbers; -1 means "not fitted". Validated at load: <see cref="Error"/>
    /// names the first problem, and the app refuses to scan with a wrong pin map rather than drive a wrong pin.
    /// </summary>
    public sealed class BoardConfig
    {
        public const int NoPin = -1;
        public const int MaxMuxes = 8;
        public const int SelectLines = 4;

        /// <summary>The module without PSRAM; also what a board.txt written before the <c>module</c> key describes.</summary>
        public const string ModuleWroom32 = "ESP32-WROOM-32";

        /// <summary>The module with PSRAM on GPIO16/17 (hardware/README.md, "The board").</summary>
        public const string ModuleWroverE = "ESP32-WROVER-E";

        /// <summary>ADC1's logical channels 0-7 and their GPIO (ADC2 stops while Wi-Fi runs, so it is not offered).</summary>
        private static readonly int[] Adc1Gpio = { 36, 37, 38, 39, 32, 33, 34, 35 };

        /// <summary><c>module</c>: the ESP32 module the pin map is for; it decides which GPIOs the module keeps for itself.</summary>
        public string Module = ModuleWroom32;

        /// <summary>The module has PSRAM, whose chip select and clock are GPIO16/17.</summary>
        public bool HasPsram { get { return Module == ModuleWroverE; } }

        public int Rows;
        public int Cols;
        public int PitchUm;

        /// <summary>row_driver: shift or gpio.</summary>
        public RowDriverKind RowDriver;
        public int SrData = NoPin;
        public int SrClock = NoPin;
        public int SrLatch = NoPin;
        public int SrChips;
        public int[] RowGpio;

        public int MuxCount;
        public readonly int[] MuxSelect = new int[SelectLines];
        public int MuxEnable = NoPin;

        /// <summary>ADC1 logical channel (0-7) of each multiplexer, in column order.</summary>
        public int[] MuxAdcChannels;

        public int Led = NoPin;
        public int TftCs = NoPin;
        public int TftDc = NoPin;
        public int TftRst = NoPin;
        public int TftBl = NoPin;
        /// <summary>SPI1 pins of the screen (nanoFramework's ESP32 defaults: MOSI 23, MISO 25, clock 19; MISO is required).</summary>
        public int TftMosi = 23;
        public int TftMiso = 25;
        public int TftClock = 19;
        public int TftWidth = 320;
        public int TftHeight = 240;

        public int RowSettleUs = 10;
        public int ChannelSettleUs = 8;

        /// <summary>The column divider (<c>divider_ohm</c>, hardware/README.md): its resistance, ohms.</summary>
        public int DividerOhms = DefaultDividerOhms;

        /// <summary><c>divider_placement</c>: per-column (it also holds unselected columns at ground) or per-mux-output.</summary>
        public bool DividerPerColumn = true;

        public const int DefaultDividerOhms = 10000;

        /// <summary>The first problem ("board.txt: mux_select needs 4 pins"), or null when the board is usable.</summary>
        public string Error;

        public bool HasScreen { get { return TftCs != NoPin && TftDc != NoPin; } }

        /// <summary>
        /// Why this board cannot run on the chip the app finds itself on, or null: a WROVER-E's board.txt on a device
        /// whose firmware sees no PSRAM (<paramref name="psramBytes"/>, nanoFramework's NativeMemory SpiRam total) was
        /// flashed with an image without PSRAM, or is not a WROVER; the whole device does not fit without it.
        /// </summary>
        public string PsramProblem(uint psramBytes)
        {
            if (HasPsram && psramBytes == 0)
            {
                return "board.txt: module=" + Module + " but the firmware sees no PSRAM: flash the ESP32_PSRAM_REV3_IPV6 image (hardware/technician-guide.md, step 3)";
            }
            return null;
        }

        public static int GpioOfAdc1Channel(int channel)
        {
            return channel >= 0 && channel < Adc1Gpio.Length ? Adc1Gpio[channel] : NoPin;
        }

        public static BoardConfig From(KeyValueFile file)
        {
            BoardConfig board = new BoardConfig();
            if (file.Error != null)
            {
                board.Fail(file.Error);
                return board;
            }
            board.Module = file.GetString("module", ModuleWroom32);
            if (board.Module != ModuleWroom32 && board.Module != ModuleWroverE)
            {
                board.Fail("module: " + board.Module + " is not a module this firmware knows (" + ModuleWroverE + " or " + ModuleWroom32 + ")");
            }
            board.Rows = board.RequiredInt(file, "rows", MatGeometry.MinSide, MatGeometry.MaxSide);
            board.Cols = board.RequiredInt(file, "cols", MatGeometry.MinSide, MatGeometry.MaxSide);
            board.PitchUm = board.RequiredInt(file, "pitch_um", MatGeometry.MinPitchUm, MatGeometry.MaxPitchUm);
            board.RowSettleUs = board.OptionalInt(file, "row_settle_us", 0, 100000, 10);
            board.ChannelSettleUs = board.OptionalInt(file, "channel_settle_us", 0, 100000, 8);

            string rowDriver = file.Get("row_driver");
            if (rowDriver == "shift")
            {
                board.RowDriver = RowDriverKind.ShiftRegister;
                board.SrData = board.RequiredPin(file, "sr_data");
                board.SrClock = board.RequiredPin(file, "sr_clock");
                board.SrLatch = board.RequiredPin(file, "sr_latch");
                board.SrChips = board.OptionalInt(file, "sr_chips", 1, 32, (board.Rows + 7) / 8);
                if (board.SrChips * ShiftRegisterRowDriver.OutputsPerChip < board.Rows)
                {
                    board.Fail("sr_chips: the 74HC595 chain has fewer outputs than the mat has rows");
                }
            }
            else if (rowDriver == "gpio")
            {
                board.RowDriver = RowDriverKind.Gpio;
                board.RowGpio = new int[MatGeometry.MaxSide];
                int count = file.GetIntList("row_gpio", board.RowGpio);
                if (count != board.Rows)
                {
                    board.Fail("row_gpio: needs one pin per row");
                }
            }
            else
            {
                board.Fail("row_driver: must be shift or gpio");
            }

            board.DividerOhms = board.OptionalInt(file, "divider_ohm", 1, 10000000, DefaultDividerOhms);
            string placement = file.GetString("divider_placement", "per-column");
            if (placement != "per-column" && placement != "per-mux-output")
            {
                board.Fail("divider_placement: must be per-column or per-mux-output");
            }
            board.DividerPerColumn = placement == "per-column";

            board.MuxCount = board.RequiredInt(file, "mux_count", 1, MaxMuxes);
            if (file.GetIntList("mux_select", board.MuxSelect) != SelectLines)
            {
                board.Fail("mux_select: needs 4 pins (S0,S1,S2,S3)");
            }
            board.MuxEnable = board.OptionalPin(file, "mux_enable");
            board.MuxAdcChannels = new int[MaxMuxes];
            int channels = file.GetIntList("mux_adc_channels", board.MuxAdcChannels);
            if (channels != board.MuxCount)
            {
                board.Fail("mux_adc_channels: needs one ADC1 channel per multiplexer");
            }
            if (board.Error == null && board.MuxCount * 16 < board.Cols)
            {
                board.Fail("mux_count: 16 columns per multiplexer are fewer than the mat's columns");
            }

            board.Led = board.OptionalPin(file, "led");
            board.TftCs = board.OptionalPin(file, "tft_cs");
            board.TftDc = board.OptionalPin(file, "tft_dc");
            board.TftRst = board.OptionalPin(file, "tft_rst");
            board.TftBl = board.OptionalPin(file, "tft_bl");
            if (file.Has("tft_mosi"))
            {
                board.TftMosi = board.RequiredPin(file, "tft_mosi");
            }
            if (file.Has("tft_miso"))
            {
                board.TftMiso = board.RequiredPin(file, "tft_miso");
            }
            if (file.Has("tft_sck"))
            {
                board.TftClock = board.RequiredPin(file, "tft_sck");
            }
            board.TftWidth = board.OptionalInt(file, "tft_width", 16, 1024, 320);
            board.TftHeight = board.OptionalInt(file, "tft_height", 16, 1024, 240);

            if (board.Error == null)
            {
                board.CheckPins();
            }
            return board;
        }

        private void Fail(string problem)
        {
            if (Error == null)
            {
                Error = "board.txt: " + problem;
            }
        }

        private int RequiredInt(KeyValueFile file, string key, int min, int max)
        {
            int value;
            if (!file.TryGetInt(key, out value) || value < min || value > max)
            {
                Fail(key + ": needs a whole number from " + min.ToString() + " to " + max.ToString());
                return min;
            }
            return value;
        }

        private int OptionalInt(KeyValueFile file, string key, int min, int max, int fallback)
        {
            return file.Has(key) ? RequiredInt(file, key, min, max) : fallback;
        }

        private int RequiredPin(KeyValueFile file, string key)
        {
            return RequiredInt(file, key, 0, 39);
        }

        /// <summary>Absent or -1: not fitted (hardware/README.md, "Device text").</summary>
        private int OptionalPin(KeyValueFile file, string key)
        {
            int value;
            if (!file.Has(key) || (file.TryGetInt(key, out value) && value == NoPin))
            {
                return NoPin;
            }
            return RequiredPin(file, key);
        }

        // Every output on an output-capable pin (GPIO 34-39 are input only), no pin used twice, none the module keeps
        // for its flash or PSRAM, each multiplexer on an ADC1 channel.
        private void CheckPins()
        {
            bool[] used = new bool[40];
            if (RowDriver == RowDriverKind.ShiftRegister)
            {
                UseOutput(used, SrData, "sr_data");
                UseOutput(used, SrClock, "sr_clock");
                UseOutput(used, SrLatch, "sr_latch");
            }
            else
            {
                for (int row = 0; row < Rows; row++)
                {
                    UseOutput(used, RowGpio[row], "row_gpio");
                }
            }
            for (int line = 0; line < SelectLines; line++)
            {
                UseOutput(used, MuxSelect[line], "mux_select");
            }
            UseOutput(used, MuxEnable, "mux_enable");
            UseOutput(used, Led, "led");
            UseOutput(used, TftCs, "tft_cs");
            UseOutput(used, TftDc, "tft_dc");
            UseOutput(used, TftRst, "tft_rst");
            UseOutput(used, TftBl, "tft_bl");
            if (HasScreen)
            {
                UseOutput(used, TftMosi, "tft_mosi");
                Use(used, TftMiso, "tft_miso");
                UseOutput(used, TftClock, "tft_sck");
            }
            for (int mux = 0; mux < MuxCount; mux++)
            {
                int gpio = GpioOfAdc1Channel(MuxAdcChannels[mux]);
                if (gpio == NoPin)
                {
                    Fail("mux_adc_channels: only ADC1 channels 0-7 (GPIO 32-39) work while Wi-Fi runs");
                    return;
                }
                Use(used, gpio, "mux_adc_channels");
            }
        }

        private void UseOutput(bool[] used, int pin, string key)
        {
            if (pin == NoPin)
            {
                return;
            }
            if (pin < 0 || pin > 33)
            {
                Fail(key + ": GPIO " + pin.ToString() + " cannot drive an output (34-39 are input only)");
                return;
            }
            Use(used, pin, key);
        }

        private void Use(bool[] used, int pin, string key)
        {
            if (pin >= 6 && pin <= 11)
            {
                Fail(key + ": GPIO " + pin.ToString() + " is wired to the module's SPI flash (GPIO 6-11)");
                return;
            }
            if (HasPsram && (pin == 16 || pin == 17))
            {
                Fail(key + ": GPIO " + pin.ToString() + " is the " + Module + "'s PSRAM chip select or clock (GPIO 16/17)");
                return;
            }
            if (used[pin])
            {
                Fail(key + ": GPIO " + pin.ToString() + " is already used");
                return;
            }
            used[pin] = true;
        }
    }
}
