namespace Kiosk.Display.Storage;

/// <summary>
/// One catalog product. Support levels run 1 (light) to 3 (firm / high); sizes are EU shoe sizes; width is the fitting
/// (narrow, standard or wide; an insole that is trimmed to fit is standard).
/// </summary>
public sealed record Product(
    long Id,
    string Sku,
    string Name,
    string Category,
    int ArchSupport,
    int Cushioning,
    int Stability,
    double SizeMin,
    double SizeMax,
    int Stock,
    decimal Price,
    bool Retired = false,
    string Width = "standard")
{
    public static readonly string[] Categories = ["insole", "running-shoe", "walking-shoe", "work-shoe", "dress-shoe"];

    public static readonly string[] Widths = ["narrow", "standard", "wide"];

    public static string CategoryLabel(string category) => category switch
    {
        "insole" => "Insole",
        "running-shoe" => "Running shoe",
        "walking-shoe" => "Walking shoe",
        "work-shoe" => "Work shoe",
        "dress-shoe" => "Dress shoe",
        _ => category,
    };

    public static string LevelLabel(int level) => level switch { 1 => "light", 2 => "medium", 3 => "firm", _ => "?" };

    public bool FitsSize(double? euSize) => euSize is null || (euSize >= SizeMin - 0.5 && euSize <= SizeMax + 0.5);

    /// <summary>Problems with the fields in plain words, keyed by field name; empty when the product is valid.</summary>
    public IReadOnlyList<(string Field, string Message)> Problems()
    {
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(Sku) || Sku.Length > 40) problems.Add(("sku", "SKU is required (at most 40 characters)"));
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 120) problems.Add(("name", "name is required (at most 120 characters)"));
        if (!Categories.Contains(Category)) problems.Add(("category", $"category must be one of {string.Join(", ", Categories)}"));
        if (ArchSupport is < 1 or > 3) problems.Add(("arch_support", "arch support must be 1, 2 or 3"));
        if (Cushioning is < 1 or > 3) problems.Add(("cushioning", "cushioning must be 1, 2 or 3"));
        if (Stability is < 1 or > 3) problems.Add(("stability", "stability must be 1, 2 or 3"));
        // NaN passes every comparison: "not in range" is written as such, so it cannot slip through to the database.
        if (!(SizeMin is >= 15 and <= 55)) problems.Add(("size_min", "smallest size must be an EU size from 15 to 55"));
        if (!(SizeMax is >= 15 and <= 55) || SizeMax < SizeMin) problems.Add(("size_max", "largest size must be an EU size from 15 to 55, not below the smallest"));
        if (Stock is < 0 or > 1_000_000) problems.Add(("stock", "stock must be a whole number from 0"));
        if (Price is < 0 or > 100_000) problems.Add(("price", "price must be a number from 0"));
        if (!Widths.Contains(Width)) problems.Add(("width", $"width must be one of {string.Join(", ", Widths)}"));
        return problems;
    }
}
