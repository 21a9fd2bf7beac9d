using KoraInfra.Cli.Output.Reports;
using Spectre.Console;

namespace KoraInfra.Cli.Output.Tables;

/// <summary><c>kora audit verify</c> on a terminal: one row per log, its problems beneath the table.</summary>
internal static class AuditTable
{
    public static void Render(AuditVerifyReport report, TextWriter output, TerminalOutput terminal)
    {
        var console = RichConsole.For(output, terminal);
        var table = new Table().Border(TableBorder.Rounded).AddColumns("", "audit log", "entries", "head");
        foreach (var log in report.Logs)
        {
            table.AddRow(log.Intact ? "[green]intact[/]" : "[red bold]TAMPERED[/]", Markup.Escape(log.Log), log.Entries.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(log.HeadHash));
        }

        console.Write(table);
        foreach (var log in report.Logs.Where(l => !l.Intact))
        {
            console.MarkupLine($"[red bold]audit log {Markup.Escape(log.Log)} FAILED verification[/]: {log.Problems.Count} problem(s)");
            foreach (var problem in log.Problems)
            {
                console.MarkupLine($"  [red]{Markup.Escape(problem)}[/]");
            }
        }
    }
}
