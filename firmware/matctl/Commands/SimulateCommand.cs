using Kiosk.Mat.Cli.Links;
using Kiosk.Mat.Simulation.Grid;
using Kiosk.Mat.Simulation.Transports;

namespace Kiosk.Mat.Cli.Commands;

/// <summary>
/// <c>matctl simulate --scenario NAME (--out FILE | (--connect HOST:PORT | --serial PORT) --device-id ID --device-key KEY)</c>: the virtual mat runs a
/// scripted shopper through the real firmware loop over the simulated grid and sends the protocol's bytes to a file
/// (as a display that acks everything would receive them; <c>matctl decode</c> reads it) or to a display over TCP or
/// a serial port, reading its acks and reconnecting when it goes away. Exit codes: 0 every result delivered, 1 some still unacknowledged
/// at the end, 2 bad arguments (an unknown scenario prints the list), 3 the display refused the mat (not paired there,
/// or paired with another key): it says which, and stops.
/// </summary>
public static class SimulateCommand
{
    public const int Delivered = 0;
    public const int Undelivered = 1;
    public const int BadArguments = 2;
    public const int Refused = 3;

    public static Command Create()
    {
        var scenario = new Option<string>("--scenario") { Description = "a scripted shopper (matctl scenarios lists them)", Required = true };
        var connect = new Option<string?>("--connect") { Description = "HOST:PORT of a display to send to over TCP" };
        var serial = new Option<string?>("--serial") { Description = "serial port of a display (921600 8N1), e.g. /dev/ttyUSB0 or COM3" };
        var output = new Option<string?>("--out") { Description = "file to write the byte stream to" };
        var fps = new Option<int>("--fps") { Description = "simulated frames per second", DefaultValueFactory = _ => 20 };
        var realtime = new Option<bool>("--realtime") { Description = "run at wall-clock speed (for a display); default is as fast as possible" };
        var seed = new Option<int>("--seed") { Description = "seed of the films' gains and the ADC noise", DefaultValueFactory = _ => 1 };
        var crosstalk = new Option<string>("--crosstalk") { Description = "on: the passive matrix with its crosstalk, compensated in the core; off: an ideal readout", DefaultValueFactory = _ => "on" };
        crosstalk.AcceptOnlyFromAmong("on", "off");
        var board = new Option<string?>("--board") { Description = "board definition (hardware/*.json) or the device's key=value board text; default 48 x 48 at 10 mm" };
        var deviceId = new Option<string>("--device-id") { Description = "the mat's id, 1-16 hex digits", DefaultValueFactory = _ => "5eed00000001" };
        var deviceKey = new Option<string?>("--device-key") { Description = "the pairing key the display paired --device-id with (32 hex digits); needed with --connect or --serial" };

        var command = new Command("simulate", "run a scripted shopper on the virtual mat and send the protocol to a file or a display");
        foreach (Option option in new Option[] { scenario, connect, serial, output, fps, realtime, seed, crosstalk, board, deviceId, deviceKey })
        {
            command.Options.Add(option);
        }
        command.SetAction(parse =>
        {
            TextWriter error = parse.InvocationConfiguration.Error;
            string name = parse.GetValue(scenario)!;
            ShopperScenario? shopper = ShopperScenarios.Find(name);
            if (shopper == null)
            {
                error.WriteLine($"matctl simulate: unknown scenario '{name}'; the scenarios are:");
                ScenariosCommand.Write(error);
                return BadArguments;
            }
            string? outPath = parse.GetValue(output);
            string? endpoint = parse.GetValue(connect);
            string? serialPort = parse.GetValue(serial);
            if (new[] { outPath, endpoint, serialPort }.Count(d => d != null) != 1)
            {
                error.WriteLine("matctl simulate: give exactly one of --out FILE, --connect HOST:PORT or --serial PORT");
                return BadArguments;
            }
            if (!TryGeometry(parse.GetValue(board), error, out MatGeometry geometry))
            {
                return BadArguments;
            }
            int framesPerSecond = parse.GetValue(fps);
            if (framesPerSecond is < 1 or > 1000)
            {
                error.WriteLine("matctl simulate: --fps must be 1 to 1000");
                return BadArguments;
            }
            long id = DeviceIdentity.ParseHex(parse.GetValue(deviceId)!);
            if (id < 0)
            {
                error.WriteLine("matctl simulate: --device-id must be 1 to 16 hex digits");
                return BadArguments;
            }
            byte[]? pairingKey = null;
            if (parse.GetValue(deviceKey) is { } keyText)
            {
                pairingKey = new byte[PairingKey.KeyBytes];
                if (!PairingKey.TryParse(keyText, pairingKey))
                {
                    error.WriteLine("matctl simulate: --device-key must be 32 hex digits");
                    return BadArguments;
                }
            }
            else if (outPath == null)
            {
                error.WriteLine("matctl simulate: a display only takes a paired mat's data: give --device-key (and --device-id) as paired on its technician page");
                return BadArguments;
            }
            bool withCrosstalk = parse.GetValue(crosstalk) == "on";
            var options = new VirtualMatOptions
            {
                DeviceId = id,
                PairingKey = pairingKey,
                FramesPerSecond = framesPerSecond,
                Electrics = new GridElectrics { Crosstalk = withCrosstalk, Seed = parse.GetValue(seed) },
                CompensateCrosstalk = withCrosstalk,
            };
            var mat = new VirtualMat(geometry, options);
            var run = new SimulationRun(mat, parse.GetValue(realtime));
            if (outPath != null)
            {
                return run.ToFile(shopper.Timeline(geometry), outPath, error);
            }
            if (serialPort != null)
            {
                // Retried every simulated second while it fails; the reason is worth saying once.
                TextWriter firstFailure = error;
                return run.ToDisplay(shopper.Timeline(geometry), serialPort, () =>
                {
                    SerialPacketTransport? link = SerialPacketTransport.TryOpen(serialPort, firstFailure);
                    firstFailure = link == null ? TextWriter.Null : error;
                    return link;
                }, error);
            }
            if (!TryEndpoint(endpoint!, out string host, out int port))
            {
                error.WriteLine($"matctl simulate: --connect wants HOST:PORT, got '{endpoint}'");
                return BadArguments;
            }
            return run.ToDisplay(shopper.Timeline(geometry), endpoint!, () => TcpPacketTransport.TryConnect(host, port), error);
        });
        return command;
    }

    private static bool TryEndpoint(string endpoint, out string host, out int port)
    {
        int colon = endpoint.LastIndexOf(':');
        host = colon > 0 ? endpoint[..colon] : "";
        port = 0;
        return colon > 0 && int.TryParse(endpoint[(colon + 1)..], out port) && port is > 0 and < 65536;
    }

    /// <summary>The mat's geometry from a board definition (JSON) or the device's board text; 48 x 48 at 10 mm without one.</summary>
    private static bool TryGeometry(string? path, TextWriter error, out MatGeometry geometry)
    {
        geometry = new MatGeometry(48, 48, 10000);
        if (path == null)
        {
            return true;
        }
        try
        {
            string text = File.ReadAllText(path);
            if (text.TrimStart().StartsWith('{'))
            {
                geometry = BoardGeometry.ToMatGeometry(BoardDefinitionFile.Parse(text, Path.GetFileName(path)));
                return true;
            }
            IReadOnlyDictionary<string, string> values = DeviceBoardText.Parse(text);
            geometry = new MatGeometry(int.Parse(values["rows"]), int.Parse(values["cols"]), int.Parse(values["pitch_um"]));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BoardFileException or FormatException
            or KeyNotFoundException or ArgumentException or OverflowException)
        {
            error.WriteLine($"matctl simulate: --board {path}: {e.Message}");
            return false;
        }
    }
}
