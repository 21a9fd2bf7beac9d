using System.Text.RegularExpressions;

namespace KoraInfra.Platform.Release.Manifest;

/// <summary>
/// A container image pinned by content: <c>registry/name@sha256:&lt;64 hex&gt;</c>. A tag can be
/// moved to a rebuilt image; a digest cannot, which is what "apenas promocao de artefato ja
/// validado" needs.
/// </summary>
public sealed partial record ImageReference(string Name, string Digest)
{
    /// <summary>The accepted shape, for error messages.</summary>
    public const string Expected = "an image by digest 'name@sha256:<64 lowercase hex>' (a tag such as ':latest' is never enough)";

    /// <summary>Parses <c>name@sha256:hex</c>; returns null for a tag reference or anything else.</summary>
    public static ImageReference? TryParse(string? text)
    {
        var match = text is null ? null : Pattern().Match(text);
        return match is { Success: true } ? new ImageReference(match.Groups["name"].Value, match.Groups["digest"].Value) : null;
    }

    /// <summary>The reference text.</summary>
    public override string ToString() => $"{Name}@{Digest}";

    // Repository path per the OCI distribution spec (lowercase components), no tag beside the digest.
    [GeneratedRegex("^(?<name>[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]{1,5})?(/[a-z0-9]+([._-]{1,2}[a-z0-9]+)*)*)@(?<digest>sha256:[0-9a-f]{64})$")]
    private static partial Regex Pattern();
}
