using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kiosk.Display.MatLink;

/// <summary>
/// Accepts mats over TCP (<see cref="MatLinkOptions.ListenAddress"/>:<see cref="MatLinkOptions.Port"/>, 0.0.0.0:5577
/// by default) and runs one <see cref="MatConnection"/> per mat until the host stops. A hosted service.
/// </summary>
public sealed class MatListener : BackgroundService
{
    /// <summary>Pause after a failed accept (out of file descriptors, network down) so the loop does not spin.</summary>
    private static readonly TimeSpan AcceptRetryDelay = TimeSpan.FromMilliseconds(200);

    private readonly MatLinkContext _context;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource<IPEndPoint> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<MatConnection, Task> _connections = new();

    public MatListener(MatLinkContext context)
    {
        _context = context;
        _logger = context.LoggerFactory.CreateLogger<MatListener>();
    }

    /// <summary>Completes with the bound address once listening (tests bind port 0 and read the real port here).</summary>
    public Task<IPEndPoint> Listening => _listening.Task;

    /// <summary>Connections open now, paired or not (closing ones not counted).</summary>
    public int ConnectionCount => _connections.Keys.Count(c => !c.Closing);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        MatLinkOptions options = _context.Options;
        if (!options.TcpEnabled)
        {
            _listening.TrySetCanceled();
            return;
        }
        var listener = new TcpListener(IPAddress.Parse(options.ListenAddress), options.Port);
        try
        {
            listener.Start();
        }
        catch (SocketException e)
        {
            // A port already taken is a deployment error worth stopping the display for; the host logs it.
            _listening.TrySetException(e);
            throw;
        }
        var bound = (IPEndPoint)listener.LocalEndpoint;
        _logger.LogInformation("Listening for mats on {Endpoint}", bound);
        _listening.TrySetResult(bound);
        try
        {
            await AcceptLoopAsync(listener, options, stoppingToken);
        }
        finally
        {
            listener.Stop();
            foreach (MatConnection connection in _connections.Keys)
            {
                connection.Close();
            }
            await Task.WhenAll(_connections.Values);
        }
    }

    private async Task AcceptLoopAsync(TcpListener listener, MatLinkOptions options, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException e)
            {
                _logger.LogWarning("Accepting a mat failed: {Reason}", e.Message);
                await Task.Delay(AcceptRetryDelay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                continue;
            }
            string remote = client.Client.RemoteEndPoint?.ToString() ?? "unknown";
            if (!MakeRoom(options, remote))
            {
                client.Dispose();
                continue;
            }
            // Acks and commands are tiny and the mat waits for them: send at once instead of batching.
            client.NoDelay = true;
            var connection = new MatConnection(client.GetStream(), remote, _context);
            // Counted before it runs: a connection that ends at once must not be added back after it removed itself.
            _connections[connection] = Task.CompletedTask;
            _connections.TryUpdate(connection, RunConnectionAsync(connection, client, stoppingToken), Task.CompletedTask);
        }
    }

    /// <summary>
    /// Whether a new socket may be taken. Sockets that have not proved a key live within their own budget
    /// (<see cref="MatLinkOptions.MaxUnprovenConnections"/>), and when it or the whole limit is full the oldest of them is
    /// closed to make room: a paired mat reconnecting is always let in, however many idle or hostile sockets came first.
    /// Only when every open link is a proven mat at the limit is the new socket refused.
    /// </summary>
    private bool MakeRoom(MatLinkOptions options, string remote)
    {
        var open = _connections.Keys.Where(c => !c.Closing).ToList();
        var unproven = open.Where(c => !c.Accepted).OrderBy(c => c.OpenedAtTicks).ToList();
        if (unproven.Count < options.MaxUnprovenConnections && open.Count < options.MaxConnections)
        {
            return true;
        }
        if (unproven.Count == 0)
        {
            _logger.LogWarning("Refusing mat connection from {Remote}: {Max} mats connected already (MatLink:MaxConnections)", remote, options.MaxConnections);
            return false;
        }
        MatConnection oldest = unproven[0];
        _logger.LogDebug("Closing unproven mat link {Old} to make room for {Remote}", oldest.RemoteEndpoint, remote);
        oldest.Close();
        return true;
    }

    private async Task RunConnectionAsync(MatConnection connection, TcpClient client, CancellationToken stoppingToken)
    {
        // Off the accept loop's thread, so a slow Hello cannot delay the next mat's accept.
        await Task.Yield();
        try
        {
            await connection.RunAsync(stoppingToken);
        }
        finally
        {
            client.Dispose();
            _connections.TryRemove(connection, out _);
        }
    }
}
