namespace Kiosk.Display.Recommend;

/// <summary>
/// One text the shopper or staff read: its id (the key of its translations), the English text, and the values of its
/// placeholders, so a page can show it in another language (a value that is a list holds text ids, joined with "; ").
/// </summary>
public sealed record AdviceLine(string Id, string Text, IReadOnlyDictionary<string, object>? Args = null);

/// <summary>
/// The advice's texts in English, keyed by id: what the shopper reads comes from the shopper page's own resource file
/// (wwwroot/i18n/en.json, built into the assembly, so server and page say the same and a translation is keyed by the
/// same id), and the staff pages' few texts are here. Each text says what was measured or asked, what that often
/// means, and who can say more; none claims a mechanism a still, standing footprint cannot see. What each rests on,
/// with sources, is in docs/shopper-advice.md.
/// </summary>
public static class AdviceTexts
{
    public const string ShopperTextsResource = "Kiosk.Display.i18n.en.json";

    /// <summary>Texts only the staff pages and the printed report show (in English, as those pages are).</summary>
    private static readonly Dictionary<string, string> StaffTexts = new()
    {
        // sway over a 3 s window is not posturography: labelled as what it is
        ["staff.steadiness"] = "Steadiness during the scan",
        ["staff.steadiness.note"] = "centre of pressure while still; not a balance test",
    };

    public static readonly IReadOnlyDictionary<string, string> English = LoadEnglish();

    private static Dictionary<string, string> LoadEnglish()
    {
        using var stream = typeof(AdviceTexts).Assembly.GetManifestResourceStream(ShopperTextsResource)
            ?? throw new InvalidOperationException($"the shopper's English texts ({ShopperTextsResource}) are not built into the assembly");
        var texts = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidDataException($"{ShopperTextsResource} is empty");
        foreach (var (id, text) in StaffTexts) texts.Add(id, text);
        return texts;
    }

    /// <summary>
    /// The text of <paramref name="id"/> with each <c>{name}</c> replaced by its value; a value that is a list of text
    /// ids stands for their texts joined with "; ".
    /// </summary>
    public static AdviceLine Line(string id, params (string Name, object Value)[] values)
    {
        if (!English.TryGetValue(id, out string? text)) throw new KeyNotFoundException($"no advice text '{id}'");
        foreach (var (name, value) in values)
        {
            string shown = value is string[] ids
                ? string.Join("; ", ids.Select(Text))
                : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            text = text.Replace("{" + name + "}", shown);
        }
        return new AdviceLine(id, text, values.Length == 0 ? null : values.ToDictionary(v => v.Name, v => v.Value));
    }

    public static string Text(string id) => Line(id).Text;

    /// <summary>Plain words for one of the analysis's quality issue names; an unknown name is shown as it is.</summary>
    public static string IssueText(string issue) => English.TryGetValue("issue." + issue, out string? text) ? text : issue;

    /// <summary>The text id of a quality issue the display knows; "issue.footprint-unreliable" for one it does not know yet.</summary>
    public static string IssueTextId(string issue) => English.ContainsKey("issue." + issue) ? "issue." + issue : "issue.footprint-unreliable";
}
