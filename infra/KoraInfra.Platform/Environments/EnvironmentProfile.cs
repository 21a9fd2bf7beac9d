namespace KoraInfra.Platform.Environments;

/// <summary>
/// The facts of one environment, from the seed's section 3 table. Every capability reads
/// environment facts from here and nowhere else, so an environment difference has one home.
/// </summary>
public sealed record EnvironmentProfile
{
    /// <summary>Which environment this is.</summary>
    public required EnvironmentName Name { get; init; }

    /// <summary>The Pulumi stack name (<c>dev</c>, <c>staging</c>, <c>prod</c>).</summary>
    public string StackName => StackNames.Of(Name);

    /// <summary>The seed's "Objetivo".</summary>
    public required string Purpose { get; init; }

    /// <summary>The seed's "Dados".</summary>
    public required DataPolicy DataPolicy { get; init; }

    /// <summary>The <c>data-classification</c> tag every resource of the stack carries.</summary>
    public required DataClassification DataClassification { get; init; }

    /// <summary>The seed's "Gate de acesso", verbatim.</summary>
    public required string AccessGate { get; init; }

    /// <summary>The seed's "Owner": the teams accountable for the environment.</summary>
    public required IReadOnlyList<string> Owners { get; init; }

    /// <summary>Whether the environment may be thrown away and rebuilt ("ambiente efemero/local").</summary>
    public required bool IsEphemeral { get; init; }

    /// <summary>How the environment's secrets are held.</summary>
    public required SecretScope SecretScope { get; init; }

    /// <summary>Checks that must pass in this environment before a release moves on.</summary>
    public required IReadOnlyList<MandatoryCheck> MandatoryChecks { get; init; }

    /// <summary>
    /// True when the mandatory checks must run against the artifact promoted from the previous
    /// environment ("apenas promocao de artefato ja validado"), never a rebuild.
    /// </summary>
    public required bool ChecksRunOnPromotedArtifact { get; init; }

    /// <summary>Whether a deploy needs a verified release manifest (no direct deploy).</summary>
    public required bool RequiresReleaseManifest { get; init; }

    /// <summary>Whether container images must be referenced by digest rather than by tag.</summary>
    public required bool RequiresImageDigests { get; init; }

    /// <summary>Whether data services may accept traffic from the public internet.</summary>
    public required bool AllowsPublicNetworkAccess { get; init; }

    /// <summary>Whether services are spread across availability zones where they offer it.</summary>
    public required bool ZoneRedundant { get; init; }

    /// <summary>The smallest sizing tier a stack file may choose for this environment.</summary>
    public required SizingTier MinimumSizingTier { get; init; }

    /// <summary>The smallest Kubernetes node count a stack file may choose for this environment.</summary>
    public required int MinimumClusterNodes { get; init; }
}
