using Kiosk.Mat.Host.Protocol;
using Microsoft.Extensions.Logging;

namespace Kiosk.Display.MatLink;

/// <summary>
/// Hands events to the web app's <see cref="IMatEventSink"/>. A sink that throws is the web app's bug or outage: it is
/// logged and must not end the mat's link. Only a cancellation (the link or the display ending) passes through.
/// Results do not come this way: a failure to store one decides its ack (<see cref="ResultAckRules"/>).
/// </summary>
internal sealed class SinkDelivery(IMatEventSink sink, ILogger logger)
{
    public IMatEventSink Sink => sink;

    public Task DeliverAsync(Func<IMatEventSink, Task> call, string what, long deviceId) =>
        DeliverAsync(call, what, PacketJson.DeviceIdText(deviceId));

    /// <param name="deviceIdText">The mat's id as <see cref="PacketJson.DeviceIdText"/> writes it, for the log.</param>
    public async Task DeliverAsync(Func<IMatEventSink, Task> call, string what, string deviceIdText)
    {
        try
        {
            await call(sink);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The display failed to take a {What} from mat {Device}", what, deviceIdText);
        }
    }
}
