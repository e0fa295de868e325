using System.Security.Cryptography.X509Certificates;

namespace Kiosk.Display.Security;

/// <summary>
/// HTTPS when the store gives the display a certificate (<c>Kiosk:CertificatePath</c>: a .pfx/.p12 with
/// <c>Kiosk:CertificatePassword</c>, or a .pem/.crt with <c>Kiosk:CertificateKeyPath</c>) and an https URL to listen
/// on (<c>--urls "https://0.0.0.0:5443;http://localhost:5080"</c>). Then the sign-in cookie is Secure, and the staff and
/// technician pages and APIs asked for over plain HTTP are redirected to HTTPS; the shopper page may stay on
/// http://localhost for the kiosk's own browser.
/// </summary>
public static class Https
{
    public static bool Configured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{KioskOptions.Section}:{nameof(KioskOptions.CertificatePath)}"]);

    /// <summary>Loads the certificate for Kestrel's https endpoints; a configuration that cannot work stops the start with why.</summary>
    public static void AddKioskHttps(this WebApplicationBuilder builder)
    {
        if (!Configured(builder.Configuration))
        {
            return;
        }
        var options = builder.Configuration.GetSection(KioskOptions.Section).Get<KioskOptions>()!;
        string urls = builder.Configuration["urls"] ?? builder.Configuration["Urls"] ?? "";
        if (!urls.Contains("https://", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Kiosk:CertificatePath is set but no https URL is: add one, e.g. --urls \"https://0.0.0.0:5443;http://localhost:5080\" (now: {urls})");
        }
        X509Certificate2 certificate = Load(options);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate));
    }

    public static X509Certificate2 Load(KioskOptions options)
    {
        string path = options.CertificatePath!;
        try
        {
            return Path.GetExtension(path).ToLowerInvariant() is ".pfx" or ".p12"
                ? X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword)
                : X509Certificate2.CreateFromPemFile(path, options.CertificateKeyPath);
        }
        catch (Exception e) when (e is IOException or System.Security.Cryptography.CryptographicException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Kiosk:CertificatePath {path} cannot be loaded: {e.Message}", e);
        }
    }

    /// <summary>With a certificate, the pages that take a password or carry the cookie answer only over HTTPS.</summary>
    public static void UseKioskHttps(this WebApplication app)
    {
        if (!Configured(app.Configuration))
        {
            return;
        }
        app.UseWhen(http => !IsShopperPath(http.Request.Path), staff => staff.UseHttpsRedirection());
    }

    private static bool IsShopperPath(PathString path) =>
        !(path.StartsWithSegments("/login") || path.StartsWithSegments("/logout") || path.StartsWithSegments("/setup")
          || path.StartsWithSegments("/staff") || path.StartsWithSegments("/tech")
          || path.StartsWithSegments("/api/auth") || path.StartsWithSegments("/api/staff") || path.StartsWithSegments("/api/tech"));
}
