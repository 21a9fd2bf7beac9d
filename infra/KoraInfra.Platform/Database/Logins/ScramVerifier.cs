using System.Security.Cryptography;
using System.Text;

namespace KoraInfra.Platform.Database.Logins;

/// <summary>
/// A PostgreSQL SCRAM-SHA-256 password verifier (RFC 5802 with SHA-256 as RFC 7677 names it),
/// computed on the client so that only the verifier, never the password, reaches the server, its
/// statement log or its statistics: <c>SCRAM-SHA-256$&lt;iterations&gt;:&lt;salt&gt;$&lt;StoredKey&gt;:&lt;ServerKey&gt;</c>.
/// </summary>
public static class ScramVerifier
{
    /// <summary>PostgreSQL's default iteration count (<c>scram_iterations</c>).</summary>
    public const int Iterations = 4096;

    private const int SaltBytes = 16;

    /// <summary>A verifier with a fresh random salt.</summary>
    /// <exception cref="ArgumentException">The password is empty or not printable ASCII.</exception>
    public static string Compute(string password) => Compute(password, RandomNumberGenerator.GetBytes(SaltBytes), Iterations);

    /// <summary>A verifier with a given salt and iteration count (tests compare with the server's own).</summary>
    /// <exception cref="ArgumentException">The password is empty or not printable ASCII.</exception>
    public static string Compute(string password, byte[] salt, int iterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);

        // PostgreSQL normalises the password with SASLprep, which leaves printable ASCII unchanged.
        // The vault's generated passwords are printable ASCII; anything else is refused rather than
        // risking a verifier the server would compute differently.
        if (password.Length == 0 || password.Any(c => c is < '\u0021' or > '\u007e'))
        {
            throw new ArgumentException("the password must be non-empty printable ASCII (no spaces or control characters): the vault's generated passwords are", nameof(password));
        }

        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, 32);
        var clientKey = HMACSHA256.HashData(salted, "Client Key"u8);
        var storedKey = SHA256.HashData(clientKey);
        var serverKey = HMACSHA256.HashData(salted, "Server Key"u8);
        return $"SCRAM-SHA-256${iterations}:{Convert.ToBase64String(salt)}${Convert.ToBase64String(storedKey)}:{Convert.ToBase64String(serverKey)}";
    }
}
