using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Network;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>
/// KORA-071: in staging and prod every Key Vault, PostgreSQL server, Redis cache and storage
/// account has a private endpoint whose DNS zone group names the service's exact private zone
/// (a VNet-integrated PostgreSQL server needs none).
/// </summary>
public sealed class DataServicesPrivateEndpoints : ResourceRule
{
    // The types it judges, and the private service each is (ServiceOf). A switch, not a
    // Dictionary<string, PrivateService>: that instance is JIT-compiled on every run (ReadyToRun
    // cannot precompile framework generics over this project's enums), a measurable part of a report.
    private static readonly HashSet<string> ServiceTypes = new(StringComparer.Ordinal)
    {
        TypeTokens.KeyVault,
        TypeTokens.PostgreSqlServer,
        TypeTokens.Redis,
        TypeTokens.StorageAccount,
    };

    /// <inheritdoc />
    public override string Id => "KORA-071";

    /// <inheritdoc />
    public override string Title => "Every vault, database, cache and storage account has a private endpoint with a DNS zone group for its exact zone (staging and prod)";

    /// <inheritdoc />
    public override string Rationale => "With public access disabled, a private endpoint is the only path from the cluster, and without the zone group the service's host name still resolves to its public address, which refuses the connection.";

    /// <inheritdoc />
    public override PolicySeverity Severity => PolicySeverity.High;

    /// <inheritdoc />
    public override IReadOnlyList<string> CheckovIds => ["CKV2_AZURE_32", "CKV2_AZURE_42", "CKV_AZURE_181"];

    /// <inheritdoc />
    protected override IReadOnlySet<string> Types => ServiceTypes;

    /// <inheritdoc />
    /// <remarks>The endpoint and its zone group are other resources: only the stack can tell.</remarks>
    public override PolicyScope Scope => PolicyScope.Stack;

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment)
    {
        ArgumentNullException.ThrowIfNull(environment);

        // Dev is public behind an allowlist by design: an endpoint there would be noise, not advice.
        return Levels.MandatoryWhere(!environment.AllowsPublicNetworkAccess, EnforcementLevel.Disabled);
    }

    /// <inheritdoc />
    protected override IEnumerable<string> Check(ResourceSnapshot resource, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        var service = ServiceOf(resource.Type);
        if (service == PrivateService.PostgreSql && !string.IsNullOrEmpty(resource.Text("network.delegatedSubnetResourceId")))
        {
            yield break;
        }

        var name = PrivateLinks.AzureName(resource);
        var zone = PrivateServices.ZoneName(service);
        var groupId = PrivateServices.GroupId(service);
        var endpoints = name is null ? [] : PrivateLinks.EndpointsFor(context.Stack, name).ToList();
        if (endpoints.Count == 0)
        {
            yield return $"no private endpoint connects to '{name ?? "(unnamed)"}': declare one in the endpoint subnet with group id '{groupId}' and a connection named after the resource";
            yield break;
        }

        if (!endpoints.Any(e => e.GroupIds.Contains(groupId, StringComparer.OrdinalIgnoreCase)))
        {
            yield return $"the private endpoint of '{name}' asks for group ids [{string.Join(", ", endpoints.SelectMany(e => e.GroupIds))}]; expected '{groupId}'";
        }

        if (!endpoints.Any(e => PrivateLinks.ZonesOf(context.Stack, e.Endpoint).Contains(zone, StringComparer.OrdinalIgnoreCase)))
        {
            yield return $"the private endpoint of '{name}' has no DNS zone group naming '{zone}': the host name would still resolve to the public address";
        }
    }

    private static PrivateService ServiceOf(string type) => type switch
    {
        TypeTokens.KeyVault => PrivateService.KeyVault,
        TypeTokens.PostgreSqlServer => PrivateService.PostgreSql,
        TypeTokens.Redis => PrivateService.Redis,
        TypeTokens.StorageAccount => PrivateService.Blob,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a data service type"),
    };
}
