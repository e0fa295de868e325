using System.Globalization;
using Kiosk.Display.Pages;

namespace Kiosk.Display.Endpoints;

/// <summary>
/// How the JSON lists page, the same idea as the staff pages' lists (<see cref="Pager"/>): <c>?page=N</c> from 1,
/// <see cref="PageSize"/> rows a page, the whole list's size in <c>X-Total-Count</c> and the first, previous, next and
/// last pages in a <c>Link</c> header (RFC 8288), each keeping the rest of the query. A page number that is not a whole
/// number from 1 is refused with a 400 that says so (the pages clamp theirs: a person follows links, a script should
/// hear about its mistake); a page past the end is empty, as the list may have shrunk since the script counted it.
/// </summary>
public static class ApiPaging
{
    public const int PageSize = 100;

    /// <summary>The highest page number: no page may start beyond the largest row offset.</summary>
    public const int MaxPage = int.MaxValue / PageSize;

    /// <summary>The page the query asks for, or the reason it cannot be one.</summary>
    public static bool TryRead(string? page, out PageRequest request, out string? problem)
    {
        request = new PageRequest(1, PageSize);
        problem = null;
        if (page is null)
        {
            return true;
        }
        if (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number < 1 || number > MaxPage)
        {
            problem = $"page must be a whole number from 1 to {MaxPage.ToString(CultureInfo.InvariantCulture)}, not '{page}'";
            return false;
        }
        request = new PageRequest(number, PageSize);
        return true;
    }

    /// <summary>The page of the list that <c>?page</c> asks for, with its paging headers; or a 400 for a bad page number.</summary>
    public static async Task<IResult> ListAsync<T>(HttpContext http, string? page, Func<PageRequest, Task<Paged<T>>> list)
    {
        if (!TryRead(page, out var request, out string? problem))
        {
            return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }
        var paged = await list(request);
        http.Response.Headers["X-Total-Count"] = paged.Total.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.Link = Links(http.Request, paged);
        return Results.Ok(paged.Items);
    }

    private static string Links<T>(HttpRequest request, Paged<T> list)
    {
        var pager = Pager.Of(list, "page");
        int number = list.Page.Number;
        var links = new List<string> { Link(pager, request, 1, "first") };
        if (number > 1)
        {
            links.Add(Link(pager, request, Math.Min(number - 1, list.PageCount), "prev"));
        }
        if (number < list.PageCount)
        {
            links.Add(Link(pager, request, number + 1, "next"));
        }
        links.Add(Link(pager, request, list.PageCount, "last"));
        return string.Join(", ", links);
    }

    private static string Link(Pager pager, HttpRequest request, int number, string rel) => $"<{pager.Url(request, number)}>; rel=\"{rel}\"";
}
