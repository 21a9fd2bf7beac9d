using System.Text.Json.Nodes;
using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>
/// KORA-044: no secret-looking literal in a ConfigMap or a plain environment variable. The value
/// is judged (credentials in URLs, connection strings with a password, known key and token forms,
/// high-entropy strings); the name is only a hint, so <c>TOKEN_TTL_SECONDS: "3600"</c> passes.
/// </summary>
public sealed class NoSecretLiterals : PolicyRule
{
    /// <inheritdoc />
    public override string Id => "KORA-044";

    /// <inheritdoc />
    public override string Title => "No secret-looking literal in a ConfigMap or a plain container environment variable";

    /// <inheritdoc />
    public override string Rationale => "ConfigMaps and pod specs are readable by anyone who can read the namespace; secrets go in Secrets or the vault.";

    /// <inheritdoc />
    public override PolicySeverity Severity => PolicySeverity.Critical;

    /// <inheritdoc />
    public override IReadOnlyList<string> CheckovIds => ["CKV_K8S_35"];

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment) => EnforcementLevel.Mandatory;

    /// <inheritdoc />
    public override IEnumerable<Finding> Evaluate(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var configMaps = context.Stack.OfType(TypeTokens.ConfigMap).SelectMany(ConfigMapFindings);
        var workloads = context.Stack.Resources.Where(r => PodSpecs.WorkloadTypes.Contains(r.Type)).SelectMany(WorkloadFindings);
        return configMaps.Concat(workloads).ToList();
    }

    // Small plain methods rather than one iterator with pattern variables: mutation testing must
    // be able to change each test and still compile (docs/testing.md).
    private static IEnumerable<Finding> ConfigMapFindings(ResourceSnapshot configMap)
    {
        var data = configMap.Property("data") as JsonObject;
        return (data ?? []).Select(entry => ConfigMapFinding(configMap, entry.Key, entry.Value)).OfType<Finding>();
    }

    private static Finding? ConfigMapFinding(ResourceSnapshot configMap, string key, JsonNode? value)
    {
        var text = Json.Text(value);
        var why = text is null ? null : SecretLiteralDetector.Judge(key, text);
        return why is null ? null : new Finding(configMap.Urn, $"ConfigMap key '{key}' holds a secret-looking value ({why}); move it to a Secret");
    }

    private static IEnumerable<Finding> WorkloadFindings(ResourceSnapshot workload) =>
        PodSpecs.Containers(workload).SelectMany(container => (container.Container["env"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(variable => VariableFinding(workload, container, variable))
            .OfType<Finding>());

    private static Finding? VariableFinding(ResourceSnapshot workload, ContainerSpec container, JsonObject variable)
    {
        var name = Json.Text(variable["name"]) ?? string.Empty;
        // An empty value holds no secret; the detector judges every other one.
        var value = Json.Text(variable["value"]);
        var why = string.IsNullOrEmpty(value) ? null : SecretLiteralDetector.Judge(name, value);
        return why is null ? null : new Finding(workload.Urn, $"container '{container.Name}' sets {name} to a secret-looking literal ({why}); use valueFrom.secretKeyRef or a _FILE variable");
    }
}
