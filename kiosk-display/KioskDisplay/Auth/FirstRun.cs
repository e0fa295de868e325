using System.Security.Cryptography;
using System.Text;

namespace Kiosk.Display.Auth;

/// <summary>
/// A display with no account of its own (none in Kiosk:Users, none set up) has nobody to sign in as: instead of
/// demo passwords, the first administrator sets their own at /setup. So that a passer-by on the store's network
/// cannot be first, /setup asks for a one-time setup code that only whoever runs the display can read: it is in the
/// display's log at start-up and in setup-code.txt in the data folder (readable by the service's user only).
/// </summary>
public sealed class FirstRun(Accounts accounts, IAccountStore store, LogBudget log, IOptions<KioskOptions> options, IHostEnvironment host, ILogger<FirstRun> logger)
    : IHostedService
{
    public const string CodeFileName = "setup-code.txt";
    public const int MinPasswordLength = 10;

    private readonly Lock _gate = new();
    private string? _code;

    public string CodeFile => Path.Combine(options.Value.DataFolderPath(host.ContentRootPath), CodeFileName);

    /// <summary>Whether /setup is open: no account of the store's own exists yet.</summary>
    public async Task<bool> NeededAsync(CancellationToken ct) => !await accounts.AnyRealAccountAsync(ct);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await NeededAsync(cancellationToken))
        {
            File.Delete(CodeFile);
            return;
        }
        // Four groups of four from an alphabet without look-alikes: 80 bits, typed from a screen without mistakes.
        const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
        var code = new StringBuilder();
        for (int i = 0; i < 16; i++)
        {
            code.Append(Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).Append(i % 4 == 3 && i < 15 ? "-" : "");
        }
        lock (_gate)
        {
            _code = code.ToString();
        }
        DataFolder.MakePrivateFile(CodeFile);
        await File.WriteAllTextAsync(CodeFile, _code + "\n", cancellationToken);
        // A demo display signs in with the demo accounts; for a store's display this is the way in, so it stands out.
        logger.Log(accounts.DemoOn ? LogLevel.Information : LogLevel.Warning,
            "No staff account is set up on this display. Open /setup in a browser and enter the setup code {Code} " +
            "(also in {File}) to choose the first administrator's name and password.", _code, CodeFile);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Null when the first administrator was set up; else what is wrong, for the form.</summary>
    public async Task<string?> SetUpAsync(string? code, string? name, string? password, string? repeat, CancellationToken ct)
    {
        name = name?.Trim() ?? "";
        string? expected;
        lock (_gate)
        {
            expected = _code;
        }
        if (expected is null || !await NeededAsync(ct))
        {
            return "this display is set up already: sign in";
        }
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Normalise(code)), Encoding.UTF8.GetBytes(Normalise(expected))))
        {
            await log.AddAsync("setup-code-wrong", "warning", null, "a wrong setup code was entered at /setup", ct);
            return "the setup code is not right: it is in the display's log and in " + CodeFileName + " in its data folder";
        }
        if (name.Length is < 1 or > 40 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            return "the name must be 1-40 letters, digits, dots, dashes or underscores";
        }
        if (password is null || password.Length < MinPasswordLength)
        {
            return $"the password must have at least {MinPasswordLength} characters";
        }
        if (string.Equals(password, name, StringComparison.OrdinalIgnoreCase))
        {
            return "the password must not be the name";
        }
        if (password != repeat)
        {
            return "the two passwords differ";
        }
        var account = new StoredAccount(name, PasswordHashing.Hash(password), [KioskAuth.StaffRole, KioskAuth.TechnicianRole], DateTimeOffset.UtcNow);
        if (!await store.AddAccountAsync(account, ct))
        {
            return "an account of that name exists already";
        }
        lock (_gate)
        {
            _code = null;
        }
        File.Delete(CodeFile);
        await log.AddAsync("setup", "info", null, $"first administrator '{name}' set up (staff and technician)", ct);
        logger.LogInformation("First administrator {Name} set up; /setup is closed", name);
        return null;
    }

    private static string Normalise(string? code) => new((code ?? "").ToUpperInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
}
