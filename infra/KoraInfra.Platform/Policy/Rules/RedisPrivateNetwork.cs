using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>KORA-031: Redis of non-public environments refuses public network traffic.</summary>
public sealed class RedisPrivateNetwork : ResourceRule
{
    /// <inheritdoc />
    public override string Id => "KORA-031";

    /// <inheritdoc />
    public override string Title => "Azure Cache for Redis disables public network access (staging and prod)";

    /// <inheritdoc />
    public override string Rationale => "Only the platform's workloads talk to the queue.";

    /// <inheritdoc />
    public override PolicySeverity Severity => PolicySeverity.High;

    /// <inheritdoc />
    public override IReadOnlyList<string> CheckovIds => ["CKV_AZURE_89"];

    /// <inheritdoc />
    protected override IReadOnlySet<string> Types { get; } = new HashSet<string> { TypeTokens.Redis };

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment) => Levels.PrivateNetwork(environment);

    /// <inheritdoc />
    protected override IEnumerable<string> Check(ResourceSnapshot resource, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (!string.Equals(resource.Text("publicNetworkAccess"), "Disabled", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"publicNetworkAccess is {resource.Text("publicNetworkAccess") ?? "unset (Azure's default is Enabled)"}; expected Disabled";
        }
    }
}
