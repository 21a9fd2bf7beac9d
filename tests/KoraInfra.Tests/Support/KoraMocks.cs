using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Pulumi;
using Pulumi.Testing;

namespace KoraInfra.Tests.Support;

/// <summary>
/// Stands in for the cloud: records every registered resource and answers with its inputs plus
/// the outputs a real provider would compute (names, ids, identity ids, credentials).
/// </summary>
internal sealed class KoraMocks : IMocks
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
    };

    private readonly ConcurrentQueue<RecordedResource> _resources = new();

    public IReadOnlyList<RecordedResource> Resources => _resources.ToList();

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
            case "random:index/randomPassword:RandomPassword":
                // Generated per run: no credential-shaped value is ever committed, not even a fake one.
                outputs["result"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
                break;
        }

        var id = args.Id ?? $"/subscriptions/sub-kora/resourceGroups/rg/providers/{type}/{name}";
        return Task.FromResult<(string? id, object state)>((id, outputs.ToImmutable()));
    }

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

        return Task.FromResult<object>(args.Args);
    }
}
