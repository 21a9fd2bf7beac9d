using KoraInfra.Cli.Output.Reports;
using Spectre.Console;

namespace KoraInfra.Cli.Output.Tables;

/// <summary><c>kora gate check</c> on a terminal: every condition with its verdict, then the gate's.</summary>
internal static class GateTable
{
    public static void Render(GateCheckReport report, TextWriter output, TerminalOutput terminal)
    {
        var console = RichConsole.For(output, terminal);
        if (report.AuditLogProblems.Count > 0)
        {
            console.MarkupLine($"[red bold]the deploy audit log failed verification[/], so gate {report.Gate} cannot read its history:");
            foreach (var problem in report.AuditLogProblems)
            {
                console.MarkupLine($"  [red]{Markup.Escape(problem)}[/]");
            }

            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title($"gate {report.Gate}")
            .AddColumns("", "condition", "requirement", "missing");
        foreach (var condition in report.Conditions)
        {
            table.AddRow(Verdict.Mark(condition.Met), Markup.Escape(condition.Id), Markup.Escape(condition.Requirement), condition.Missing is null ? string.Empty : $"[red]{Markup.Escape(condition.Missing)}[/]");
        }

        console.Write(table);
        console.MarkupLine(report.Passed
            ? $"[green bold]gate {report.Gate} PASSED[/] ({report.Conditions.Count} conditions met)"
            : $"[red bold]gate {report.Gate} FAILED[/]: {report.Failures.Count} of {report.Conditions.Count} conditions not met: {Markup.Escape(string.Join(", ", report.Failures))}");
    }
}
