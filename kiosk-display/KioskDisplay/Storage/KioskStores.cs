namespace Kiosk.Display.Storage;

/// <summary>
/// The display's stores, one per concern, over one <see cref="SqlDatabase"/>: what the services get (each its own
/// interface, registered by <c>AddKioskStorage</c>) and what tests open over a test database.
/// </summary>
public sealed record KioskStores(SqlDatabase Database)
{
    public ScanStore Scans { get; } = new(Database);
    public DeviceStore Devices { get; } = new(Database);
    public CommandStore Commands { get; } = new(Database);
    public LogStore Log { get; } = new(Database);
    public SettingsStore Settings { get; } = new(Database);
    public CatalogStore Catalog { get; } = new(Database);
    public AccountStore Accounts { get; } = new(Database);
}
