using System.Globalization;
using System.Text;

namespace Kiosk.Display.Storage;

/// <summary>A problem with one cell of an imported CSV: line 1 is the header.</summary>
public sealed record CsvProblem(int Line, int Column, string ColumnName, string Message)
{
    public override string ToString() => ColumnName.Length == 0
        ? $"line {Line}: {Message}"
        : $"line {Line}, column {Column} ({ColumnName}): {Message}";
}

/// <summary>
/// Reads and writes the catalog as CSV (RFC 4180: commas, double quotes, header row). A text cell that a spreadsheet
/// would run as a formula (starting with = + - @, a tab or a carriage return) is written with a leading apostrophe,
/// which spreadsheets show as text and the import takes off again. Imports are capped at <see cref="MaxBytes"/> and
/// <see cref="MaxProducts"/>.
/// </summary>
public static class CatalogCsv
{
    public static readonly string[] Columns =
        ["sku", "name", "category", "arch_support", "cushioning", "stability", "size_min", "size_max", "stock", "price", "retired"];

    /// <summary>An import larger than this is refused unread (a store's catalog is a few hundred rows, some 50 KB).</summary>
    public const int MaxBytes = 2_000_000;

    /// <summary>Products in one import at most.</summary>
    public const int MaxProducts = 5_000;

    private static readonly int RequiredColumns = Columns.Length - 1; // "retired" may be left out

    /// <summary>The first characters that make a spreadsheet read a cell as a formula (OWASP, "CSV injection").</summary>
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>Every product, or every problem found (then no products: the import must not happen).</summary>
    public static (IReadOnlyList<Product> Products, IReadOnlyList<CsvProblem> Problems) Parse(string text)
    {
        var products = new List<Product>();
        var problems = new List<CsvProblem>();
        if (text.Length > MaxBytes)
        {
            return ([], [new CsvProblem(0, 0, "", $"the file is larger than {MaxBytes / 1_000_000} MB: split it")]);
        }
        var records = ReadRecords(text, problems);
        if (problems.Count > 0) return ([], problems);
        if (records.Count == 0)
        {
            return ([], [new CsvProblem(1, 0, "", "the file is empty; expected a header row: " + string.Join(",", Columns))]);
        }
        var header = records[0].Fields.Select(f => f.Trim().ToLowerInvariant()).ToArray();
        for (int i = 0; i < RequiredColumns; i++)
        {
            if (i >= header.Length || header[i] != Columns[i])
            {
                return ([], [new CsvProblem(1, i + 1, Columns[i], $"the header must start with {string.Join(",", Columns.Take(RequiredColumns))} (optional: retired)")]);
            }
        }
        if (records.Count > MaxProducts + 1)
        {
            return ([], [new CsvProblem(MaxProducts + 2, 0, "", $"the file has more than {MaxProducts} rows; import at most {MaxProducts} products at a time")]);
        }
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Length == 1 && fields[0].Trim().Length == 0) continue; // blank line
            if (fields.Length < RequiredColumns || fields.Length > Columns.Length)
            {
                problems.Add(new CsvProblem(line, 0, "", $"expected {RequiredColumns} or {Columns.Length} values, found {fields.Length}"));
                continue;
            }
            var rowProblems = new List<CsvProblem>();
            string Cell(int i) => i < fields.Length ? Unescape(fields[i].Trim()) : "";
            int Int(int i)
            {
                if (int.TryParse(Cell(i), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v)) return v;
                rowProblems.Add(new CsvProblem(line, i + 1, Columns[i], $"'{Cell(i)}' is not a whole number"));
                return 0;
            }
            decimal Number(int i)
            {
                if (decimal.TryParse(Cell(i), NumberStyles.Number, CultureInfo.InvariantCulture, out decimal v)) return v;
                rowProblems.Add(new CsvProblem(line, i + 1, Columns[i], $"'{Cell(i)}' is not a number (use a dot for decimals)"));
                return 0;
            }
            bool retired = false;
            if (fields.Length > RequiredColumns && Cell(10).Length > 0)
            {
                if (Cell(10).ToLowerInvariant() is "1" or "true" or "yes") retired = true;
                else if (Cell(10).ToLowerInvariant() is not ("0" or "false" or "no"))
                    rowProblems.Add(new CsvProblem(line, 11, "retired", $"'{Cell(10)}' must be yes or no"));
            }
            var product = new Product(0, Cell(0), Cell(1), Cell(2).ToLowerInvariant(), Int(3), Int(4), Int(5),
                (double)Number(6), (double)Number(7), Int(8), Number(9), retired);
            if (rowProblems.Count == 0)
            {
                foreach (var (field, message) in product.Problems())
                {
                    int column = Array.IndexOf(Columns, field) + 1;
                    rowProblems.Add(new CsvProblem(line, column, field, message));
                }
            }
            if (product.Sku.Length > 0 && !seen.TryAdd(product.Sku, line))
            {
                rowProblems.Add(new CsvProblem(line, 1, "sku", $"SKU {product.Sku} is already on line {seen[product.Sku]}"));
            }
            problems.AddRange(rowProblems);
            products.Add(product);
        }
        return problems.Count > 0 ? ([], problems) : (products, []);
    }

    public static string Write(IEnumerable<Product> products)
    {
        var text = new StringBuilder(string.Join(",", Columns)).Append("\r\n");
        foreach (var p in products)
        {
            string[] cells =
            [
                p.Sku, p.Name, p.Category, Inv(p.ArchSupport), Inv(p.Cushioning), Inv(p.Stability),
                Inv(p.SizeMin), Inv(p.SizeMax), Inv(p.Stock), Inv(p.Price), p.Retired ? "yes" : "no",
            ];
            text.AppendJoin(",", cells.Select(Escape).Select(Quote)).Append("\r\n");
        }
        return text.ToString();
    }

    /// <summary>A cell a spreadsheet would run as a formula gets an apostrophe in front: shown as text, taken off by <see cref="Parse"/>.</summary>
    private static string Escape(string cell) => cell.Length > 0 && FormulaStarts.Contains(cell[0]) ? "'" + cell : cell;

    private static string Unescape(string cell) => cell.Length > 1 && cell[0] == '\'' && FormulaStarts.Contains(cell[1]) ? cell[1..] : cell;

    private static string Inv(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 || cell.StartsWith(' ') || cell.EndsWith(' ')
            ? "\"" + cell.Replace("\"", "\"\"") + "\""
            : cell;

    /// <summary>Splits CSV text into records with the line each starts on; a quote left open is a problem.</summary>
    private static List<(int Line, string[] Fields)> ReadRecords(string text, List<CsvProblem> problems)
    {
        var records = new List<(int, string[])>();
        var fields = new List<string>();
        var cell = new StringBuilder();
        int line = 1, recordLine = 1, quoteLine = 0;
        bool quoted = false, any = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; cell.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"' when cell.ToString().Trim().Length == 0:
                    quoted = true; quoteLine = line; cell.Clear(); any = true;
                    break;
                case ',':
                    fields.Add(cell.ToString()); cell.Clear(); any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(cell.ToString()); cell.Clear();
                    records.Add((recordLine, fields.ToArray())); fields.Clear();
                    line++; recordLine = line; any = false;
                    if (records.Count > MaxProducts + 1)
                    {
                        // Stop reading: the header and MaxProducts rows are all an import may hold.
                        problems.Add(new CsvProblem(line, 0, "", $"the file has more than {MaxProducts} rows; import at most {MaxProducts} products at a time"));
                        return records;
                    }
                    break;
                default:
                    cell.Append(c); any = true;
                    break;
            }
        }
        if (quoted)
        {
            problems.Add(new CsvProblem(quoteLine, fields.Count + 1, "", "a quoted value is never closed"));
        }
        else if (any || cell.Length > 0 || fields.Count > 0)
        {
            fields.Add(cell.ToString());
            records.Add((recordLine, fields.ToArray()));
        }
        return records;
    }
}
