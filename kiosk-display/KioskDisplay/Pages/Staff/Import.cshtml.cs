namespace Kiosk.Display.Pages.Staff;

// The whole form: a file or pasted text of CatalogCsv.MaxBytes, with room for the form's own fields.
[RequestSizeLimit(2 * CatalogCsv.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 2 * CatalogCsv.MaxBytes + 64 * 1024, ValueLengthLimit = 2 * CatalogCsv.MaxBytes)]
public class ImportModel(CatalogService service) : PageModel
{
    public const int MaxBytes = CatalogCsv.MaxBytes;
    public int? Imported { get; private set; }
    public IReadOnlyList<CsvProblem> Problems { get; private set; } = [];
    [BindProperty] public string? Text { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        string text = Text ?? "";
        if (file is { Length: > 0 })
        {
            if (file.Length > MaxBytes)
            {
                Problems = [new CsvProblem(0, 0, "", $"the file is larger than {MaxBytes / 1_000_000} MB")];
                return Page();
            }
            using var reader = new StreamReader(file.OpenReadStream());
            text = await reader.ReadToEndAsync(ct);
        }
        var (count, problems) = await service.ImportCsvAsync(text, User.Identity!.Name!, ct);
        if (problems.Count > 0) Problems = problems; else { Imported = count; Text = null; }
        return Page();
    }
}
