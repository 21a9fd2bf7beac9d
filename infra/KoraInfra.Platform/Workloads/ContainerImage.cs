using System.Text.RegularExpressions;

namespace KoraInfra.Platform.Workloads;

/// <summary>
/// A container image reference, parsed: <c>repository:tag</c>, <c>repository@sha256:…</c> or
/// both. Only a digest names exactly one image; a tag can be moved to other bytes at any time.
/// </summary>
/// <param name="Repository">The repository, with its registry when one is given (<c>n8nio/n8n</c>).</param>
/// <param name="Tag">The tag, or null.</param>
/// <param name="Digest">The content digest (<c>sha256:</c> and 64 hex digits), or null.</param>
public sealed partial record ContainerImage(string Repository, string? Tag, string? Digest)
{
    /// <summary>Whether the reference names exactly one image.</summary>
    public bool IsPinnedByDigest => Digest is not null;

    /// <summary>Parses a reference; returns null when it is not one.</summary>
    public static ContainerImage? TryParse(string? reference)
    {
        if (reference is null)
        {
            return null;
        }

        var match = Reference().Match(reference);
        if (!match.Success)
        {
            return null;
        }

        var tag = match.Groups["tag"].Success ? match.Groups["tag"].Value : null;
        var digest = match.Groups["digest"].Success ? match.Groups["digest"].Value : null;
        return tag is null && digest is null ? null : new ContainerImage(match.Groups["repository"].Value, tag, digest);
    }

    /// <summary>Parses a reference that is known to be valid (a constant of this code base).</summary>
    public static ContainerImage Parse(string reference) =>
        TryParse(reference) ?? throw new ArgumentException($"'{reference}' is not a container image reference with a tag or a digest", nameof(reference));

    /// <summary>The reference as a container runtime reads it.</summary>
    public override string ToString() =>
        Repository + (Tag is null ? string.Empty : ":" + Tag) + (Digest is null ? string.Empty : "@" + Digest);

    // Distribution's reference grammar, narrowed: lowercase path components, an optional registry
    // host (with a dot or a port) first, a tag and/or a sha256 digest.
    [GeneratedRegex(@"^(?<repository>(?:[a-z0-9]+(?:[.-][a-z0-9]+)*(?::[0-9]{1,5})?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)(?::(?<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?(?:@(?<digest>sha256:[a-f0-9]{64}))?$")]
    private static partial Regex Reference();
}
