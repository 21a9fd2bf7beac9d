using KoraInfra.Platform.Input;
using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Release.Manifest;

namespace KoraInfra.Platform.Release.Sbom;

/// <summary>
/// Judges the SBOMs bound to a release: their shape (in every manifest verification), and the
/// stored files against the digests the manifest binds (where the release store is at hand: a
/// promotion, <c>kora release verify</c>, the prod gate reading the RC's manifest).
/// </summary>
public static class SbomEvidence
{
    /// <summary>The id of the gate condition a promotion with SBOMs adds.</summary>
    public const string ConditionId = "sboms-bound";

    /// <summary>The seed's words the SBOMs answer.</summary>
    public const string Requirement = "scan de dependencias com evidencias: SBOM CycloneDX de cada artefato, vinculado por digest";

    /// <summary>Problems with the references themselves, against the release's images.</summary>
    public static IReadOnlyList<string> ShapeProblems(IReadOnlyList<SbomReference> sboms, IReadOnlyList<ImageReference> images)
    {
        ArgumentNullException.ThrowIfNull(sboms);
        ArgumentNullException.ThrowIfNull(images);
        var problems = new List<string>();
        foreach (var sbom in sboms)
        {
            var label = $"sboms: '{sbom.Name}'";
            if (sbom.MediaType != SbomReference.CycloneDxMediaType)
            {
                problems.Add($"{label}: mediaType '{sbom.MediaType}'; expected '{SbomReference.CycloneDxMediaType}'");
            }

            if (!SbomStore.IsDigest(sbom.Digest))
            {
                problems.Add($"{label}: digest '{sbom.Digest}'; expected 'sha256:<64 lowercase hex>' of the SBOM file");
            }

            if (sbom.Name != SbomReference.NameFor(sbom.Subject))
            {
                problems.Add($"{label}: the name of an SBOM of {sbom.Subject.Name} is '{SbomReference.NameFor(sbom.Subject)}'");
            }

            if (sbom.Subject.Name != SbomReference.KoraTool)
            {
                var image = images.FirstOrDefault(i => i.Name == sbom.Subject.Name);
                if (image is null)
                {
                    problems.Add($"{label}: its subject {sbom.Subject} is neither an image of the release nor the kora tool");
                }
                else if (image.Digest != sbom.Subject.Digest)
                {
                    problems.Add($"{label}: its subject {sbom.Subject} is not the release's image {image} (an SBOM of another build)");
                }
            }
        }

        foreach (var duplicate in sboms.GroupBy(s => s.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"sboms: '{duplicate.Key}' appears {duplicate.Count()} times; expected one SBOM per artifact");
        }

        return problems;
    }

    /// <summary>
    /// Problems with the stored files: missing, changed since bound (digest differs), unreadable,
    /// or describing another subject. <paramref name="readStoreFile"/> reads a path relative to
    /// the project directory (<see cref="SbomStore.PathOf"/>) and returns null when there is none.
    /// </summary>
    public static IReadOnlyList<string> FileProblems(IReadOnlyList<SbomReference> sboms, Func<string, byte[]?> readStoreFile)
    {
        ArgumentNullException.ThrowIfNull(sboms);
        ArgumentNullException.ThrowIfNull(readStoreFile);
        var problems = new List<string>();
        foreach (var sbom in sboms.Where(s => SbomStore.IsDigest(s.Digest)))
        {
            var path = SbomStore.PathOf(sbom.Digest);
            var label = $"sbom '{sbom.Name}' ({path})";
            try
            {
                var bytes = readStoreFile(path);
                if (bytes is null)
                {
                    problems.Add($"{label}: not in the release store; expected the SBOM file the manifest binds");
                    continue;
                }

                var actual = SbomStore.DigestOf(bytes);
                if (actual != sbom.Digest)
                {
                    problems.Add($"{label}: the file's digest is {actual}, not the {sbom.Digest} the manifest binds: the SBOM was changed after it was bound");
                    continue;
                }

                if (SbomBinding.SubjectMismatch(CycloneDxBom.Read(bytes, path), sbom.Subject) is { } mismatch)
                {
                    problems.Add($"{label}: {mismatch}");
                }
            }
            catch (Exception ex) when (ex is ReleaseDocumentException or InputRefusedException)
            {
                problems.Add($"{label}: {ex.Message}");
            }
        }

        return problems;
    }

    /// <summary>The gate condition: every SBOM well-formed for the release's images and its stored file intact.</summary>
    public static GateCondition Condition(IReadOnlyList<SbomReference> sboms, IReadOnlyList<ImageReference> images, Func<string, byte[]?> readStoreFile)
    {
        var problems = ShapeProblems(sboms, images).Concat(FileProblems(sboms, readStoreFile)).ToList();
        return new GateCondition(ConditionId, Requirement, problems.Count == 0, problems.Count == 0 ? null : string.Join("; ", problems));
    }
}
