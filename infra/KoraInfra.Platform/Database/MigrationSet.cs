using System.Security.Cryptography;
using System.Text;

namespace KoraInfra.Platform.Database;

/// <summary>The committed migrations, located and fingerprinted.</summary>
public static class MigrationSet
{
    /// <summary>The repository-relative directory of the migrations.</summary>
    public const string RelativeDirectory = "db/migrations";

    /// <summary>Finds <c>db/migrations</c> at or above <paramref name="start"/>.</summary>
    public static string Locate(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "db", "migrations");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"no {RelativeDirectory} directory at or above '{start}'; run from inside the KoraInfra repository");
    }

    /// <summary>SHA-256 over each migration's name and bytes, in name order: changes when any file does.</summary>
    public static string Fingerprint(string directory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.GetFiles(directory, "*.sql").Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
            hash.AppendData("\n"u8);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
