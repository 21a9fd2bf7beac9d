using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Pulumi;
using Pulumi.Testing;

namespace KoraInfra.OfflinePlan;

/// <summary>
/// Stands in for the cloud, for the offline plan and the mock tests alike: records every
/// registered resource and answers with its inputs plus the outputs a real provider would
/// compute (names, ids, identity ids, credentials). Every value it invents is visibly fake.
/// </summary>
public sealed class PlanMocks : IMocks
{
    // The input that holds the Azure name of each resource type, so the mock's `name` output is
    // what Azure would report.
    private static readonly Dictionary<string, string> AzureNameInputs = new(StringComparer.Ordinal)
    {
        ["azure-native:resources:ResourceGroup"] = "resourceGroupName",
        ["azure-native:managedidentity:UserAssignedIdentity"] = "resourceName",
        ["azure-native:operationalinsights:Workspace"] = "workspaceName",
        ["azure-native:containerservice:ManagedCluster"] = "resourceName",
        ["azure-native:dbforpostgresql:Server"] = "serverName",
        ["azure-native:storage:StorageAccount"] = "accountName",
        ["azure-native:storage:BlobContainer"] = "containerName",
        ["azure-native:keyvault:Vault"] = "vaultName",
        ["azure-native:keyvault:Secret"] = "secretName",
        ["azure-native:keyvault:Key"] = "keyName",
        ["azure-native:network:VirtualNetwork"] = "virtualNetworkName",
        ["azure-native:network:Subnet"] = "subnetName",
        ["azure-native:network:NetworkSecurityGroup"] = "networkSecurityGroupName",
        ["azure-native:network:NatGateway"] = "natGatewayName",
        ["azure-native:network:PublicIPAddress"] = "publicIpAddressName",
        ["azure-native:network:PrivateEndpoint"] = "privateEndpointName",
        ["azure-native:network:PrivateDnsZoneGroup"] = "privateDnsZoneGroupName",
        ["azure-native:privatedns:PrivateZone"] = "privateZoneName",
        ["azure-native:privatedns:VirtualNetworkLink"] = "virtualNetworkLinkName",
    };

    private readonly ConcurrentQueue<RecordedResource> _resources = new();
    private readonly ConcurrentDictionary<string, string> _generated = new(StringComparer.Ordinal);

    /// <summary>Every resource registered so far, in registration order.</summary>
    public IReadOnlyList<RecordedResource> Resources => _resources.ToList();

    /// <summary>Every value a generator (<c>RandomPassword</c>) produced in this run, by logical name.</summary>
    public IReadOnlyDictionary<string, string> GeneratedValues => _generated;

    /// <inheritdoc />
    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var type = args.Type ?? string.Empty;
        var name = args.Name ?? string.Empty;
        _resources.Enqueue(new RecordedResource(type, name, args.Inputs, args.Provider));

        var outputs = ImmutableDictionary.CreateBuilder<string, object>();
        outputs.AddRange(args.Inputs);
        if (type.StartsWith("azure-native:", StringComparison.Ordinal) && !args.Inputs.ContainsKey("name"))
        {
            outputs["name"] = AzureNameInputs.TryGetValue(type, out var input) && args.Inputs.TryGetValue(input, out var azureName) ? azureName : name;
        }

        switch (type)
        {
            case "azure-native:managedidentity:UserAssignedIdentity":
                outputs["principalId"] = $"principal-{name}";
                outputs["clientId"] = $"client-{name}";
                outputs["tenantId"] = "tenant-kora";
                break;
            case "azure-native:operationalinsights:Workspace":
                outputs["customerId"] = $"customer-{name}";
                break;
            case "azure-native:dbforpostgresql:Server":
                outputs["fullyQualifiedDomainName"] = $"{outputs["name"]}.postgres.database.azure.com";
                break;
            case "azure-native:redis:Redis":
                outputs["hostName"] = $"{outputs["name"]}.redis.cache.windows.net";
                outputs["sslPort"] = 6380;
                outputs["port"] = 6379;
                break;
            case "azure-native:network:PublicIPAddress":
                // A documentation address (RFC 5737): visibly not a real one.
                outputs["ipAddress"] = "198.51.100.10";
                break;
            case "random:index/randomPassword:RandomPassword":
                // Visibly fake, different on every run (no secret value lives in the repository),
                // and secret as the engine makes it.
                outputs["result"] = Output.CreateSecret(GeneratedSecret(name));
                break;
        }

        // The SDK passes the registration's import id here: "" for every normal registration. An
        // empty id makes the SDK mark the resource's Id unknown, which drops every input derived
        // from it and skips the invokes that depend on it, so "" means "make one up" like null.
        var id = string.IsNullOrEmpty(args.Id) ? $"/subscriptions/sub-kora/resourceGroups/rg/providers/{type}/{name}" : args.Id;
        return Task.FromResult<(string? id, object state)>((id, outputs.ToImmutable()));
    }

    /// <inheritdoc />
    public Task<object> CallAsync(MockCallArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Token == "azure-native:containerservice:listManagedClusterUserCredentials")
        {
            var kubeconfig = Convert.ToBase64String(Encoding.UTF8.GetBytes("apiVersion: v1\nkind: Config\nusers:\n- name: clusterUser\n  user:\n    exec:\n      command: kubelogin\n"));
            return Task.FromResult<object>(ImmutableDictionary<string, object>.Empty.Add(
                "kubeconfigs",
                ImmutableArray.Create<object>(ImmutableDictionary<string, object>.Empty.Add("name", "clusterUser").Add("value", kubeconfig))));
        }

        if (args.Token == "azure-native:redis:listRedisKeys")
        {
            return Task.FromResult<object>(ImmutableDictionary<string, object>.Empty
                .Add("primaryKey", GeneratedSecret("listRedisKeys.primaryKey"))
                .Add("secondaryKey", GeneratedSecret("listRedisKeys.secondaryKey")));
        }

        if (args.Token == "azure-native:authorization:getClientConfig")
        {
            return Task.FromResult<object>(ImmutableDictionary<string, object>.Empty
                .Add("clientId", "client-deployer")
                .Add("objectId", "object-deployer")
                .Add("subscriptionId", "sub-kora")
                .Add("tenantId", "tenant-kora"));
        }

        return Task.FromResult<object>(args.Args);
    }

    // Remembered by what generated it, so tests can trace where each value flows.
    private string GeneratedSecret(string source) => _generated[source] = "fake-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
