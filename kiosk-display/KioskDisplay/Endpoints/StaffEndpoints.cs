using System.Security.Claims;
using Kiosk.Display.Auth;
using Kiosk.Mat.Pairing;

namespace Kiosk.Display.Endpoints;

/// <summary>The staff API (JSON and CSV): scans and the catalog. The staff pages use the same services.</summary>
public static class StaffEndpoints
{
    public static RouteGroupBuilder MapStaffEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/staff").RequireAuthorization(KioskAuth.StaffPolicy);

        // A day's scans, newest first, a page at a time (ApiPaging).
        group.MapGet("/scans", async (HttpContext http, IScanStore store, StoreClock clock, IOptions<KioskOptions> kiosk,
            DateOnly? date, string? arch, bool? qualityOk, string? page, CancellationToken ct) =>
        {
            if (ScanFilter.DayProblem(date ?? clock.Today) is { } problem)
            {
                return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
            }
            return await ApiPaging.ListAsync(http, page, p =>
                store.ListScansAsync(new ScanFilter(date ?? clock.Today, arch, qualityOk, clock.Zone, IncludeDemo: kiosk.Value.Demo), p, ct));
        });

        group.MapGet("/scans/{id}", async (IScanStore store, string id, CancellationToken ct) =>
            await store.GetScanAsync(id, ct) is { } scan ? Results.Ok(new { scan.Result.ResultId, scan.Result.Report }) : Results.NotFound());

        // Shoppers asking for staff: every staff page shows the open calls (js/staff-calls.js).
        group.MapGet("/calls", (StaffCalls calls, StoreClock clock) => calls.Open().Select(c => new
        {
            c.Id, c.DeviceId, c.ResultId, c.At,
            storeTime = clock.Local(c.At).ToString("HH:mm"),
            scanUrl = $"/staff/scan/{Uri.EscapeDataString(c.ResultId)}",
        }));
        group.MapPost("/calls/{id:long}/answer", (StaffCalls calls, long id) => calls.Answer(id) ? Results.NoContent() : Results.NotFound());

        var catalog = group.MapGroup("/catalog");
        // The catalog in its list order (kind, then name), a page at a time (ApiPaging); the whole of it is /export.
        catalog.MapGet("/", (HttpContext http, ICatalogStore store, bool? includeRetired, string? page, CancellationToken ct) =>
            ApiPaging.ListAsync(http, page, p => store.ListProductsAsync(includeRetired ?? true, p, ct)));
        catalog.MapPost("/", async (CatalogService service, Product product, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var (id, problems) = await service.AddAsync(product with { Id = 0 }, user.Identity!.Name!, ct);
            return id is { } newId ? Results.Created($"/api/staff/catalog/{newId}", new { id = newId }) : Invalid(problems);
        });
        catalog.MapPut("/{id:long}", async (CatalogService service, long id, Product product, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var problems = await service.UpdateAsync(product with { Id = id }, user.Identity!.Name!, ct);
            return problems.Count == 0 ? Results.NoContent() : problems[0].Field == "id" ? Results.NotFound() : Invalid(problems);
        });
        catalog.MapPost("/{id:long}/retire", async (CatalogService service, long id, ClaimsPrincipal user, CancellationToken ct) =>
            await service.SetRetiredAsync(id, true, user.Identity!.Name!, ct) ? Results.NoContent() : Results.NotFound());
        catalog.MapGet("/export", async (ICatalogStore store, CancellationToken ct) =>
            Results.Text(CatalogCsv.Write(await store.ListProductsAsync(true, ct)), "text/csv; charset=utf-8"));
        catalog.MapPost("/import", async (HttpRequest request, CatalogService service, ClaimsPrincipal user, CancellationToken ct) =>
        {
            if (await ReadCappedAsync(request, CatalogCsv.MaxBytes, ct) is not { } text)
            {
                return Results.Problem($"the file is larger than {CatalogCsv.MaxBytes / 1_000_000} MB: split it", statusCode: StatusCodes.Status413PayloadTooLarge);
            }
            var (count, problems) = await service.ImportCsvAsync(text, user.Identity!.Name!, ct);
            return problems.Count == 0
                ? Results.Ok(new { imported = count })
                : Results.BadRequest(new { imported = 0, problems = problems.Select(p => new { p.Line, p.Column, p.ColumnName, p.Message, text = p.ToString() }) });
        });
        return group;
    }

    /// <summary>The body as text, or null when it is longer than <paramref name="maxBytes"/> (read no further than that).</summary>
    private static async Task<string?> ReadCappedAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }
        var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static IResult Invalid(IReadOnlyList<(string Field, string Message)> problems) =>
        Results.ValidationProblem(problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
}

/// <summary>The technician API: devices and commands to them.</summary>
public static class TechnicianEndpoints
{
    public sealed record CommandRequest(string? Command, string? Argument);

    public static RouteGroupBuilder MapTechnicianEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tech").RequireAuthorization(KioskAuth.TechnicianPolicy);
        group.MapGet("/devices", async (IDeviceStore store, CancellationToken ct) => await store.ListDevicesAsync(ct));
        group.MapPost("/devices/{id}/commands", async (TechnicianCommands commands, string id, CommandRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        {
            if (request.Command is null || !TechnicianCommands.Known.Contains(request.Command))
            {
                return Results.Problem($"command must be one of {string.Join(", ", TechnicianCommands.Known)}", statusCode: StatusCodes.Status400BadRequest);
            }
            if (request.Command == "pair" && !PairingKey.TryParse(request.Argument ?? "", new byte[PairingKey.KeyBytes]))
            {
                return Results.Problem("pair needs the mat's pairing key as the argument: 32 hex digits (device_key in its device.txt)", statusCode: StatusCodes.Status400BadRequest);
            }
            return Results.Accepted(value: await commands.RequestAsync(id, request.Command, request.Argument, user.Identity!.Name!, ct));
        });
        // What became of each command: waiting, the mat's answer, or why it was not sent (Feed/CommandOutcome).
        group.MapGet("/commands", async (ICommandStore store, string? mat, CancellationToken ct) =>
            (await store.ListCommandsAsync(PageRequest.DefaultSize, ct, mat)).Select(c => c with { State = CommandOutcome.Shown(c, DateTimeOffset.UtcNow) }));
        // The log, newest first, a page at a time (ApiPaging); of one level and mat when asked.
        group.MapGet("/log", (HttpContext http, ILogStore store, string? level, string? mat, string? page, CancellationToken ct) =>
            ApiPaging.ListAsync(http, page, p => store.ListLogAsync(new LogQuery(level, mat), p, ct)));
        return group;
    }
}
