using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Kiosk.Display.Pages;

/// <summary>
/// Every request reads and writes numbers and dates in the invariant culture, whatever language the kiosk's machine
/// is set to. The staff pages are in English, and a form's number fields take and send "49.90": on a machine set to
/// German the product form wrote a price as "39,90" (a number field shows that as empty) and read "49.90" as 4990.
/// The shopper's texts, prices and dates follow Kiosk:Culture on the page itself (ShopperLocale), not this.
/// </summary>
public static class StaffCulture
{
    public static IApplicationBuilder UseInvariantCulture(this IApplicationBuilder app) =>
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(CultureInfo.InvariantCulture),
            SupportedCultures = [CultureInfo.InvariantCulture],
            SupportedUICultures = [CultureInfo.InvariantCulture],
            RequestCultureProviders = [], // no request chooses another
        });
}
