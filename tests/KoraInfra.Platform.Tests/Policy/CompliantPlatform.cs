using System.Text.Json.Nodes;
using KoraInfra.Platform.Policy;
using KoraInfra.Platform.Policy.Rules;

namespace KoraInfra.Platform.Tests.Policy;

/// <summary>
/// A stack that every rule accepts, built resource by resource, so each rule test can break
/// exactly one thing and prove that rule (and only what it checks) notices.
/// </summary>
public sealed class CompliantPlatform
{
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private const string Digest = "@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private readonly List<(string Type, string Name, JsonObject Inputs, string? Provider)> _resources = [];

    public CompliantPlatform(string stack)
    {
        Stack = stack;
        var tags = $$"""{ "environment": "{{stack}}", "owner": "devops", "data-classification": "masked", "cost-center": "koraos-platform", "managed-by": "pulumi" }""";
        Add("azure-native:resources:ResourceGroup", "resource-group", $$"""{ "resourceGroupName": "rg-kora-{{stack}}-brs", "tags": {{tags}} }""");
        var nodesSubnet = $"/subscriptions/sub/resourceGroups/rg-kora-{stack}-brs/providers/Microsoft.Network/virtualNetworks/vnet-kora-{stack}-brs/subnets/snet-kora-{stack}-brs-aks-nodes";
        Add("azure-native:containerservice:ManagedCluster", "aks", $$"""{ "resourceName": "aks-kora-{{stack}}-brs", "disableLocalAccounts": true, "aadProfile": { "managed": true, "enableAzureRBAC": true }, "agentPoolProfiles": [ { "name": "system", "vnetSubnetID": "{{nodesSubnet}}" } ], "networkProfile": { "networkPlugin": "azure", "networkPluginMode": "overlay", "podCidr": "10.129.0.0/16", "serviceCidr": "10.101.0.0/20" }, "apiServerAccessProfile": { "authorizedIPRanges": [ "198.51.100.7/32" ] }, "tags": {{tags}} }""");
        AddNetwork(stack, tags);
        Add("azure-native:keyvault:Vault", "vault", $$"""{ "vaultName": "kv-kora-{{stack}}-brs", "properties": { "enableRbacAuthorization": true, "enableSoftDelete": true, "softDeleteRetentionInDays": 90, "enablePurgeProtection": true, "publicNetworkAccess": "Disabled", "networkAcls": { "defaultAction": "Deny" } }, "tags": {{tags}} }""");
        Add("azure-native:keyvault:Secret", "pg-admin-password", $$"""{ "secretName": "pg-admin-password", "properties": { "contentType": "text/plain", "attributes": { "expires": {{Now.AddDays(60).ToUnixTimeSeconds()}} } } }""");
        Add("azure-native:dbforpostgresql:Server", "postgres", $$"""{ "serverName": "psql-kora-{{stack}}-brs", "network": { "publicNetworkAccess": "Disabled" }, "highAvailability": { "mode": "ZoneRedundant" }, "backup": { "backupRetentionDays": 35, "geoRedundantBackup": "Enabled" }, "tags": {{tags}} }""");
        Add("azure-native:dbforpostgresql:Configuration", "require-secure-transport", $$"""{ "serverName": "psql-kora-{{stack}}-brs", "configurationName": "require_secure_transport", "value": "on", "source": "user-override" }""");
        Add("azure-native:dbforpostgresql:Configuration", "ssl-min-protocol-version", $$"""{ "serverName": "psql-kora-{{stack}}-brs", "configurationName": "ssl_min_protocol_version", "value": "TLSv1.2", "source": "user-override" }""");
        Add("azure-native:redis:Redis", "redis", $$"""{ "name": "redis-kora-{{stack}}-brs", "enableNonSslPort": false, "minimumTlsVersion": "1.2", "publicNetworkAccess": "Disabled", "tags": {{tags}} }""");
        Add("kubernetes:batch/v1:Job", "db-migrations", $$"""{ "metadata": { "namespace": "kora", "labels": { "app.kubernetes.io/component": "db-migrations" } }, "spec": { "template": { "spec": { "securityContext": { "runAsNonRoot": true }, "containers": [ { "name": "migrate", "image": "ghcr.io/koraos/kora-migrate{{Digest}}", "securityContext": { "allowPrivilegeEscalation": false }, "resources": { "limits": { "cpu": "500m", "memory": "256Mi" } } } ] } } } }""", Kubernetes);
        Add("kubernetes:apps/v1:Deployment", "n8n-main", $$"""{ "metadata": { "namespace": "kora" }, "spec": { "template": { "spec": { "containers": [ { "name": "n8n", "image": "n8nio/n8n{{Digest}}", "securityContext": { "runAsNonRoot": true, "allowPrivilegeEscalation": false, "privileged": false }, "resources": { "limits": { "cpu": "1", "memory": "1Gi" } }, "env": [ { "name": "EXECUTIONS_MODE", "value": "queue" }, { "name": "DB_POSTGRESDB_PASSWORD", "valueFrom": { "secretKeyRef": { "name": "n8n", "key": "db-password" } } } ] } ] } } } }""", Kubernetes);
        Add("kubernetes:core/v1:ConfigMap", "n8n-config", """{ "data": { "N8N_LOG_LEVEL": "info" } }""", Kubernetes);
        var alerts = new JsonArray(SeedAlertSetPresent.RequiredAlerts.Select(a => (JsonNode)new JsonObject { ["alert"] = a, ["expr"] = "vector(1)" }).ToArray());
        _resources.Add(("kubernetes:monitoring.coreos.com/v1:PrometheusRule", "kora-alerts", new JsonObject { ["spec"] = new JsonObject { ["groups"] = new JsonArray(new JsonObject { ["name"] = "kora.alerts", ["rules"] = alerts }) } }, Kubernetes));
        Add("kora:release:ReleaseManifest", "release", $$"""{ "stack": "{{stack}}", "version": "v1.4.0", "verified": true, "gate": "{{(stack == "prod" ? "deploy-prod" : "deploy-staging")}}", "openCriticalFindings": [], "images": [ "n8nio/n8n{{Digest}}", "ghcr.io/koraos/kora-migrate{{Digest}}" ] }""");
    }

    public string Stack { get; }

    /// <summary>The network a compliant stack has: VNet, subnets with NSGs, and a private endpoint with a zone group per data service.</summary>
    private void AddNetwork(string stack, string tags)
    {
        var nsgRules = """[ { "name": "allow-https-ingress", "priority": 120, "direction": "Inbound", "access": "Allow", "protocol": "Tcp", "sourceAddressPrefix": "Internet", "sourcePortRange": "*", "destinationAddressPrefix": "*", "destinationPortRanges": [ "443" ] }, { "name": "deny-all-inbound", "priority": 4096, "direction": "Inbound", "access": "Deny", "protocol": "*", "sourceAddressPrefix": "*", "sourcePortRange": "*", "destinationAddressPrefix": "*", "destinationPortRange": "*" } ]""";
        Add("azure-native:network:VirtualNetwork", "vnet", $$"""{ "virtualNetworkName": "vnet-kora-{{stack}}-brs", "addressSpace": { "addressPrefixes": [ "10.20.0.0/20" ] }, "tags": {{tags}} }""");
        Add("azure-native:network:NetworkSecurityGroup", "nsg-aks-nodes", $$"""{ "networkSecurityGroupName": "nsg-kora-{{stack}}-brs-aks-nodes", "securityRules": {{nsgRules}}, "tags": {{tags}} }""");
        Add("azure-native:network:Subnet", "subnet-aks-nodes", $$"""{ "subnetName": "snet-kora-{{stack}}-brs-aks-nodes", "virtualNetworkName": "vnet-kora-{{stack}}-brs", "addressPrefix": "10.20.0.0/27", "networkSecurityGroup": { "id": "/subscriptions/sub/providers/Microsoft.Network/networkSecurityGroups/nsg-kora-{{stack}}-brs-aks-nodes" } }""");
        Add("azure-native:network:Subnet", "subnet-endpoints", $$"""{ "subnetName": "snet-kora-{{stack}}-brs-endpoints", "virtualNetworkName": "vnet-kora-{{stack}}-brs", "addressPrefix": "10.20.0.32/27", "networkSecurityGroup": { "id": "/subscriptions/sub/providers/Microsoft.Network/networkSecurityGroups/nsg-kora-{{stack}}-brs-endpoints" } }""");
        Add("azure-native:storage:StorageAccount", "release-store", $$"""{ "accountName": "stkora{{stack}}brsrel", "publicNetworkAccess": "Disabled", "tags": {{tags}} }""");
        foreach (var (key, target, group, zone) in new[]
        {
            ("vault", $"kv-kora-{stack}-brs", "vault", "privatelink.vaultcore.azure.net"),
            ("postgres", $"psql-kora-{stack}-brs", "postgresqlServer", "privatelink.postgres.database.azure.com"),
            ("redis", $"redis-kora-{stack}-brs", "redisCache", "privatelink.redis.cache.windows.net"),
            ("release-store", $"stkora{stack}brsrel", "blob", "privatelink.blob.core.windows.net"),
        })
        {
            Add("azure-native:network:PrivateEndpoint", $"endpoint-{key}", $$"""{ "privateEndpointName": "pep-kora-{{stack}}-brs-{{key}}", "subnet": { "id": "snet-endpoints" }, "privateLinkServiceConnections": [ { "name": "{{target}}", "groupIds": [ "{{group}}" ], "privateLinkServiceId": "/subscriptions/sub/providers/x/{{target}}" } ], "tags": {{tags}} }""");
            Add("azure-native:network:PrivateDnsZoneGroup", $"zone-group-{key}", $$"""{ "privateEndpointName": "pep-kora-{{stack}}-brs-{{key}}", "privateDnsZoneGroupName": "default", "privateDnsZoneConfigs": [ { "name": "{{zone.Replace('.', '-')}}", "privateDnsZoneId": "/subscriptions/sub/providers/Microsoft.Network/privateDnsZones/{{zone}}" } ] }""");
        }
    }

    private string Kubernetes => $"urn:pulumi:{Stack}::kora-infra::pulumi:providers:kubernetes::k8s-{Stack}::provider-id";

    public CompliantPlatform Add(string type, string name, string inputs, string? provider = null)
    {
        _resources.Add((type, name, JsonNode.Parse(inputs)!.AsObject(), provider));
        return this;
    }

    /// <summary>Removes the one resource with this logical name.</summary>
    public CompliantPlatform RemoveNamed(string name) =>
        _resources.RemoveAll(r => r.Name == name) == 1 ? this : throw new ArgumentException($"the compliant stack has no single resource '{name}'", nameof(name));

    /// <summary>The inputs of the one resource with this logical name, to edit in place.</summary>
    public JsonObject Inputs(string name) => _resources.Single(r => r.Name == name).Inputs;

    /// <summary>Sets a top-level input of the one resource with this logical name.</summary>
    public CompliantPlatform SetNamed(string name, string input, JsonNode? value)
    {
        var resource = _resources.Single(r => r.Name == name);
        resource.Inputs[input] = value;
        return this;
    }

    public CompliantPlatform Remove(string type)
    {
        _resources.RemoveAll(r => r.Type == type);
        return this;
    }

    /// <summary>Sets (or, with null, removes) a property of every resource of a type.</summary>
    public CompliantPlatform Set(string type, string path, JsonNode? value)
    {
        var matched = false;
        foreach (var resource in _resources.Where(r => r.Type == type))
        {
            matched = true;
            var segments = path.Split('.');
            var node = resource.Inputs;
            foreach (var segment in segments[..^1])
            {
                node = node[segment] as JsonObject ?? throw new ArgumentException($"{type} has no '{segment}' in '{path}'", nameof(path));
            }

            if (value is null)
            {
                node.Remove(segments[^1]);
            }
            else
            {
                node[segments[^1]] = value;
            }
        }

        return matched ? this : throw new ArgumentException($"the compliant stack has no {type}", nameof(type));
    }

    /// <summary>Edits the first container of a workload.</summary>
    public CompliantPlatform Container(string type, Action<JsonObject> edit)
    {
        var resource = _resources.First(r => r.Type == type);
        var pod = resource.Inputs["spec"]!["template"]!["spec"]!;
        edit(pod["containers"]![0]!.AsObject());
        return this;
    }

    public CompliantPlatform WithProvider(string type, string? provider)
    {
        var i = _resources.FindIndex(r => r.Type == type);
        _resources[i] = _resources[i] with { Provider = provider };
        return this;
    }

    public StackSnapshot Snapshot() => new(
        Stack,
        _resources.Select(r => new ResourceSnapshot(r.Type, $"urn:pulumi:{Stack}::kora-infra::{r.Type}::{r.Name}", (JsonObject)r.Inputs.DeepClone(), [], null, r.Provider)).ToList(),
        []);

    public PolicyEvaluation Evaluate() => PolicyEngine.Evaluate(Snapshot(), Now);
}
