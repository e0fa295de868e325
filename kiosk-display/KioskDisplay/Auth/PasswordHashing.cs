using System.Security.Cryptography;

namespace Kiosk.Display.Auth;

/// <summary>Password hashes as "pbkdf2-sha256$iterations$salt$hash" (base64). Make one with <c>KioskDisplay hash-password SECRET</c>.</summary>
public static class PasswordHashing
{
    private const int Iterations = 100_000;

    public static string Hash(string password)
    {
        byte[] salt = RandomNumberGenerator.GetBytes(16);
        byte[] hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, 32);
        return $"pbkdf2-sha256${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != "pbkdf2-sha256" || !int.TryParse(parts[1], out int iterations) || iterations < 1) return false;
        try
        {
            byte[] salt = Convert.FromBase64String(parts[2]);
            byte[] expected = Convert.FromBase64String(parts[3]);
            byte[] actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Handles <c>KioskDisplay hash-password SECRET</c>; true when it did (then the server does not start).</summary>
    public static bool TryRunCommand(string[] args)
    {
        if (args.Length == 0 || args[0] != "hash-password") return false;
        Console.WriteLine(args.Length == 2 ? Hash(args[1]) : "usage: KioskDisplay hash-password SECRET");
        return true;
    }
}
