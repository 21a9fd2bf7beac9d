using System.Text.Json.Serialization;
using KoraInfra.Platform.Release.Manifest;

namespace KoraInfra.Platform.Release.Signing;

/// <summary>
/// An in-toto Statement v1 whose subjects are the release's images (by their sha256 digest) and
/// whose predicate is the <see cref="ReleaseManifest"/>: standard tooling can tell what a signed
/// manifest is about without knowing KoraInfra.
/// </summary>
/// <param name="Type">Always <see cref="StatementType"/>.</param>
/// <param name="Subject">The images, by name and digest.</param>
/// <param name="PredicateType">Always <see cref="ManifestPredicateType"/>.</param>
/// <param name="Predicate">The release manifest.</param>
public sealed record InTotoStatement(
    [property: JsonPropertyName("_type")] string Type,
    IReadOnlyList<InTotoSubject> Subject,
    string PredicateType,
    ReleaseManifest Predicate)
{
    /// <summary>The in-toto Statement v1 type URI.</summary>
    public const string StatementType = "https://in-toto.io/Statement/v1";

    /// <summary>The predicate type of a KoraInfra release manifest (version 1 of its schema).</summary>
    public const string ManifestPredicateType = "https://koraos.dev/kora-infra/release-manifest/v1";

    /// <summary>The statement for a manifest.</summary>
    public static InTotoStatement For(ReleaseManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var subjects = manifest.Images
            .Select(i => new InTotoSubject(i.Name, new Dictionary<string, string>(StringComparer.Ordinal) { ["sha256"] = i.Digest["sha256:".Length..] }))
            .ToList();
        return new InTotoStatement(StatementType, subjects, ManifestPredicateType, manifest);
    }
}

/// <summary>One subject of a statement: an artifact name and its digests by algorithm.</summary>
/// <param name="Name">The image name.</param>
/// <param name="Digest">Digests by algorithm (<c>sha256</c>).</param>
public sealed record InTotoSubject(string Name, IReadOnlyDictionary<string, string> Digest);
