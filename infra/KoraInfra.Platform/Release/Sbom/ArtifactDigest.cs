using System.Security.Cryptography;
using System.Text;

namespace KoraInfra.Platform.Release.Sbom;

/// <summary>
/// The digest of an artifact that is a directory (the published <c>kora</c> tool): sha256 of
/// its <c>sha256sum</c> listing, every file by relative path in byte order. It is what
/// <c>cd DIR &amp;&amp; find . -type f -printf '%P\n' | LC_ALL=C sort | xargs -d '\n' sha256sum | sha256sum</c>
/// prints, so the pipeline and a reviewer can compute it without kora.
/// </summary>
public static class ArtifactDigest
{
    /// <summary><c>sha256:&lt;hex&gt;</c> of the directory's listing; refuses a directory with no file.</summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="ArgumentException">The directory holds no file, or a file name sha256sum would escape.</exception>
    public static string OfDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var root = new DirectoryInfo(directory);
        if (!root.Exists)
        {
            throw new DirectoryNotFoundException($"artifact directory '{directory}' does not exist");
        }

        var files = root.EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false })
            .Select(f => (Relative: Path.GetRelativePath(root.FullName, f.FullName).Replace(Path.DirectorySeparatorChar, '/'), f.FullName))
            .OrderBy(f => Encoding.UTF8.GetBytes(f.Relative), ByteOrder.Instance)
            .ToList();
        if (files.Count == 0)
        {
            throw new ArgumentException($"artifact directory '{directory}' holds no file; expected the published artifact", nameof(directory));
        }

        var listing = new StringBuilder();
        foreach (var (relative, full) in files)
        {
            // sha256sum escapes such names with a leading backslash: refuse rather than differ from it.
            if (relative.Contains('\n', StringComparison.Ordinal) || relative.Contains('\\', StringComparison.Ordinal))
            {
                throw new ArgumentException($"artifact file '{relative.ReplaceLineEndings(" ")}' has a newline or backslash in its name", nameof(directory));
            }

            using var stream = File.OpenRead(full);
            listing.Append(Convert.ToHexStringLower(SHA256.HashData(stream))).Append("  ").Append(relative).Append('\n');
        }

        return SbomStore.DigestOf(Encoding.UTF8.GetBytes(listing.ToString()));
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static ByteOrder Instance { get; } = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
