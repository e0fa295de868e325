using Kiosk.Display.Endpoints;

namespace Kiosk.Display.TakeHome;

/// <summary>Makes each result's take-home link for this store: its page address (Kiosk:TakeHomeUrl), language and date.</summary>
public sealed class TakeHomeLinks(IOptions<KioskOptions> options, IWebHostEnvironment host, StoreClock clock)
{
    private readonly ShopperLocale locale = ShopperLocale.From(options.Value, host.WebRootFileProvider);

    /// <summary>The link for a result; the page address is the kiosk page's own when none is configured.</summary>
    public TakeHomeLink For(HttpRequest request, ScanResult result, Advice advice)
    {
        string page = string.IsNullOrWhiteSpace(options.Value.TakeHomeUrl)
            ? $"{request.Scheme}://{request.Host}/take-home/"
            : options.Value.TakeHomeUrl;
        return TakeHomeLink.For(page, result, advice, locale, DateOnly.FromDateTime(clock.Local(result.ScannedAt)));
    }
}
