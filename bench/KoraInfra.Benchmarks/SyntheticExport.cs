using System.Globalization;
using System.Text.Json.Nodes;

namespace KoraInfra.Benchmarks;

/// <summary>
/// A deterministic <c>pulumi stack export</c> of a large prod stack: the resource mix of a real
/// KoraOS stack (Azure resources with tags, vault secrets, workloads with containers), repeated.
/// </summary>
internal static class SyntheticExport
{
    public static string Create(int resourceCount)
    {
        var resources = new JsonArray();
        var tags = new JsonObject { ["environment"] = "prod", ["owner"] = "devops", ["data-classification"] = "confidential", ["cost-center"] = "koraos-platform" };
        for (var i = 0; i < resourceCount; i++)
        {
            var (type, inputs) = (i % 4) switch
            {
                0 => ("azure-native:keyvault:Secret", new JsonObject { ["secretName"] = $"s{i}", ["properties"] = new JsonObject { ["attributes"] = new JsonObject { ["expires"] = 1798761600 + i } } }),
                1 => ("azure-native:managedidentity:UserAssignedIdentity", new JsonObject { ["resourceName"] = $"id-kora-prod-brs-w{i}", ["tags"] = tags.DeepClone() }),
                2 => ("kubernetes:apps/v1:Deployment", Workload(i)),
                _ => ("kubernetes:core/v1:ConfigMap", new JsonObject { ["data"] = new JsonObject { ["LOG_LEVEL"] = "info", ["TENANT"] = i.ToString(CultureInfo.InvariantCulture) } }),
            };
            resources.Add(new JsonObject
            {
                ["urn"] = $"urn:pulumi:prod::kora-infra::{type}::r{i}",
                ["custom"] = true,
                ["type"] = type,
                ["inputs"] = inputs,
                ["outputs"] = new JsonObject(),
                ["provider"] = type.StartsWith("kubernetes:", StringComparison.Ordinal) ? "urn:pulumi:prod::kora-infra::pulumi:providers:kubernetes::k8s-prod::id" : null,
            });
        }

        return new JsonObject { ["version"] = 3, ["deployment"] = new JsonObject { ["resources"] = resources } }.ToJsonString();
    }

    private static JsonObject Workload(int i) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = $"w{i}" },
        ["spec"] = new JsonObject
        {
            ["template"] = new JsonObject
            {
                ["spec"] = new JsonObject
                {
                    ["containers"] = new JsonArray(new JsonObject
                    {
                        ["name"] = "app",
                        ["image"] = "n8nio/n8n@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                        ["securityContext"] = new JsonObject { ["runAsNonRoot"] = true, ["allowPrivilegeEscalation"] = false },
                        ["resources"] = new JsonObject { ["limits"] = new JsonObject { ["cpu"] = "1", ["memory"] = "1Gi" } },
                        ["env"] = new JsonArray(new JsonObject { ["name"] = "MODE", ["value"] = "queue" }),
                    }),
                },
            },
        },
    };
}
