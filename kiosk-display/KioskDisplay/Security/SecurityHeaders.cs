namespace Kiosk.Display.Security;

/// <summary>
/// Headers on every response, errors and static files included. The Content-Security-Policy allows script, style,
/// connections and images from the display itself only, and no inline script or style attribute: the shopper page
/// builds its HTML with innerHTML, so even a product name that slipped through encoding could not run. No framing
/// (clickjacking of the staff pages), no MIME sniffing, no referrer leaving the store's network.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            });
            await next();
        });
}
