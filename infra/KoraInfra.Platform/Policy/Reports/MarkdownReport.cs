using System.Text;

namespace KoraInfra.Platform.Policy.Reports;

/// <summary>The sign-off report: a verdict, then a table a reviewer can read in a pull request.</summary>
internal static class MarkdownReport
{
    public static string Render(PolicyEvaluation evaluation)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Policy report: stack `{evaluation.StackName}`");
        md.AppendLine();
        md.AppendLine($"**Verdict: {(evaluation.IsBlocked ? "BLOCKED" : "passes")}** ({evaluation.ResourceCount} resources; {evaluation.Violations.Count(v => v.Level == EnforcementLevel.Mandatory)} mandatory and {evaluation.Violations.Count(v => v.Level == EnforcementLevel.Advisory)} advisory violations; {evaluation.Errors.Count} rule errors)");
        md.AppendLine();
        if (evaluation.Violations.Count > 0)
        {
            md.AppendLine("| level | rule | severity | resource | finding |");
            md.AppendLine("|---|---|---|---|---|");
            foreach (var v in ViolationOrder.MostBlockingFirst(evaluation.Violations))
            {
                md.AppendLine($"| {v.Level.ToCrossGuard()} | [{v.RuleId}](docs/policy.md#{v.RuleId.ToLowerInvariant()}) | {v.Severity.ToString().ToLowerInvariant()} | `{Cell(v.ResourceUrn ?? "(stack)")}` | {Cell(v.Message)} |");
            }

            md.AppendLine();
        }

        foreach (var e in evaluation.Errors)
        {
            md.AppendLine($"- **{e.RuleId} could not be evaluated** ({e.Level.ToCrossGuard()}): {Cell(e.Message)}");
        }

        foreach (var f in evaluation.EngineFindings)
        {
            md.AppendLine($"- engine: `{Cell(f.PolicyPackName)}/{Cell(f.PolicyName)}` ({f.EnforcementLevel}) `{Cell(f.ResourceUrn)}`: {Cell(f.Message)}");
        }

        md.AppendLine();
        md.AppendLine("## Rules in force");
        md.AppendLine();
        md.AppendLine("| rule | level | severity | title |");
        md.AppendLine("|---|---|---|---|");
        foreach (var (rule, level) in evaluation.Rules)
        {
            md.AppendLine($"| {rule.Id} | {level.ToCrossGuard()} | {rule.Severity.ToString().ToLowerInvariant()} | {Cell(rule.Title)} |");
        }

        return md.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
