using System.CommandLine;
using System.Diagnostics;
using Kiosk.Hardware;
using Kiosk.Mat.Cli.Links;
using Kiosk.Mat.Config;
using Kiosk.Mat.Link;
using Kiosk.Mat.Pairing;
using Kiosk.Mat.Protocol;
using Kiosk.Mat.Geometry;
using Kiosk.Mat.Simulation;
using Kiosk.Mat.Simulation.Grid;
using Kiosk.Mat.Simulation.Shoppers;
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

    // After the shopper leaves, how long (simulated) the mat keeps going until the display has acked every result.
    private const int DrainSeconds = 120;
    // Wall time given to a TCP display per drained frame when not in real time, so its acks can arrive.
    private const int DrainPaceMs = 5;

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

    /// <summary>One run of the virtual mat to its destination, paced in real time or not.</summary>
    private sealed class SimulationRun(VirtualMat mat, bool realtime)
    {
        private readonly Stopwatch _wall = new();

        public int ToFile(ShopperTimeline shopper, string path, TextWriter error)
        {
            try
            {
                using FileStream file = File.Create(path);
                var display = new CapturingDisplay(file);
                mat.Dial = () => display;
                Play(shopper, drainPaceMs: 0);
                error.WriteLine($"{Summary()}; {display.ResultIds.Count} results written to {path}");
                return Outcome();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"matctl simulate: {path}: cannot be written: {e.Message}");
                return BadArguments;
            }
        }

        /// <summary>To a display that acks, over a link <paramref name="open"/> opens again whenever it has failed.</summary>
        public int ToDisplay<TLink>(ShopperTimeline shopper, string where, Func<TLink?> open, TextWriter error)
            where TLink : class, IPacketTransport, IDisposable
        {
            TLink? current = null;
            mat.Dial = () =>
            {
                current?.Dispose();
                current = open();
                return current;
            };
            try
            {
                Play(shopper, DrainPaceMs);
            }
            catch (RefusedByDisplay refused)
            {
                error.WriteLine(Refusal(refused.Status, mat.Link.Hello.DeviceId, where));
                return Refused;
            }
            finally
            {
                current?.Dispose();
            }
            error.WriteLine($"{Summary()} ({where})");
            return Outcome();
        }

        private void Play(ShopperTimeline shopper, int drainPaceMs)
        {
            mat.Start();
            _wall.Start();
            mat.Run(shopper, _ => AfterFrame(0));
            mat.Drain(DrainSeconds * 1000 / mat.FramePeriodMs, () => AfterFrame(drainPaceMs));
        }

        private void AfterFrame(int fastPaceMs)
        {
            int hello = mat.Link.HelloStatus;
            if (hello == AckStatus.UnknownDevice || hello == AckStatus.BadProof)
            {
                // Every Hello will be refused the same way: nothing this run sends would be taken.
                throw new RefusedByDisplay(hello);
            }
            Pace(fastPaceMs);
        }

        private sealed class RefusedByDisplay(int status) : Exception(AckStatus.Name(status))
        {
            public int Status { get; } = status;
        }

        /// <summary>Why the display refused the mat, and what to do about it, in the technician's words.</summary>
        private static string Refusal(int status, long deviceId, string where) => status == AckStatus.UnknownDevice
            ? $"matctl simulate: the display at {where} refused the mat: device {deviceId:x12} is not paired there; pair it on the technician page (Mats, pair by key) with the key given as --device-key"
            : $"matctl simulate: the display at {where} refused the mat: device {deviceId:x12} is paired there with another key; give the key it was paired with as --device-key, or pair it again";

        /// <summary>In real time, waits until the wall clock reaches the mat's clock; otherwise waits the given pace.</summary>
        private void Pace(int fastPaceMs)
        {
            long waitMs = realtime ? mat.NowMs - _wall.ElapsedMilliseconds : fastPaceMs;
            if (waitMs > 0)
            {
                Thread.Sleep((int)waitMs);
            }
        }

        private string Summary() =>
            $"{mat.ScansCompleted} scans, {mat.Link.Outbox.Count} results unacknowledged, {mat.Link.FramesDropped} live frames dropped, {mat.NowMs / 1000.0:F1} s simulated";

        private int Outcome() => mat.Link.Outbox.Count == 0 && !mat.Link.HoldingResult ? Delivered : Undelivered;
    }
}
