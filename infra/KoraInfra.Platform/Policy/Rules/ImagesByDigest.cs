using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>KORA-040: outside dev, every container image is pinned by digest.</summary>
public sealed class ImagesByDigest : ResourceRule
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

    private const string DigestPrefix = "@sha256:";

    private const int DigestLength = 8 + 64;

    /// <summary>
    /// Whether an image reference is pinned by a sha256 digest: it ends in <c>@sha256:</c> and 64
    /// lower-case hex digits (a final newline allowed, as a regex's <c>$</c> allows it). A plain
    /// check, not a regex: the regex's search values are JIT-compiled on every run (ReadyToRun
    /// cannot precompile them), a measurable part of the first rule to look at every workload.
    /// </summary>
    public static bool IsPinned(string? image)
    {
        if (image is null)
        {
            return false;
        }

        var end = image.EndsWith('\n') ? image.Length - 1 : image.Length;
        if (end < DigestLength)
        {
            return false;
        }

        var digest = image.AsSpan(end - DigestLength, DigestLength);
        if (!digest.StartsWith(DigestPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in digest[DigestPrefix.Length..])
        {
            if (!char.IsAsciiHexDigitLower(c))
            {
                return false;
            }
        }

        return true;
    }

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
}
