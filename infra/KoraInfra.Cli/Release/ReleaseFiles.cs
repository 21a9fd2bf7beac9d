using System.Security.Cryptography;
using KoraInfra.Platform.Input;
using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Signing;

namespace KoraInfra.Cli.Release;

/// <summary>Where release commands read and write, and the reading helpers they share.</summary>
internal static class ReleaseFiles
{
    /// <summary>Where a signed manifest is stored, relative to the project directory.</summary>
    public static string ManifestPath(ReleaseManifest manifest)
    {
        var name = manifest.Version?.ToString() ?? "main-" + manifest.Commit[..12];
        return $"releases/{manifest.Stack}/{name}.dsse.json";
    }

    public static string Full(string projectDir, string relative) => Path.GetFullPath(Path.Combine(projectDir, relative));

    public static string ReadText(string path, string what) =>
        File.Exists(path) ? BoundedInput.ReadFile(path, InputLimits.ReleaseDocument) : throw new UsageException($"{what} '{path}' does not exist");

    /// <summary>Reads the release store's files under the project directory (the bound SBOMs) within their limits; null when absent.</summary>
    public static Func<string, byte[]?> StoreReader(string projectDir) =>
        relative => Full(projectDir, relative) is var full && File.Exists(full) ? BoundedInput.ReadBytes(full, InputLimits.Sbom) : null;

    public static string Sha256Of(string text) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    /// <summary>Loads a key, refusing a private key kept inside the repository.</summary>
    public static ECDsa LoadKey(string? keyFile, string variable, string projectDir)
    {
        if (keyFile is not null && variable == ReleaseSigningKey.SigningKeyVariable)
        {
            var full = Path.GetFullPath(keyFile);
            if (full.StartsWith(Path.GetFullPath(projectDir) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new UsageException($"--key-file '{keyFile}' is inside the repository; a signing key never lives there: write it from the vault to a path outside the checkout");
            }
        }

        try
        {
            return ReleaseSigningKey.Load(keyFile, variable, Environment.GetEnvironmentVariable);
        }
        catch (ReleaseKeyException ex)
        {
            throw new UsageException(ex.Message, ex);
        }
    }

    public static T ReadDocument<T>(string path, string what)
    {
        try
        {
            return ReleaseJson.Read<T>(ReadText(path, what), $"{what} '{path}'");
        }
        catch (ReleaseDocumentException ex)
        {
            throw new UsageException(ex.Message, ex);
        }
    }

    public static AuditHead? ExpectedHead(long? count, string? hash) => (count, hash) switch
    {
        (null, null) => null,
        ({ } c, { } h) when c >= 0 && h.Length == 64 && h.All(char.IsAsciiHexDigitLower) => new AuditHead(c, h),
        _ => throw new UsageException("give --expect-count and --expect-hash together: the entry count and the 64-hex hash of the last entry published by the pipeline"),
    };
}
