using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Routing;

namespace Kiosk.Display.Security;

/// <summary>
/// A request body the API cannot read (not JSON, a text where a number goes, a number too large) is the sender's
/// mistake, not the display's: it gets a 400 that says what was wrong and where ("$.sizeMin"), in every environment,
/// and no error in the log. Without this, Development logged each one as an unhandled exception with its stack trace
/// (a stranger could fill the log), and Production answered a bare 400 that said nothing.
/// </summary>
public sealed class BadRequestAnswer(IProblemDetailsService problems) : IExceptionHandler
{
    public static void AddBadRequestAnswers(IServiceCollection services)
    {
        // Minimal APIs then throw BadHttpRequestException for a body they cannot bind, in Production too, so it reaches TryHandleAsync.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestAnswer>();
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }
        http.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = bad.StatusCode, Title = "The request could not be read", Detail = Describe(bad) },
        });
    }

    /// <summary>"Failed to read parameter ... as JSON: 'x' is an invalid start of a value (at $.name)": the binder's sentence and the reader's.</summary>
    private static string Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is not JsonException json)
        {
            return bad.Message;
        }
        // The reader's own message, without the "Path: ... | LineNumber: ..." tail it repeats below.
        string reason = (json.InnerException as JsonException ?? json).Message;
        if (json.InnerException is InvalidOperationException inner) reason = inner.Message;
        int tail = reason.IndexOf(" Path: ", StringComparison.Ordinal);
        if (tail < 0) tail = reason.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        if (tail >= 0) reason = reason[..tail].TrimEnd('.', ' ', '|');
        return json.Path is { } path ? $"{bad.Message.TrimEnd('.')}: {reason} (at {path})" : $"{bad.Message.TrimEnd('.')}: {reason}";
    }
}
