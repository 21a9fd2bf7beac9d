using KoraInfra.Platform.Release.Manifest;

namespace KoraInfra.Platform.Release.Sbom;

/// <summary>
/// Binds an SBOM to the artifact or image it claims to describe. The SBOM must say so itself:
/// its <c>metadata.component</c> names the subject and gives the subject's digest as its
/// version (what syft writes for an image; what the pipeline asks <c>dotnet CycloneDX</c> to
/// write for kora). An SBOM of another build, or of another artifact, is refused.
/// </summary>
public static class SbomBinding
{
    /// <summary>The reference to sign into a manifest; throws <see cref="ReleaseDocumentException"/> naming <paramref name="source"/>.</summary>
    /// <param name="sbom">The SBOM file's bytes, exactly as they will be stored.</param>
    /// <param name="source">The file's name, for messages.</param>
    /// <param name="subject">The artifact or image, by digest, the SBOM is offered for.</param>
    public static SbomReference Bind(ReadOnlySpan<byte> sbom, string source, ImageReference subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var bom = CycloneDxBom.Read(sbom, source);
        if (SubjectMismatch(bom, subject) is { } mismatch)
        {
            throw new ReleaseDocumentException($"{source}: {mismatch}");
        }

        return new SbomReference(SbomReference.NameFor(subject), SbomReference.CycloneDxMediaType, SbomStore.DigestOf(sbom), subject);
    }

    /// <summary>Why the SBOM does not describe the subject; null when it does.</summary>
    public static string? SubjectMismatch(CycloneDxBom bom, ImageReference subject)
    {
        ArgumentNullException.ThrowIfNull(bom);
        ArgumentNullException.ThrowIfNull(subject);
        var named = bom.ComponentName == subject.Name || bom.ComponentName == subject.ToString();
        if (!named)
        {
            return $"metadata.component.name is '{bom.ComponentName}', but the SBOM is offered for '{subject.Name}'; expected an SBOM of {subject}";
        }

        return bom.ComponentVersion == subject.Digest
            ? null
            : $"metadata.component.version is '{bom.ComponentVersion ?? "missing"}', not the digest {subject.Digest} of {subject.Name}: the SBOM describes another build; expected an SBOM of {subject}";
    }
}
