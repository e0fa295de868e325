using Microsoft.AspNetCore.WebUtilities;

namespace Kiosk.Display.Pages;

/// <summary>
/// The links between the pages of a long list (<c>_Pager.cshtml</c>): each keeps the rest of the query (the list's
/// filters) and changes only <see cref="Parameter"/>.
/// </summary>
public sealed record Pager(int Number, int PageCount, int Total, int First, int Last, string Parameter, string? Fragment)
{
    public static Pager Of<T>(Paged<T> list, string parameter = "page", string? fragment = null) =>
        new(list.Page.Number, list.PageCount, list.Total, list.First, list.Last, parameter, fragment);

    public string Url(HttpRequest request, int number)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        query[Parameter] = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return request.Path + QueryString.Create(query).ToUriComponent() + (Fragment is null ? "" : "#" + Fragment);
    }
}
