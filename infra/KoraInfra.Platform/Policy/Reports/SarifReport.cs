using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KoraInfra.Platform.Policy.Reports;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning: the rules with their metadata, one result per violation,
/// the resource URN as the result's logical location and the stack file as its physical one
/// (code scanning shows only results with a file).
/// </summary>
internal static class SarifReport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Render(PolicyEvaluation evaluation, string stackFile)
    {
        // A loop, not ToDictionary over (id, index) tuples: LINQ over a value tuple is framework
        // generic code ReadyToRun cannot precompile, JIT-compiled in every SARIF report.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < evaluation.Rules.Count; i++)
        {
            index.Add(evaluation.Rules[i].Rule.Id, i);
        }

        var sarif = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "kora-policy",
                        ["semanticVersion"] = typeof(SarifReport).Assembly.GetName().Version?.ToString(3) ?? "1.0.0",
                        ["rules"] = new JsonArray(evaluation.Rules.Select(r => (JsonNode)Rule(r.Rule, r.Level)).ToArray()),
                    },
                },
                ["automationDetails"] = new JsonObject { ["id"] = $"kora-policy/{evaluation.StackName}/" },
                ["invocations"] = new JsonArray(new JsonObject
                {
                    ["executionSuccessful"] = evaluation.Errors.Count == 0,
                    ["toolExecutionNotifications"] = new JsonArray(evaluation.Errors.Select(e => (JsonNode)new JsonObject
                    {
                        ["level"] = "error",
                        ["message"] = new JsonObject { ["text"] = $"{e.RuleId} could not be evaluated: {e.Message}" },
                        ["descriptor"] = new JsonObject { ["id"] = e.RuleId },
                    }).ToArray()),
                }),
                ["results"] = new JsonArray(ViolationOrder.MostBlockingFirst(evaluation.Violations).Select(v => (JsonNode)Result(v, index[v.RuleId], evaluation.StackName, stackFile)).ToArray()),
            }),
        };
        return sarif.ToJsonString(Indented);
    }

    private static JsonObject Rule(PolicyRule rule, EnforcementLevel level) => new()
    {
        ["id"] = rule.Id,
        ["name"] = rule.GetType().Name,
        ["shortDescription"] = new JsonObject { ["text"] = rule.Title },
        ["fullDescription"] = new JsonObject { ["text"] = rule.Rationale },
        // helpUri must be absolute and the repository's address is not known here: the docs
        // anchor goes in the help text and the properties instead.
        ["help"] = new JsonObject { ["text"] = $"{rule.Title}. {rule.Rationale} See {rule.HelpUri}." },
        ["defaultConfiguration"] = new JsonObject { ["level"] = SarifLevel(level) },
        ["properties"] = new JsonObject
        {
            ["severity"] = rule.Severity.ToString().ToLowerInvariant(),

            // GitHub ranks security results by this number (0-10).
            ["security-severity"] = SecuritySeverity(rule.Severity),
            ["enforcementLevel"] = level.ToCrossGuard(),
            ["documentation"] = rule.HelpUri,
            ["checkov"] = new JsonArray(rule.CheckovIds.Select(id => (JsonNode)id).ToArray()),
            ["tags"] = new JsonArray("security", "kora-policy"),
        },
    };

    private static JsonObject Result(PolicyViolation violation, int ruleIndex, string stack, string stackFile) => new()
    {
        ["ruleId"] = violation.RuleId,
        ["ruleIndex"] = ruleIndex,
        ["level"] = SarifLevel(violation.Level),
        ["message"] = new JsonObject { ["text"] = $"{violation.Message} ({violation.ResourceUrn ?? $"stack {stack}"})" },
        ["locations"] = new JsonArray(new JsonObject
        {
            ["physicalLocation"] = new JsonObject
            {
                ["artifactLocation"] = new JsonObject { ["uri"] = stackFile },
                ["region"] = new JsonObject { ["startLine"] = 1 },
            },
            ["logicalLocations"] = new JsonArray(new JsonObject
            {
                ["fullyQualifiedName"] = violation.ResourceUrn ?? $"stack:{stack}",
                ["kind"] = "resource",
            }),
        }),
        ["partialFingerprints"] = new JsonObject
        {
            ["koraViolation/v1"] = LowerHex(SHA256.HashData(Encoding.UTF8.GetBytes($"{violation.RuleId}|{violation.ResourceUrn}|{violation.Message}"))),
        },
    };

    // By hand, not Convert.ToHexStringLower: its vectorised encoder is JIT-compiled in every
    // SARIF report (ReadyToRun cannot precompile it), for 32 bytes per violation.
    private static string LowerHex(byte[] bytes)
    {
        const string Digits = "0123456789abcdef";
        var hex = new char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            hex[2 * i] = Digits[bytes[i] >> 4];
            hex[(2 * i) + 1] = Digits[bytes[i] & 0xF];
        }

        return new string(hex);
    }

    private static string SarifLevel(EnforcementLevel level) => level switch
    {
        EnforcementLevel.Mandatory => "error",
        EnforcementLevel.Advisory => "warning",
        _ => "none",
    };

    private static string SecuritySeverity(PolicySeverity severity) => severity switch
    {
        PolicySeverity.Critical => "9.5",
        PolicySeverity.High => "8.0",
        PolicySeverity.Medium => "5.5",
        _ => "3.0",
    };
}
