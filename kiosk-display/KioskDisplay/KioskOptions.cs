using System.ComponentModel.DataAnnotations;

namespace Kiosk.Display;

/// <summary>Section "Kiosk" of appsettings.json or the command line (<c>--Kiosk:RetentionDays=14</c>).</summary>
public sealed class KioskOptions
{
    public const string Section = "Kiosk";

    /// <summary>Folder of the SQLite file and the login keys; relative paths are taken from the content root.</summary>
    [Required]
    public string DataFolder { get; set; } = "data";

    public string DataFolderPath(string contentRoot) => Path.GetFullPath(DataFolder, contentRoot);

    /// <summary>"sqlite" (default, embedded in the data folder) or "postgres" (a chain's shared database).</summary>
    [RegularExpression("^(sqlite|postgres)$", ErrorMessage = "Kiosk:Storage must be sqlite or postgres")]
    public string Storage { get; set; } = "sqlite";

    /// <summary>Npgsql connection string when <see cref="Storage"/> is postgres (required then).</summary>
    public string? PostgresConnection { get; set; }

    /// <summary>Scans older than this are deleted by the expiry job; staff may override it on the settings page.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 30;

    /// <summary>How often the expiry job runs.</summary>
    [Range(1, 1440)]
    public int ExpiryIntervalMinutes { get; set; } = 60;

    /// <summary>The store's time zone (IANA id, e.g. Europe/Berlin) for the staff's days and every time shown; empty = the machine's.</summary>
    public string? TimeZone { get; set; }

    /// <summary>The mat the shopper page follows; empty = whichever mat a shopper steps on.</summary>
    public string? KioskDeviceId { get; set; }

    /// <summary>Total load (grams) above which the mat counts as occupied.</summary>
    [Range(100, 100_000)]
    public int OccupiedLoadGrams { get; set; } = 5000;

    /// <summary>
    /// The shopper page returns to its idle screen after the mat has been empty this long (a result stays longer:
    /// <see cref="ResultHoldSeconds"/>); a shopper back on the mat within it is the same shopper.
    /// </summary>
    [Range(0.2, 600)]
    public double EmptyResetSeconds { get; set; } = 5;

    /// <summary>
    /// How long a shopper's result stays on the screen after they stepped off (with the mat empty), so they can scan
    /// the take-home code; the next shopper stepping on ends it at once. Never less than <see cref="EmptyResetSeconds"/>.
    /// </summary>
    [Range(0, 600)]
    public double ResultHoldSeconds { get; set; } = 60;

    /// <summary>Length of the "hold still" countdown the shopper sees (the mat's still window).</summary>
    [Range(1, 30)]
    public int HoldStillSeconds { get; set; } = 3;

    /// <summary>
    /// The store's culture (e.g. en-GB, de-DE, fr-FR): the shopper page's language (wwwroot/i18n/LANGUAGE.json, English
    /// when the store's language has no file) and how it writes numbers and prices.
    /// </summary>
    public string Culture { get; set; } = "en-GB";

    /// <summary>The currency of the catalog's prices, as an ISO 4217 code (EUR, GBP, USD, CHF, ...).</summary>
    [RegularExpression("^[A-Z]{3}$", ErrorMessage = "Kiosk:Currency must be an ISO 4217 code such as EUR, GBP or USD")]
    public string Currency { get; set; } = "EUR";

    /// <summary>
    /// Where a shopper's phone opens the take-home page (the QR code on the result): the display's own
    /// <c>/take-home/</c> as phones on the store's Wi-Fi reach it (e.g. http://192.168.1.20:5080/take-home/), or a copy
    /// of wwwroot/take-home, js and i18n on the store's website. Empty: the address the kiosk page was opened with.
    /// </summary>
    [Url(ErrorMessage = "Kiosk:TakeHomeUrl must be an absolute http(s) URL, e.g. https://shop.example/foot-scan/")]
    public string? TakeHomeUrl { get; set; }

    /// <summary>
    /// Staff and technician accounts; passwords as hashes from <c>KioskDisplay hash-password</c>. With none (and none
    /// set up yet), the first administrator sets their own at /setup (Auth/FirstRun).
    /// </summary>
    public List<KioskUser> Users { get; set; } = [];

    /// <summary>
    /// A demo display: the demo accounts staff/staff and tech/tech sign in, and the demo mat's scans count in the
    /// staff's day. On in the Development environment (appsettings.Development.json, which the README's first command
    /// runs), off in Production: a store never has the demo accounts unless it sets this.
    /// </summary>
    public bool Demo { get; set; }

    /// <summary>HTTPS: a .pfx/.p12 (with <see cref="CertificatePassword"/>) or a .pem/.crt (with <see cref="CertificateKeyPath"/>); see Security/Https.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    public string? CertificateKeyPath { get; set; }
}

public sealed class KioskUser
{
    [Required] public string Name { get; set; } = "";
    [Required] public string PasswordHash { get; set; } = "";
    /// <summary>"staff", "technician" or both.</summary>
    public List<string> Roles { get; set; } = [];
}

