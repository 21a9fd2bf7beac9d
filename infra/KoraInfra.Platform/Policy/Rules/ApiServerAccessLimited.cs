using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>KORA-077: the AKS API server of a non-public environment is private or limited to authorized ranges.</summary>
public sealed class ApiServerAccessLimited : ResourceRule
{
    /// <inheritdoc />
    public override string Id => "KORA-077";

    /// <inheritdoc />
    public override string Title => "The AKS API server is private or limited to authorized IP ranges (staging and prod)";

    /// <inheritdoc />
    public override string Rationale => "Entra ID guards every call, but an API server open to the internet exposes its authentication and any zero-day in it to everyone.";

    /// <inheritdoc />
    public override PolicySeverity Severity => PolicySeverity.High;

    /// <inheritdoc />
    public override IReadOnlyList<string> CheckovIds => ["CKV_AZURE_6", "CKV_AZURE_115"];

    /// <inheritdoc />
    protected override IReadOnlySet<string> Types { get; } = new HashSet<string> { TypeTokens.ManagedCluster };

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment) => Levels.PrivateNetwork(environment);

    /// <inheritdoc />
    protected override IEnumerable<string> Check(ResourceSnapshot resource, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var isPrivate = resource.Flag("apiServerAccessProfile.enablePrivateCluster") == true;
        var ranges = Json.Texts(resource.Property("apiServerAccessProfile.authorizedIPRanges"));
        if (!isPrivate && ranges.Count == 0)
        {
            yield return "apiServerAccessProfile has neither enablePrivateCluster nor authorizedIPRanges: the API server answers the whole internet";
        }
        else if (ranges.Any(r => r is "0.0.0.0/0" or "*"))
        {
            yield return "apiServerAccessProfile.authorizedIPRanges contains 0.0.0.0/0: that authorizes the whole internet";
        }
    }
}
