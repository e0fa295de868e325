namespace Kiosk.Display.Storage;

/// <summary>
/// Which page of a long list to show: page numbers from 1, a page of <see cref="Size"/> rows. Out-of-range numbers
/// from a query string are clamped rather than refused: page 0 is the first page, a page past the end is empty.
/// </summary>
public readonly record struct PageRequest
{
    /// <summary>Rows a staff or technician list shows at once: a screen or two, quick to read from the database.</summary>
    public const int DefaultSize = 50;

    /// <summary>No list shows more at once, whatever a request asks.</summary>
    public const int MaxSize = 500;

    public PageRequest(int number, int size = DefaultSize)
    {
        Size = Math.Clamp(size, 1, MaxSize);
        // A page beyond int.MaxValue / Size rows would overflow the offset.
        Number = Math.Clamp(number, 1, int.MaxValue / Size);
    }

    public int Number { get; }
    public int Size { get; }
    public int Offset => (Number - 1) * Size;
}

/// <summary>One page of a list, and how many rows the whole list has (for "page 3 of 60").</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, PageRequest Page)
{
    public int PageCount => Math.Max(1, (Total + Page.Size - 1) / Page.Size);

    /// <summary>The position of the page's first row in the whole list, from 1 (0 for an empty page).</summary>
    public int First => Items.Count == 0 ? 0 : Page.Offset + 1;

    public int Last => Items.Count == 0 ? 0 : Page.Offset + Items.Count;

    /// <summary>A page of a list already in memory (one that is short by nature, as a store's mats).</summary>
    public static Paged<T> Of(IReadOnlyList<T> all, PageRequest page) =>
        new(all.Skip(page.Offset).Take(page.Size).ToList(), all.Count, page);
}
