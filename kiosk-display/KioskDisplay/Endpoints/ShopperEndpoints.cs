using System.Data.Common;
using System.Text.Json;
using Kiosk.Display.TakeHome;

namespace Kiosk.Display.Endpoints;

/// <summary>The shopper page's API: a Server-Sent Events stream of the mat, and advice for the shopper on it now.</summary>
public static class ShopperEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapShopperEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/shopper");
        group.MapGet("/events", StreamAsync);
        group.MapPost("/advice", AdviceAsync);
        group.MapPost("/ask-staff", AskStaff);
        group.MapGet("/locale", async (IOptions<KioskOptions> options, IWebHostEnvironment host, ScanExpiryJob expiry, CancellationToken ct) =>
        {
            var locale = ShopperLocale.From(options.Value, host.WebRootFileProvider);
            // How long a scan is kept, for the page's privacy line: the staff's setting, else Kiosk:RetentionDays.
            return Results.Ok(new { locale.Language, locale.Culture, locale.Currency, retentionDays = await expiry.RetentionDaysAsync(ct) });
        });
        return group;
    }

    /// <summary>
    /// The shopper's activity and answers to the warning-sign questions (id: yes or no), laid over what they answered
    /// before. <c>Pain</c> is the page's older name for the knee or hip question.
    /// </summary>
    public sealed record AdviceRequest(string? ResultId, string? SessionId, string? Activity, Dictionary<string, bool>? Answers, bool? Pain);

    /// <summary>
    /// Advice for the result on the mat now; refused for any other result, so no shopper sees another's. The answers
    /// are kept with the scan, so the staff page and the printed report give the same advice.
    /// </summary>
    private static async Task<IResult> AdviceAsync(AdviceRequest request, ShopperSessions sessions, Recommender recommender,
        ICatalogStore catalog, IScanStore scans, TakeHomeLinks links, HttpRequest http, ILoggerFactory log, CancellationToken ct)
    {
        var changes = new Dictionary<string, bool>(request.Answers ?? []);
        if (request.Pain is { } pain) changes.TryAdd("knee-hip-pain", pain);
        if (ShopperAnswers.None.With(request.Activity, changes) is null)
        {
            return Results.Problem($"activity must be one of {string.Join(", ", ShopperAnswers.Activities)}, and answers one of {string.Join(", ", WarningSigns.Ids)}",
                statusCode: StatusCodes.Status400BadRequest);
        }
        if (request.ResultId is null || request.SessionId is null || sessions.CurrentResult(request.ResultId, request.SessionId) is not { } result)
        {
            return Results.Problem("this result is no longer on the mat", statusCode: StatusCodes.Status409Conflict);
        }
        var earlier = (await scans.GetScanAsync(result.ResultId, ct))?.Answers ?? ShopperAnswers.None;
        var answers = earlier.With(request.Activity, changes)!;
        try
        {
            await scans.SaveAnswersAsync(result.ResultId, answers, ct);
        }
        catch (DbException e)
        {
            // The shopper still gets the advice for what they answered; only the staff page will not show it.
            log.CreateLogger("Kiosk.Display.ShopperAnswers").LogError("the answers to scan {ResultId} could not be kept: {Error}", result.ResultId, e.Message);
        }
        var advice = recommender.Advise(FootProfile.From(result.Report), await catalog.ListProductsAsync(false, ct), answers);
        return Results.Json(ShopperView.Result(result, request.SessionId, advice, answers, links.For(http, result, advice)), Json);
    }

    public sealed record AskStaffRequest(string? ResultId, string? SessionId);

    /// <summary>The shopper on the mat asks for a member of staff: a call on every staff page until someone answers it.</summary>
    private static IResult AskStaff(AskStaffRequest request, ShopperSessions sessions, StaffCalls calls)
    {
        if (request.ResultId is null || request.SessionId is null || sessions.CurrentResult(request.ResultId, request.SessionId) is not { } result)
        {
            return Results.Problem("this result is no longer on the mat", statusCode: StatusCodes.Status409Conflict);
        }
        var call = calls.Call(result.DeviceId, result.ResultId);
        return Results.Accepted(value: new { call.Id });
    }

    /// <summary>The kiosk's own mat's live events (<see cref="KioskMat"/>): one mat, never every mat's shoppers.</summary>
    private static async Task StreamAsync(HttpContext http, ShopperSessions sessions, Recommender recommender, ICatalogStore catalog,
        IScanStore scans, TakeHomeLinks links, KioskMat kioskMat, IHostApplicationLifetime lifetime, string? device,
        CancellationToken requestAborted)
    {
        var choice = await kioskMat.ForAsync(string.IsNullOrWhiteSpace(device) ? null : device.Trim(), requestAborted);
        if (choice.Problem is not null)
        {
            await Results.Problem(choice.Problem, statusCode: choice.Status).ExecuteAsync(http);
            return;
        }
        // No mat yet: the idle screen, and nothing of any other mat until one is paired (asked again below).
        device = choice.DeviceId ?? "";
        bool chosen = choice.DeviceId is not null;
        // ends when the page goes away or the server stops (the page reconnects by itself)
        using var stream = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, lifetime.ApplicationStopping);
        var ct = stream.Token;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache, no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        using var subscription = sessions.Subscribe();
        try
        {
            foreach (var item in sessions.Snapshot(device))
            {
                await WriteAsync(http, item, recommender, catalog, scans, links, replay: true, ct);
            }
            await http.Response.Body.FlushAsync(ct);
            var reader = subscription.Reader;
            string? lastAsked = null;
            while (!ct.IsCancellationRequested)
            {
                using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(ct);
                heartbeat.CancelAfter(TimeSpan.FromSeconds(15));
                bool more;
                try
                {
                    more = await reader.WaitToReadAsync(heartbeat.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    await http.Response.WriteAsync(": still here\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                    continue;
                }
                if (!more) break;
                while (reader.TryRead(out var item))
                {
                    if (!chosen && item.DeviceId != lastAsked)
                    {
                        // a mat that speaks after the page opened (the virtual mat pairs itself at start-up): is it ours now?
                        lastAsked = item.DeviceId;
                        if ((await kioskMat.ForAsync(null, ct)).DeviceId is { } now)
                        {
                            device = now;
                            chosen = true;
                        }
                    }
                    if (!string.Equals(item.DeviceId, device, StringComparison.OrdinalIgnoreCase)) continue;
                    await WriteAsync(http, item, recommender, catalog, scans, links, replay: false, ct);
                }
                await http.Response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // the page went away
        }
    }

    private static async Task WriteAsync(HttpContext http, ShopperEvent item, Recommender recommender, ICatalogStore catalog,
        IScanStore scans, TakeHomeLinks links, bool replay, CancellationToken ct)
    {
        (string name, object data) = item switch
        {
            SessionStateEvent s => ("state", (object)new
            {
                deviceId = s.DeviceId, state = s.State, sessionId = s.SessionId, holdStillSeconds = s.HoldStillSeconds,
                showsForMs = (long)(s.ShowsForSeconds * 1000)
            }),
            SessionFrameEvent f => ("frame", new
            {
                deviceId = f.DeviceId,
                sessionId = f.SessionId,
                capturedAtMs = f.Frame.CapturedAt.ToUnixTimeMilliseconds(),
                // the server's send time, so the page can measure the latency from here to its screen
                sentAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
                grid = ShopperView.Grid(f.Frame.Grid),
            }),
            SessionResultEvent r => ("result", await ResultAsync(http.Request, r, recommender, catalog, scans, links, replay, ct)),
            _ => throw new InvalidOperationException(item.GetType().Name),
        };
        await http.Response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data, Json)}\n\n", ct);
    }

    /// <summary>
    /// The result as the shopper sees it: just in, everyday wear and no question answered yet (no database read on the
    /// live path); to a page that reconnects mid-visit, with the answers the shopper already gave.
    /// </summary>
    private static async Task<object> ResultAsync(HttpRequest http, SessionResultEvent r, Recommender recommender, ICatalogStore catalog,
        IScanStore scans, TakeHomeLinks links, bool replay, CancellationToken ct)
    {
        var answers = replay ? (await scans.GetScanAsync(r.Result.ResultId, ct))?.Answers ?? ShopperAnswers.None : ShopperAnswers.None;
        var advice = recommender.Advise(FootProfile.From(r.Result.Report), await catalog.ListProductsAsync(false, ct), answers);
        return ShopperView.Result(r.Result, r.SessionId, advice, answers, links.For(http, r.Result, advice));
    }
}
