namespace Kiosk.Display.Pages.Staff;

public class ProductModel(ICatalogStore catalog, CatalogService service) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? Id { get; set; }
    [BindProperty] public ProductForm Form { get; set; } = new();
    public IReadOnlyList<(string Field, string Message)> Problems { get; private set; } = [];

    public sealed class ProductForm
    {
        public string Sku { get; set; } = "";
        public string Name { get; set; } = "";
        public string Category { get; set; } = "insole";
        public int ArchSupport { get; set; } = 2;
        public int Cushioning { get; set; } = 2;
        public int Stability { get; set; } = 2;
        public double SizeMin { get; set; } = 36;
        public double SizeMax { get; set; } = 46;
        public int Stock { get; set; }
        public decimal Price { get; set; }
        public bool Retired { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null) return Page();
        if (await catalog.GetProductAsync(Id.Value, ct) is not { } p) return NotFound();
        Form = new ProductForm
        {
            Sku = p.Sku, Name = p.Name, Category = p.Category, ArchSupport = p.ArchSupport, Cushioning = p.Cushioning,
            Stability = p.Stability, SizeMin = p.SizeMin, SizeMax = p.SizeMax, Stock = p.Stock, Price = p.Price, Retired = p.Retired
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var badFields = ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => (e.Key, "please enter a valid value")).ToList();
        if (badFields.Count > 0)
        {
            Problems = badFields;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var product = new Product(Id ?? 0, Form.Sku, Form.Name, Form.Category, Form.ArchSupport, Form.Cushioning, Form.Stability,
            Form.SizeMin, Form.SizeMax, Form.Stock, Form.Price, Form.Retired);
        string user = User.Identity!.Name!;
        Problems = Id is null ? (await service.AddAsync(product, user, ct)).Problems : await service.UpdateAsync(product, user, ct);
        if (Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Message"] = $"Saved {product.Name}.";
        return Redirect("/staff/catalog");
    }
}
