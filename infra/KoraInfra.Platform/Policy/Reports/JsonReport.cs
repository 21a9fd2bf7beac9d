using System.Text.Json;
using System.Text.Json.Nodes;

namespace KoraInfra.Platform.Policy.Reports;

/// <summary>The machine report; also what <c>kora policy eval</c> answers the CrossGuard adapter.</summary>
internal static class JsonReport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Render(PolicyEvaluation evaluation) => ToJson(evaluation).ToJsonString(Indented);

    public static JsonObject ToJson(PolicyEvaluation evaluation) => new()
    {
        ["stack"] = evaluation.StackName,
        ["resources"] = evaluation.ResourceCount,
        ["blocked"] = evaluation.IsBlocked,
        ["rules"] = new JsonArray(evaluation.Rules.Select(r => (JsonNode)new JsonObject
        {
            ["id"] = r.Rule.Id,
            ["title"] = r.Rule.Title,
            ["severity"] = r.Rule.Severity.ToString().ToLowerInvariant(),
            ["level"] = r.Level.ToCrossGuard(),
        }).ToArray()),
        ["violations"] = new JsonArray(ViolationOrder.MostBlockingFirst(evaluation.Violations).Select(v => (JsonNode)new JsonObject
        {
            ["ruleId"] = v.RuleId,
            ["level"] = v.Level.ToCrossGuard(),
            ["severity"] = v.Severity.ToString().ToLowerInvariant(),
            ["urn"] = v.ResourceUrn,
            ["message"] = v.Message,
        }).ToArray()),
        ["errors"] = new JsonArray(evaluation.Errors.Select(e => (JsonNode)new JsonObject
        {
            ["ruleId"] = e.RuleId,
            ["level"] = e.Level.ToCrossGuard(),
            ["message"] = e.Message,
        }).ToArray()),
        ["engineFindings"] = new JsonArray(evaluation.EngineFindings.Select(f => (JsonNode)new JsonObject
        {
            ["policyPackName"] = f.PolicyPackName,
            ["policyName"] = f.PolicyName,
            ["enforcementLevel"] = f.EnforcementLevel,
            ["severity"] = f.Severity,
            ["urn"] = f.ResourceUrn,
            ["message"] = f.Message,
        }).ToArray()),
    };
}
