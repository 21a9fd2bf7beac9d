using KoraInfra.Cli.Output.Reports;
using Spectre.Console;

namespace KoraInfra.Cli.Output.Tables;

/// <summary><c>kora validate</c> on a terminal: one row per stack file, then each invalid file's problems in full.</summary>
internal static class ValidateTable
{
    public static void Render(ValidateReport report, TextWriter output, TerminalOutput terminal)
    {
        var console = RichConsole.For(output, terminal);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("", "stack file", "stack", "region", "tier", "cluster", "network");
        foreach (var file in report.StackFiles)
        {
            table.AddRow(
                Verdict.Mark(file.Valid),
                Markup.Escape(file.File),
                Markup.Escape(file.Stack ?? "-"),
                Markup.Escape(file.Region ?? "-"),
                Markup.Escape(file.SizingTier ?? "-"),
                Markup.Escape(file.Cluster ?? "-"),
                Markup.Escape(file.Network ?? "-"));
        }

        console.Write(table);
        foreach (var file in report.StackFiles.Where(f => !f.Valid))
        {
            console.MarkupLine($"[red bold]{Markup.Escape(file.File)}[/]: {file.Problems.Count} problem(s)");
            foreach (var problem in file.Problems)
            {
                console.MarkupLine($"  [red]{Markup.Escape(problem.Message)}[/]");
            }
        }

        console.MarkupLine(report.Valid
            ? $"[green]{report.Total} stack file(s) valid[/]"
            : $"[red]{report.Invalid} of {report.Total} stack file(s) invalid[/]");
    }
}
