using KoraInfra.Platform.Policy;
using KoraInfra.Platform.Policy.Reports;
using Spectre.Console;

namespace KoraInfra.Cli.Output.Tables;

/// <summary><c>kora policy report</c> (text) on a terminal: the violations as a table, most blocking first, then the verdict.</summary>
internal static class PolicyTable
{
    public static void Render(PolicyEvaluation evaluation, TextWriter output, TerminalOutput terminal)
    {
        var console = RichConsole.For(output, terminal);
        console.MarkupLine($"policy: stack [bold]{Markup.Escape(evaluation.StackName)}[/], {evaluation.ResourceCount} resource(s), {evaluation.Rules.Count(r => r.Level != EnforcementLevel.Disabled)} rule(s) enabled");
        if (evaluation.Violations.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumns("level", "rule", "severity", "resource", "message");
            foreach (var v in ViolationOrder.MostBlockingFirst(evaluation.Violations))
            {
                var level = v.Level.ToCrossGuard();
                table.AddRow(
                    v.Level == EnforcementLevel.Mandatory ? $"[red bold]{level}[/]" : $"[yellow]{level}[/]",
                    Markup.Escape(v.RuleId),
                    Markup.Escape(v.Severity.ToString().ToLowerInvariant()),
                    Markup.Escape(v.ResourceUrn ?? "(stack)"),
                    Markup.Escape(v.Message));
            }

            console.Write(table);
        }

        foreach (var e in evaluation.Errors)
        {
            console.MarkupLine($"[red]ERROR[/]     {Markup.Escape(e.RuleId)} could not be evaluated: {Markup.Escape(e.Message)}");
        }

        foreach (var f in evaluation.EngineFindings)
        {
            console.MarkupLine($"[yellow]ENGINE[/]    {Markup.Escape($"{f.PolicyPackName}/{f.PolicyName} ({f.EnforcementLevel}) {f.ResourceUrn}: {f.Message}")}");
        }

        var mandatory = evaluation.Violations.Count(v => v.Level == EnforcementLevel.Mandatory);
        var advisory = evaluation.Violations.Count(v => v.Level == EnforcementLevel.Advisory);
        console.MarkupLine($"{mandatory} mandatory, {advisory} advisory violation(s), {evaluation.Errors.Count} rule error(s): {(evaluation.IsBlocked ? "[red bold]BLOCKED[/]" : "[green]passes[/]")}");
    }
}
