using Kiosk.Mat.Config;

namespace Kiosk.Display.Feed;

/// <summary>
/// The built-in virtual mat (section "VirtualMat"): the demo's mat, on in the Development environment
/// (appsettings.Development.json, which the README's first command runs) and off in Production.
/// </summary>
public sealed class VirtualMatServiceOptions
{
    public const string Section = "VirtualMat";

    public bool Enabled { get; set; }

    /// <summary>Scripted shoppers in turn (names from <c>matctl scenarios</c>); empty means the standard rotation.</summary>
    public string[] Scenarios { get; set; } = [];

    public int FramesPerSecond { get; set; } = 20;

    /// <summary>Empty mat between two shoppers, seconds.</summary>
    public double PauseSeconds { get; set; } = 6;

    /// <summary>Run faster than real time (tests); 1 is real time.</summary>
    public double Speed { get; set; } = 1;

    /// <summary>The virtual mat's device id (hex), paired automatically.</summary>
    public string DeviceId { get; set; } = "5eed00000001";

    public int Rows { get; set; } = 48;
    public int Cols { get; set; } = 48;
    public double PitchMm { get; set; } = 10;
}

/// <summary>
/// Refuses, at start-up, settings with which the virtual mat could never reach the display: it talks to the display's
/// own mat listener over TCP, so it needs the listener on.
/// </summary>
public sealed class VirtualMatOptionsValidator(IOptions<MatLinkOptions> matLink) : IValidateOptions<VirtualMatServiceOptions>
{
    public ValidateOptionsResult Validate(string? name, VirtualMatServiceOptions options)
    {
        var errors = new List<string>();
        if (options.Enabled && !matLink.Value.TcpEnabled)
        {
            errors.Add("VirtualMat:Enabled=true needs MatLink:TcpEnabled=true: the virtual mat reaches the display over TCP like a real mat. "
                + "Turn the virtual mat off (VirtualMat:Enabled=false) or the listener on.");
        }
        // The core's parser, so the virtual mat takes exactly the ids a real mat and matctl take.
        if (DeviceIdentity.ParseHex(options.DeviceId) < 0)
        {
            errors.Add($"VirtualMat:DeviceId '{options.DeviceId}' must be 1 to 16 hex digits of a positive 64-bit id.");
        }
        if (options.FramesPerSecond is < 1 or > 1000 || options.Speed <= 0 || options.PauseSeconds < 0)
        {
            errors.Add("VirtualMat: FramesPerSecond 1-1000, Speed above 0 and PauseSeconds 0 or more.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
