using System.Diagnostics;
using Kiosk.Mat.Link;
using Kiosk.Mat.Protocol;
using Kiosk.Mat.Simulation.Transports;

namespace Kiosk.Mat.Cli.Commands;

/// <summary>One run of the virtual mat to its destination, paced in real time or not.</summary>
internal sealed class SimulationRun(VirtualMat mat, bool realtime)
{
    // After the shopper leaves, how long (simulated) the mat keeps going until the display has acked every result.
    private const int DrainSeconds = 120;
    // Wall time given to a TCP display per drained frame when not in real time, so its acks can arrive.
    private const int DrainPaceMs = 5;

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
            return SimulateCommand.BadArguments;
        }
    }

    /// <summary>To a display that acks, over a link <paramref name="open"/> opens again whenever it has failed.</summary>
    public int ToDisplay<TLink>(ShopperTimeline shopper, string where, Func<TLink?> open, TextWriter error)
        where TLink : class, IPacketTransport, IDisposable
    {
        using (var link = new ReopeningLink<TLink>(open))
        {
            mat.Dial = link.Dial;
            try
            {
                Play(shopper, DrainPaceMs);
            }
            catch (RefusedByDisplay refused)
            {
                error.WriteLine(Refusal(refused.Status, mat.Link.Hello.DeviceId, where));
                return SimulateCommand.Refused;
            }
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
        AckStatus hello = mat.Link.HelloStatus;
        if (hello == AckStatus.UnknownDevice || hello == AckStatus.BadProof)
        {
            // Every Hello will be refused the same way: nothing this run sends would be taken.
            throw new RefusedByDisplay(hello);
        }
        Pace(fastPaceMs);
    }

    private sealed class RefusedByDisplay(AckStatus status) : Exception(status.Name())
    {
        public AckStatus Status { get; } = status;
    }

    /// <summary>Why the display refused the mat, and what to do about it, in the technician's words.</summary>
    private static string Refusal(AckStatus status, long deviceId, string where) => status == AckStatus.UnknownDevice
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

    private int Outcome() => mat.Link.Outbox.Count == 0 && !mat.Link.HoldingResult ? SimulateCommand.Delivered : SimulateCommand.Undelivered;
}
