using KoraInfra.Platform.Release.Manifest;

namespace KoraInfra.Platform.Release.Sbom;

/// <summary>
/// One SBOM bound to a release manifest as evidence: the file by its digest, and what it
/// describes by that thing's digest. The manifest is signed, so neither the SBOM nor its subject
/// can be swapped afterwards without the verification naming it.
/// </summary>
/// <param name="Name">The SBOM's name in the release: the last path segment of its subject (<c>kora</c>, <c>kora-tools</c>).</param>
/// <param name="MediaType">Always <see cref="CycloneDxMediaType"/>.</param>
/// <param name="Digest"><c>sha256:&lt;64 hex&gt;</c> of the SBOM file's bytes, as stored in the release store.</param>
/// <param name="Subject">
/// What the SBOM describes, by content: an image of the release (<c>name@sha256:…</c>, its
/// manifest digest) or the <c>kora</c> tool (<c>kora@sha256:…</c>, its <see cref="ArtifactDigest"/>).
/// </param>
public sealed record SbomReference(string Name, string MediaType, string Digest, ImageReference Subject)
{
    /// <summary>The media type of a CycloneDX JSON document (IANA registration of CycloneDX).</summary>
    public const string CycloneDxMediaType = "application/vnd.cyclonedx+json";

    /// <summary>The subject name of the kora tool, which is an artifact, not an image.</summary>
    public const string KoraTool = "kora";

    /// <summary>The SBOM's name for a subject: the last segment of its name.</summary>
    public static string NameFor(ImageReference subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return subject.Name[(subject.Name.LastIndexOf('/') + 1)..];
    }
}
