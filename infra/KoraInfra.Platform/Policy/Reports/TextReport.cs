using System.Text;

namespace KoraInfra.Platform.Policy.Reports;

/// <summary>The terminal report: one line per violation, most blocking first, then the verdict.</summary>
internal static class TextReport
{
    public static string Render(PolicyEvaluation evaluation)
    {
        var text = new StringBuilder();
        text.AppendLine($"policy: stack {evaluation.StackName}, {evaluation.ResourceCount} resource(s), {evaluation.Rules.Count(r => r.Level != EnforcementLevel.Disabled)} rule(s) enabled");
        foreach (var v in ViolationOrder.MostBlockingFirst(evaluation.Violations))
        {
            text.AppendLine($"{v.Level.ToCrossGuard().ToUpperInvariant(),-9} {v.RuleId} [{v.Severity.ToString().ToLowerInvariant()}] {v.ResourceUrn ?? "(stack)"}");
            text.AppendLine($"          {v.Message}");
        }

        foreach (var e in evaluation.Errors)
        {
            text.AppendLine($"ERROR     {e.RuleId} could not be evaluated: {e.Message}");
        }

        foreach (var f in evaluation.EngineFindings)
        {
            text.AppendLine($"ENGINE    {f.PolicyPackName}/{f.PolicyName} ({f.EnforcementLevel}) {f.ResourceUrn}: {f.Message}");
        }

        var mandatory = evaluation.Violations.Count(v => v.Level == EnforcementLevel.Mandatory);
        var advisory = evaluation.Violations.Count(v => v.Level == EnforcementLevel.Advisory);
        text.AppendLine($"{mandatory} mandatory, {advisory} advisory violation(s), {evaluation.Errors.Count} rule error(s): {(evaluation.IsBlocked ? "BLOCKED" : "passes")}");
        return text.ToString();
    }
}
