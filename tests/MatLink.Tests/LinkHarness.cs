using System.Net;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiosk.Display.MatLink.Tests;

/// <summary>
/// A running <see cref="MatListener"/> on 127.0.0.1 and a port the system picks, with a <see cref="RecordingSink"/>
/// and an in-memory pairing registry in which <see cref="FakeMat.DefaultDeviceId"/> is paired with <see cref="FakeMat.DefaultKey"/>.
/// </summary>
public sealed class LinkHarness : IAsyncDisposable
{
    public RecordingSink Sink { get; } = new();
    public InMemoryPairingRegistry Pairing { get; } = new();

    /// <summary>The registry the listener asks: <see cref="Pairing"/> unless a test brings its own.</summary>
    public IPairingRegistry Registry { get; }
    public ConnectedMats Connected { get; } = new();
    public MatLinkContext Context { get; }
    public MatListener Listener { get; }
    public MatCommandSender Commands { get; }
    public IPEndPoint Endpoint { get; private set; } = null!;

    private LinkHarness(MatLinkOptions options, IPairingRegistry? registry)
    {
        Registry = registry ?? Pairing;
        // Completes at once: the in-memory registry has nothing to wait for.
        Pairing.PairAsync(FakeMat.DefaultDeviceId, FakeMat.DefaultKey, CancellationToken.None).GetAwaiter().GetResult();
        Context = new MatLinkContext(Sink, Registry, Connected, options, NullLoggerFactory.Instance);
        Listener = new MatListener(Context);
        Commands = new MatCommandSender(Connected);
    }

    public static async Task<LinkHarness> StartAsync(Action<MatLinkOptions>? configure = null, IPairingRegistry? registry = null)
    {
        var options = new MatLinkOptions { ListenAddress = "127.0.0.1", Port = 0 };
        configure?.Invoke(options);
        var harness = new LinkHarness(options, registry);
        await harness.Listener.StartAsync(CancellationToken.None);
        harness.Endpoint = await Guard.Within(harness.Listener.Listening);
        return harness;
    }

    public Task<(FakeMat Mat, AckMessage HelloAck)> ConnectPairedMatAsync() => FakeMat.ConnectAndHelloAsync(Endpoint);

    /// <summary>The paired mat of <see cref="StartWithMatAsync"/>, closed with the harness.</summary>
    public FakeMat Mat { get; private set; } = null!;

    public AckMessage HelloAck { get; private set; } = null!;

    /// <summary>A running listener with the paired fake mat connected and its Hello answered.</summary>
    public static async Task<LinkHarness> StartWithMatAsync(Action<MatLinkOptions>? configure = null)
    {
        var harness = await StartAsync(configure);
        (harness.Mat, harness.HelloAck) = await harness.ConnectPairedMatAsync();
        return harness;
    }

    public async ValueTask DisposeAsync()
    {
        if (Mat != null)
        {
            await Mat.DisposeAsync();
        }
        await Guard.Within(Listener.StopAsync(CancellationToken.None));
        Listener.Dispose();
    }
}
