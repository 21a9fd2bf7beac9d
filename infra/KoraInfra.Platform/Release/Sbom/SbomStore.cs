using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace KoraInfra.Platform.Release.Sbom;

/// <summary>
/// Where bound SBOMs live in the release store, relative to the project directory: addressed by
/// their own digest, so a stored SBOM is found from the manifest alone and two releases of the
/// same artifact share one file.
/// </summary>
public static partial class SbomStore
{
    /// <summary>The folder of bound SBOMs.</summary>
    public const string Folder = "releases/sboms";

    /// <summary>The stored file of an SBOM digest; only a well-formed digest names a file, so no path escapes the folder.</summary>
    public static string PathOf(string digest) =>
        IsDigest(digest)
            ? $"{Folder}/{digest["sha256:".Length..]}.cdx.json"
            : throw new ArgumentException($"'{digest}' is not 'sha256:<64 lowercase hex>'", nameof(digest));

    /// <summary><c>sha256:&lt;hex&gt;</c> of a file's bytes.</summary>
    public static string DigestOf(ReadOnlySpan<byte> bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Whether the text is <c>sha256:&lt;64 lowercase hex&gt;</c>.</summary>
    public static bool IsDigest(string? text) => text is not null && Digest().IsMatch(text);

    [GeneratedRegex("^sha256:[0-9a-f]{64}$")]
    private static partial Regex Digest();
}
