namespace Kiosk.Display.Security;

/// <summary>
/// Refuses a state-changing request (POST, PUT, PATCH, DELETE) that a browser sent from another site: a page
/// elsewhere posting to the display with a signed-in staff member's cookie (cross-site request forgery), which
/// SameSite=Strict alone leaves to the browser. The browser says where a request comes from in Sec-Fetch-Site
/// (every current browser) or else Origin; a request with neither is not a browser's cross-site request (a script
/// with its own login, curl) and is taken. The Razor pages' forms carry an antiforgery token besides.
/// </summary>
public static class SameOriginChanges
{
    public static IApplicationBuilder UseSameOriginChanges(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (IsChange(context.Request.Method) && CrossSiteReason(context.Request) is { } reason)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await Results.Problem($"refused: {reason}. Changes are accepted only from the display's own pages.",
                    statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
                return;
            }
            await next();
        });

    private static bool IsChange(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    /// <summary>Why the request comes from another origin, or null when it does not (or cannot tell: not a browser).</summary>
    public static string? CrossSiteReason(HttpRequest request)
    {
        string? site = request.Headers["Sec-Fetch-Site"];
        if (!string.IsNullOrEmpty(site))
        {
            // "none" is the user's own action (typed address, bookmark); "same-site" is another port or subdomain.
            return site is "same-origin" or "none" ? null : $"sent from another site (Sec-Fetch-Site: {site})";
        }
        string? origin = request.Headers.Origin;
        if (string.IsNullOrEmpty(origin))
        {
            return null;
        }
        // Host and port, not the scheme: a proxy terminating HTTPS in front of the display changes the scheme only.
        return Uri.TryCreate(origin, UriKind.Absolute, out Uri? uri)
               && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"sent from another origin ({origin})";
    }
}
