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
        var judged = new Dictionary<(string, string), string?>();
        string? Judge(string name, string value)
        {
            if (!judged.TryGetValue((name, value), out var why))
            {
                why = SecretLiteralDetector.Judge(name, value);
                judged[(name, value)] = why;
            }

            return why;
        }

        foreach (var configMap in context.Stack.OfType(TypeTokens.ConfigMap))
        {
            if (configMap.Property("data") is not JsonObject data)
            {
                continue;
            }

            foreach (var (key, value) in data)
            {
                if (Json.Text(value) is { } text && Judge(key, text) is { } why)
                {
                    yield return new Finding(configMap.Urn, $"ConfigMap key '{key}' holds a secret-looking value ({why}); move it to a Secret");
                }
            }
        }

        foreach (var workload in context.Stack.Resources.Where(r => PodSpecs.WorkloadTypes.Contains(r.Type)))
        {
            foreach (var container in PodSpecs.Containers(workload))
            {
                foreach (var variable in (container.Container["env"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    var name = Json.Text(variable["name"]) ?? string.Empty;
                    if (Json.Text(variable["value"]) is { Length: > 0 } value && Judge(name, value) is { } why)
                    {
                        yield return new Finding(workload.Urn, $"container '{container.Name}' sets {name} to a secret-looking literal ({why}); use valueFrom.secretKeyRef or a _FILE variable");
                    }
                }
            }
        }
    }
}
