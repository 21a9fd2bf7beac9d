using System.Text.Json;
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
        var findings = new List<Finding>();
        foreach (var configMap in context.Stack.OfType(TypeTokens.ConfigMap))
        {
            AddConfigMapFindings(findings, configMap, judge);
        }

        foreach (var workload in context.Stack.OfTypes(PodSpecs.WorkloadTypes.Contains))
        {
            AddWorkloadFindings(findings, workload, judge);
        }

        return findings;
    }

    // Small plain methods rather than one iterator with pattern variables: mutation testing must
    // be able to change each test and still compile (docs/testing.md).
    private static void AddConfigMapFindings(List<Finding> findings, ResourceSnapshot configMap, JudgedLiterals judge)
    {
        if (configMap.Property("data") is not { ValueKind: JsonValueKind.Object } data)
        {
            return;
        }

        foreach (var entry in data.EnumerateObject())
        {
            if (ConfigMapFinding(configMap, entry.Name, entry.Value, judge) is { } finding)
            {
                findings.Add(finding);
            }
        }
    }

    private static Finding? ConfigMapFinding(ResourceSnapshot configMap, string key, JsonElement value, JudgedLiterals judge)
    {
        var text = Json.Text(value);
        var why = text is null ? null : judge.Judge(key, text);
        return why is null ? null : new Finding(configMap.Urn, $"ConfigMap key '{key}' holds a secret-looking value ({why}); move it to a Secret");
    }

    private static void AddWorkloadFindings(List<Finding> findings, ResourceSnapshot workload, JudgedLiterals judge)
    {
        foreach (var container in PodSpecs.Containers(workload))
        {
            foreach (var variable in Json.Objects(Json.Get(container.Container, "env")))
            {
                if (VariableFinding(workload, container, variable, judge) is { } finding)
                {
                    findings.Add(finding);
                }
            }
        }
    }

    private static Finding? VariableFinding(ResourceSnapshot workload, ContainerSpec container, JsonElement variable, JudgedLiterals judge)
    {
        var name = Json.Text(Json.Get(variable, "name")) ?? string.Empty;
        // An empty value holds no secret; the detector judges every other one.
        var value = Json.Text(Json.Get(variable, "value"));
        var why = string.IsNullOrEmpty(value) ? null : judge.Judge(name, value);
        return why is null ? null : new Finding(workload.Urn, $"container '{container.Name}' sets {name} to a secret-looking literal ({why}); use valueFrom.secretKeyRef or a _FILE variable");
    }

    /// <summary>The detector's verdicts of one evaluation, each distinct name and value judged once.</summary>
    private sealed class JudgedLiterals
    {
        // By name, then by value: a dictionary keyed by a (name, value) tuple is framework code
        // over a value type, JIT-compiled on every run (ReadyToRun cannot precompile it).
        private readonly Dictionary<string, Dictionary<string, string?>> _verdicts = new(StringComparer.Ordinal);

        public string? Judge(string name, string value)
        {
            if (!_verdicts.TryGetValue(name, out var byValue))
            {
                byValue = new Dictionary<string, string?>(StringComparer.Ordinal);
                _verdicts[name] = byValue;
            }

            if (!byValue.TryGetValue(value, out var why))
            {
                why = SecretLiteralDetector.Judge(name, value);
                byValue[value] = why;
            }

            return why;
        }
    }
}
