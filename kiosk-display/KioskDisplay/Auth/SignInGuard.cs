using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Kiosk.Display.Auth;

/// <summary>
/// Checks a sign-in. Guessing is slowed three ways: every attempt from an address is throttled by ASP.NET Core's
/// rate limiter (policy <see cref="RateLimitPolicy"/>, in Program.cs), and failures lock out the name
/// (<see cref="FailuresPerName"/> in <see cref="LockoutWindow"/>) and the address (<see cref="FailuresPerAddress"/>),
/// whatever the password tried next. An unknown name costs the same password hash as a known one, so the answer's
/// time does not tell which names exist; every failure is in the technician's log (at most ten a minute).
/// </summary>
public sealed class SignInGuard : IDisposable
{
    public const string RateLimitPolicy = "sign-in";
    public const int AttemptsPerAddressPerMinute = 30;
    public const int FailuresPerName = 5;
    public const int FailuresPerAddress = 20;
    public static readonly TimeSpan LockoutWindow = TimeSpan.FromMinutes(15);

    /// <summary>A hash of a random password with the same work as a real one: checked when the name is unknown.</summary>
    private static readonly string UnknownNameHash = PasswordHashing.Hash(Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));

    private readonly Accounts _accounts;
    private readonly SessionStamps _stamps;
    private readonly LogBudget _log;
    private readonly ILogger<SignInGuard> _logger;
    private readonly PartitionedRateLimiter<string> _failuresByName = Failures(FailuresPerName);
    private readonly PartitionedRateLimiter<string> _failuresByAddress = Failures(FailuresPerAddress);
    private long _hashChecks;

    public SignInGuard(Accounts accounts, SessionStamps stamps, LogBudget log, ILogger<SignInGuard> logger)
    {
        _accounts = accounts;
        _stamps = stamps;
        _log = log;
        _logger = logger;
    }

    /// <summary>Password hashes checked so far, known names or not (the tests' proof that both cost the same).</summary>
    public long HashChecks => Interlocked.Read(ref _hashChecks);

    public abstract record Outcome;
    public sealed record SignedIn(ClaimsPrincipal Principal) : Outcome;
    public sealed record Wrong : Outcome;
    public sealed record LockedOut(string Message) : Outcome;

    public async Task<Outcome> TryAsync(string? name, string? password, string address, CancellationToken ct)
    {
        string key = (name ?? "").Trim().ToLowerInvariant();
        if (key.Length > 64)
        {
            key = key[..64];
        }
        if (IsLocked(_failuresByName, "name:" + key) || IsLocked(_failuresByAddress, address))
        {
            _logger.LogWarning("Sign-in as {Name} from {Address} refused: locked out after failed attempts", Printable(key), address);
            return new LockedOut($"too many failed sign-ins for this name or from this device: try again in {LockoutWindow.TotalMinutes:0} minutes");
        }
        Account? account = key.Length == 0 ? null : await _accounts.FindAsync(key, ct);
        Interlocked.Increment(ref _hashChecks);
        bool passwordHolds = PasswordHashing.Verify(password ?? "", account?.PasswordHash ?? UnknownNameHash);
        if (account is null || !passwordHolds)
        {
            _failuresByName.AttemptAcquire("name:" + key).Dispose();
            _failuresByAddress.AttemptAcquire(address).Dispose();
            _logger.LogWarning("Failed sign-in as {Name} from {Address}", Printable(key), address);
            await _log.AddAsync("sign-in-failed", "warning", null, $"failed sign-in as '{Printable(key)}' from {address}", ct);
            return new Wrong();
        }
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, account.Name),
            new(SessionStamps.ClaimType, await _stamps.CurrentAsync(account.Name, ct)),
        };
        claims.AddRange(account.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new SignedIn(new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
    }

    /// <summary>The address a sign-in comes from, for throttling and the log.</summary>
    public static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static bool IsLocked(PartitionedRateLimiter<string> failures, string key)
    {
        // A request for no permit only asks whether any are left.
        using RateLimitLease lease = failures.AttemptAcquire(key, 0);
        return !lease.IsAcquired;
    }

    private static PartitionedRateLimiter<string> Failures(int permitted) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permitted,
            Window = LockoutWindow,
            SegmentsPerWindow = 15,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>A typed name as the log shows it: no control characters (no forged log lines), at most 64 characters.</summary>
    private static string Printable(string name) => new(name.Where(c => !char.IsControl(c)).ToArray());

    public void Dispose()
    {
        _failuresByName.Dispose();
        _failuresByAddress.Dispose();
    }
}
