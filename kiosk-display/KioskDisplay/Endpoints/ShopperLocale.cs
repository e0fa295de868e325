using System.Globalization;
using Microsoft.Extensions.FileProviders;

namespace Kiosk.Display.Endpoints;

/// <summary>
/// The shopper page's language, number format and currency: from <see cref="KioskOptions.Culture"/> and
/// <see cref="KioskOptions.Currency"/>. The language is the culture's, when wwwroot/i18n has its resource file; English otherwise.
/// </summary>
public sealed record ShopperLocale(string Language, string Culture, string Currency)
{
    public static bool IsCulture(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return false;
        try
        {
            return !CultureInfo.GetCultureInfo(name, predefinedOnly: true).Equals(CultureInfo.InvariantCulture);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    public static ShopperLocale From(KioskOptions options, IFileProvider webRoot)
    {
        var culture = CultureInfo.GetCultureInfo(options.Culture);
        string language = culture.TwoLetterISOLanguageName;
        if (!webRoot.GetFileInfo($"i18n/{language}.json").Exists) language = "en";
        return new ShopperLocale(language, culture.Name, options.Currency);
    }
}
