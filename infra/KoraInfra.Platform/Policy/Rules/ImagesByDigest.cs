using System.Text.RegularExpressions;
using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>KORA-040: outside dev, every container image is pinned by digest.</summary>
public sealed partial class ImagesByDigest : ResourceRule
{
    /// <inheritdoc />
    public override string Id => "KORA-040";

    /// <inheritdoc />
    public override string Title => "Container images are pinned by digest (staging and prod)";

    /// <inheritdoc />
    public override string Rationale => "Only an already validated artifact is promoted; a tag can be moved to a different image after validation.";

    /// <inheritdoc />
    public override PolicySeverity Severity => PolicySeverity.Critical;

    /// <inheritdoc />
    public override IReadOnlyList<string> CheckovIds => ["CKV_K8S_43"];

    /// <inheritdoc />
    protected override IReadOnlySet<string> Types => PodSpecs.WorkloadTypes;

    /// <summary>Whether an image reference is pinned by a sha256 digest.</summary>
    public static bool IsPinned(string? image) => image is not null && Digest().IsMatch(image);

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Levels.MandatoryWhere(environment.RequiresImageDigests, EnforcementLevel.Disabled);
    }

    /// <inheritdoc />
    protected override IEnumerable<string> Check(ResourceSnapshot resource, PolicyContext context) =>
        PodSpecs.Containers(resource)
            .Where(c => !IsPinned(Json.Text(Json.Get(c.Container, "image"))))
            .Select(c => $"container '{c.Name}' uses image '{Json.Text(Json.Get(c.Container, "image")) ?? "(none)"}'; expected name@sha256:<64 hex digits>");

    [GeneratedRegex("@sha256:[0-9a-f]{64}$")]
    private static partial Regex Digest();
}
