namespace Kiosk.Display.MatLink;

/// <summary>
/// Where everything a mat sends goes next. The web app implements it (store, live heatmap, technician page).
/// Calls for one connection come one at a time, in arrival order, except <see cref="OnFrameAsync"/>, which runs on
/// its own queue so a slow heatmap never holds up a result. Calls for different mats may run concurrently.
/// An exception thrown here is logged and never closes the connection.
/// </summary>
public interface IMatEventSink
{
    /// <summary>A paired mat connected and introduced itself.</summary>
    Task OnHelloAsync(MatHello hello, CancellationToken cancellationToken);

    /// <summary>An unknown mat connected: show it to the technician for pairing. It was refused and will be closed.</summary>
    Task OnDeviceWaitingForPairingAsync(long deviceId, string remoteEndpoint, CancellationToken cancellationToken);

    /// <summary>
    /// A paired mat answered the Challenge with a wrong proof: it holds another key than it was paired with (a
    /// re-provisioned mat, or an impostor using its id). It was refused and will be closed; its data is not taken.
    /// </summary>
    Task OnDeviceKeyRefusedAsync(long deviceId, string remoteEndpoint, CancellationToken cancellationToken);

    /// <summary>A live frame. Dropped, oldest first, when this is slower than the mat.</summary>
    Task OnFrameAsync(LiveFrame frame, CancellationToken cancellationToken);

    /// <summary>
    /// Store the result under <see cref="ScanResult.ResultId"/> only if that id is not stored yet, durably, and return
    /// true when it is stored now or was already (docs/protocol.md, "The receiver's rule"). Only then is the result
    /// acknowledged; false or an exception sends no ack, and the mat resends later, so nothing is lost.
    /// </summary>
    Task<bool> OnResultAsync(ScanResult result, CancellationToken cancellationToken);

    Task OnStatusAsync(MatStatus status, CancellationToken cancellationToken);

    /// <summary>The mat's self-test findings, after each accepted Hello and after a new self-test.</summary>
    Task OnSenselMapAsync(MatSenselMap map, CancellationToken cancellationToken);

    /// <summary>The mat acknowledged a command sent through <see cref="IDeviceCommands"/>.</summary>
    Task OnCommandAckAsync(CommandAck ack, CancellationToken cancellationToken);

    /// <summary>A paired mat's connection ended (closed, timed out, replaced by a newer connection, or the display stops).</summary>
    Task OnDisconnectedAsync(long deviceId, string remoteEndpoint, CancellationToken cancellationToken);
}
