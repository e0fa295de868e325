using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Kiosk.Mat.Config;
using Kiosk.Mat.Geometry;
using Kiosk.Mat.Host.Protocol;
using Kiosk.Mat.Pairing;
using Kiosk.Mat.Simulation;
using Kiosk.Mat.Simulation.Shoppers;
using Kiosk.Mat.Simulation.Transports;

namespace Kiosk.Display.Feed;

/// <summary>
/// A virtual mat inside the display: the mat's firmware loop over a simulated sensor grid (firmware/MatSim), playing
/// scripted shoppers one after another and talking to this display's own mat listener through the real protocol on
/// loopback, exactly as an ESP32 would: the core's MatDevice, so it answers the technician's Zero and Calibrate as a real
/// mat does. It pairs itself with a new key at every start, keeps its result counter in the data folder so its ids are
/// never reused across restarts, and dials the address the listener is bound to. A store turns it off when a real mat
/// is installed.
/// </summary>
public sealed class VirtualMatService(
    MatListener listener,
    IPairingRegistry pairing,
    FrameDepartures departures,
    IOptions<VirtualMatServiceOptions> options,
    IOptions<KioskOptions> kiosk,
    IHostEnvironment host,
    ILogger<VirtualMatService> logger) : BackgroundService
{
    /// <summary>The standard rotation: the three arch types and a mixed pair, each standing still.</summary>
    public static readonly string[] StandardRotation = ["flat-feet-still", "normal-arches-still", "high-arches-still", "flat-left-high-right", "uneven-stance"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        VirtualMatServiceOptions settings = options.Value;
        long deviceId = DeviceIdentity.ParseHex(settings.DeviceId); // checked at start (VirtualMatOptionsValidator)
        IPEndPoint endpoint;
        try
        {
            endpoint = await listener.Listening.WaitAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // The listener says why it is not listening (VirtualMatOptionsValidator already refuses MatLink:TcpEnabled=false).
            logger.LogError("The virtual mat stays off: the display is not listening for mats ({Reason})", e.Message);
            return;
        }
        // A fresh key on every start, known only to this process: the virtual mat proves it like a real one.
        byte[] pairingKey = RandomNumberGenerator.GetBytes(PairingKey.KeyBytes);
        await pairing.PairAsync(deviceId, pairingKey, stoppingToken);
        string[] names = settings.Scenarios.Length > 0 ? settings.Scenarios : StandardRotation;
        var scenarios = names.Select(name => ShopperScenarios.Find(name)
            ?? throw new InvalidOperationException($"VirtualMat:Scenarios: no scenario '{name}' (see matctl scenarios)")).ToArray();
        IPEndPoint display = DialAddress(endpoint);
        var counters = new VirtualMatCounterFile(VirtualMatCounterFile.For(kiosk.Value.DataFolderPath(host.ContentRootPath), deviceId), logger);
        logger.LogWarning("The virtual mat {DeviceId} is on: scripted shoppers on {Endpoint} (set VirtualMat:Enabled=false for a real mat)", settings.DeviceId, display);
        // The mat's loop is synchronous, as on the device: give it a thread of its own.
        await Task.Factory.StartNew(() => Play(settings, deviceId, pairingKey, display, counters, scenarios, stoppingToken), stoppingToken,
            TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap().ConfigureAwait(false);
    }

    /// <summary>Where the virtual mat reaches this display's listener: its own address, or loopback when it listens on every interface.</summary>
    public static IPEndPoint DialAddress(IPEndPoint listening)
    {
        IPAddress address = listening.Address;
        if (address.Equals(IPAddress.Any))
        {
            address = IPAddress.Loopback;
        }
        else if (address.Equals(IPAddress.IPv6Any))
        {
            address = IPAddress.IPv6Loopback;
        }
        return new IPEndPoint(address, listening.Port);
    }

    private Task Play(VirtualMatServiceOptions settings, long deviceId, byte[] pairingKey, IPEndPoint display, VirtualMatCounterFile counters,
        ShopperScenario[] scenarios, CancellationToken stoppingToken)
    {
        var geometry = new MatGeometry(settings.Rows, settings.Cols, (int)Math.Round(settings.PitchMm * 1000));
        var mat = new VirtualMat(geometry, new VirtualMatOptions
        {
            DeviceId = deviceId,
            PairingKey = pairingKey,
            FramesPerSecond = settings.FramesPerSecond,
            CounterFile = counters,
        });
        string deviceIdText = PacketJson.DeviceIdText(deviceId);
        mat.FrameSending += atMs => departures.Record(deviceIdText, (uint)atMs, DateTimeOffset.UtcNow);
        using var link = ReopeningLink.Tcp(display.Address.ToString(), display.Port);
        mat.Dial = link.Dial;
        var wall = Stopwatch.StartNew();
        void Pace()
        {
            stoppingToken.ThrowIfCancellationRequested();
            long waitMs = (long)(mat.NowMs / settings.Speed) - wall.ElapsedMilliseconds;
            if (waitMs > 0)
            {
                stoppingToken.WaitHandle.WaitOne((int)Math.Min(waitMs, 1000));
            }
        }
        try
        {
            mat.Start();
            var empty = new int[geometry.SenselCount];
            for (int turn = 0; !stoppingToken.IsCancellationRequested; turn++)
            {
                ShopperScenario scenario = scenarios[turn % scenarios.Length];
                logger.LogInformation("Virtual shopper: {Scenario}", scenario.Name);
                mat.Run(scenario.Timeline(geometry), _ => Pace());
                int pauseFrames = (int)(settings.PauseSeconds * 1000 / mat.FramePeriodMs);
                for (int i = 0; i < pauseFrames; i++)
                {
                    mat.Step(empty);
                    Pace();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        return Task.CompletedTask;
    }
}
