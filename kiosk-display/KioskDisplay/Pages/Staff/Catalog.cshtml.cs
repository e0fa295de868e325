namespace Kiosk.Display.Pages.Staff;

public class CatalogModel(ICatalogStore catalog, CatalogService service) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "productPage")] public int PageNumber { get; set; } = 1;
    public Paged<Product> Products { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Products = await catalog.ListProductsAsync(true, new PageRequest(PageNumber), ct);

    public async Task<IActionResult> OnPostRetireAsync(long id, bool retired, CancellationToken ct)
    {
        TempData["Message"] = await service.SetRetiredAsync(id, retired, User.Identity!.Name!, ct)
            ? retired ? "Product retired: it is no longer recommended." : "Product restored."
            : "That product no longer exists.";
        // Back to the page the product was on (its form sends the page number: the handler's address has none).
        return RedirectToPage(new { productPage = PageNumber });
    }
}
