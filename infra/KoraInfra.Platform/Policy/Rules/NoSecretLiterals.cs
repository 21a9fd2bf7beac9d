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
    public override PolicyScope Scope => PolicyScope.Resource;

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment) => EnforcementLevel.Mandatory;

    /// <inheritdoc />
    public override IEnumerable<Finding> Evaluate(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // The judgement is pure, and workloads of one stack repeat their variables (n8n's main,
        // worker and webhook share theirs): each distinct name and value is judged once.
        var judge = new JudgedLiterals();
        var configMaps = context.Stack.OfType(TypeTokens.ConfigMap).SelectMany(configMap => ConfigMapFindings(configMap, judge));
        var workloads = context.Stack.Resources.Where(r => PodSpecs.WorkloadTypes.Contains(r.Type)).SelectMany(workload => WorkloadFindings(workload, judge));
        return configMaps.Concat(workloads).ToList();
    }

    // Small plain methods rather than one iterator with pattern variables: mutation testing must
    // be able to change each test and still compile (docs/testing.md).
    private static IEnumerable<Finding> ConfigMapFindings(ResourceSnapshot configMap, JudgedLiterals judge)
    {
        var data = configMap.Property("data") as JsonObject;
        return (data ?? []).Select(entry => ConfigMapFinding(configMap, entry.Key, entry.Value, judge)).OfType<Finding>();
    }

    private static Finding? ConfigMapFinding(ResourceSnapshot configMap, string key, JsonNode? value, JudgedLiterals judge)
    {
        var text = Json.Text(value);
        var why = text is null ? null : judge.Judge(key, text);
        return why is null ? null : new Finding(configMap.Urn, $"ConfigMap key '{key}' holds a secret-looking value ({why}); move it to a Secret");
    }

    private static IEnumerable<Finding> WorkloadFindings(ResourceSnapshot workload, JudgedLiterals judge) =>
        PodSpecs.Containers(workload).SelectMany(container => (container.Container["env"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(variable => VariableFinding(workload, container, variable, judge))
            .OfType<Finding>());

    private static Finding? VariableFinding(ResourceSnapshot workload, ContainerSpec container, JsonObject variable, JudgedLiterals judge)
    {
        var name = Json.Text(variable["name"]) ?? string.Empty;
        // An empty value holds no secret; the detector judges every other one.
        var value = Json.Text(variable["value"]);
        var why = string.IsNullOrEmpty(value) ? null : judge.Judge(name, value);
        return why is null ? null : new Finding(workload.Urn, $"container '{container.Name}' sets {name} to a secret-looking literal ({why}); use valueFrom.secretKeyRef or a _FILE variable");
    }

    /// <summary>The detector's verdicts of one evaluation, each distinct name and value judged once.</summary>
    private sealed class JudgedLiterals
    {
        private readonly Dictionary<(string Name, string Value), string?> _verdicts = [];

        public string? Judge(string name, string value)
        {
            if (!_verdicts.TryGetValue((name, value), out var why))
            {
                why = SecretLiteralDetector.Judge(name, value);
                _verdicts[(name, value)] = why;
            }

            return why;
        }
    }
}
