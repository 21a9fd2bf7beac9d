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
        Add("azure-native:containerservice:ManagedCluster", "aks", $$"""{ "resourceName": "aks-kora-{{stack}}-brs", "disableLocalAccounts": true, "aadProfile": { "managed": true, "enableAzureRBAC": true }, "tags": {{tags}} }""");
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

    private string Kubernetes => $"urn:pulumi:{Stack}::kora-infra::pulumi:providers:kubernetes::k8s-{Stack}::provider-id";

    public CompliantPlatform Add(string type, string name, string inputs, string? provider = null)
    {
        _resources.Add((type, name, JsonNode.Parse(inputs)!.AsObject(), provider));
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
