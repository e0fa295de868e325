using System.Text;
using System.Text.Json;
using Kiosk.Display.Endpoints;

namespace Kiosk.Display.TakeHome;

/// <summary>
/// The shopper's result to take home on their phone: the essentials encoded in the fragment of a link to a static
/// page (wwwroot/take-home), shown as a QR code. A fragment never leaves the phone (browsers do not send it), so the
/// page's host, the display or the store's website, learns nothing and stores nothing; no account, no e-mail, no
/// expiry. What it reveals to whoever sees the code or the link: the arch type and length of each foot, the weight
/// split, the suggested products with prices, whether a professional was suggested, the store's date. Not the body
/// weight, the footprint, the time of day, the mat or the result id. kiosk-display/README.md, "Take-home".
/// </summary>
public sealed record TakeHomeLink(string Url, string QrSvg)
{
    /// <summary>
    /// Names are cut to this many characters, and only the top products (those the kiosk shows first) go, so the
    /// code stays coarse enough for a phone to read off the screen: every character makes it denser.
    /// </summary>
    public const int MaxNameChars = 32;
    public const int MaxProducts = 3;
    public const int Version = 1;

    public static TakeHomeLink For(string pageUrl, ScanResult result, Advice advice, ShopperLocale locale, DateOnly storeDate)
    {
        string url = pageUrl + "#" + Encode(Payload(result, advice, locale, storeDate));
        return new TakeHomeLink(url, TakeHome.QrSvg.Of(url));
    }

    /// <summary>What the link carries, with short names (each character makes the code denser).</summary>
    public static Dictionary<string, object?> Payload(ScanResult result, Advice advice, ShopperLocale locale, DateOnly storeDate)
    {
        var report = result.Report;
        static object? Foot(Kiosk.Mat.Host.Json.FootReport? f) => f is null ? null : new Dictionary<string, object?>
        {
            ["a"] = f.ArchType,
            ["n"] = (int)Math.Round(f.LengthMm),
        };
        return new Dictionary<string, object?>
        {
            ["v"] = Version,
            ["l"] = locale.Language,
            ["c"] = locale.Culture,
            ["m"] = locale.Currency,
            ["d"] = storeDate.ToString("yyyy-MM-dd"),
            ["f"] = new[] { Foot(report.Left), Foot(report.Right) },
            ["lr"] = (int)Math.Round(report.LoadLeftPct),
            ["hf"] = (int)Math.Round(report.RearfootPct),
            ["b"] = ShopperView.Balance(FootProfile.From(report))?.Id["balance.".Length..],
            ["p"] = advice.Products.Take(MaxProducts).Select(r => new object[]
            {
                r.Product.Name.Length > MaxNameChars ? r.Product.Name[..(MaxNameChars - 1)].TrimEnd() + "…" : r.Product.Name,
                r.Product.Category,
                r.Product.Price,
            }).ToArray(),
            ["r"] = advice.Referrals.Count > 0 ? 1 : 0,
        };
    }

    /// <summary>JSON, UTF-8, base64url without padding: safe in a fragment as it is.</summary>
    public static string Encode(object payload) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(payload)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static JsonDocument Decode(string fragment)
    {
        string base64 = fragment.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - base64.Length % 4) % 4);
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
    }
}
