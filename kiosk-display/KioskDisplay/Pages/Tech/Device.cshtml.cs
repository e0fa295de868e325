
namespace Kiosk.Display.Pages.Tech;

/// <summary>One mat: its figures, its self-test map (new faulty sensels marked), commands and what became of them, pairing.</summary>
public class DeviceModel(IDeviceStore store, ICommandStore commandList, TechnicianCommands commands, MatAlerts alerts) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty(SupportsGet = true, Name = "commandPage")] public int CommandPage { get; set; } = 1;
    /// <summary>Null when no mat has this id: the page says so, with status 404.</summary>
    public DeviceRecord? Device { get; private set; }
    public string? Message { get; private set; }
    public IReadOnlyList<(int Index, int Kind)> NewFaultySensels { get; private set; } = [];
    public Paged<DeviceCommandRecord> Commands { get; private set; } = new([], 0, new PageRequest(1));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Device = await store.GetDeviceAsync(Id, ct);
        if (Device is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        NewFaultySensels = await alerts.NewFaultySenselsAsync(Device, ct);
        Commands = await commandList.ListCommandsAsync(new PageRequest(CommandPage, 10), Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? command, string? argument, string? key, CancellationToken ct)
    {
        if (command is null || !TechnicianCommands.Known.Contains(command)) Message = "Unknown command.";
        else
        {
            // The known weight is judged where it is sent (TechnicianCommands): a refusal comes back as the record's state.
            string? arg = command switch { "calibrate" => argument + " g", "pair" => key ?? "", _ => null };
            var record = await commands.RequestAsync(Id, command, arg, User.Identity!.Name!, ct);
            Message = $"{command}: {record.State}.";
        }
        return await OnGetAsync(ct);
    }

    /// <summary>The technician has seen the mat's faulty sensels: the alert stops until its self-test finds others.</summary>
    public async Task<IActionResult> OnPostSenselsSeenAsync(CancellationToken ct)
    {
        if (await store.GetDeviceAsync(Id, ct) is { } device)
        {
            await alerts.MarkSeenAsync(device, ct);
            Message = "The faulty sensels are marked as seen.";
        }
        return await OnGetAsync(ct);
    }
}
