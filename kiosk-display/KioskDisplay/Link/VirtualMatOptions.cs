namespace Kiosk.Display.Link;

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
