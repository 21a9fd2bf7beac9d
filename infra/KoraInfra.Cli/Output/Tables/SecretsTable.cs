using KoraInfra.Cli.Output.Reports;
using Spectre.Console;

namespace KoraInfra.Cli.Output.Tables;

/// <summary><c>kora secrets</c> on a terminal: the catalogue as a table, the grants, the pending credentials in red.</summary>
internal static class SecretsTable
{
    public static void Render(SecretsReport report, string? failure, TextWriter output, TerminalOutput terminal)
    {
        var console = RichConsole.For(output, terminal);
        if (report.Vault is not { } vault)
        {
            console.MarkupLine($"[red bold]FAIL[/]  {Markup.Escape(report.File)}: {Markup.Escape(report.Error ?? $"{report.Problems.Count} problem(s)")}");
            foreach (var problem in report.Problems)
            {
                console.MarkupLine($"  [red]{Markup.Escape(problem.Message)}[/]");
            }

            return;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .Title($"stack {Markup.Escape(report.Stack)}: vault {Markup.Escape(vault.Name)}, planned at {Markup.Escape(report.PlannedAt ?? string.Empty)}")
            .AddColumns("secret", "owner", "rotation", "window", "expires", "produced", "readers");
        foreach (var secret in report.Secrets)
        {
            table.AddRow(
                Markup.Escape(secret.Name),
                Markup.Escape(secret.Owner),
                secret.RotationDays is { } days ? $"every {days}d" : "[yellow]never[/]",
                Markup.Escape(secret.Window ?? "-"),
                Markup.Escape(secret.ExpiresAt),
                Markup.Escape(secret.Production),
                Markup.Escape(secret.Readers.Count == 0 ? "(admin groups only)" : string.Join(", ", secret.Readers)));
        }

        console.Write(table);
        foreach (var grant in report.VaultGrants)
        {
            console.MarkupLine($"grant [bold]{Markup.Escape(grant.Grantee)}[/] ({Markup.Escape(grant.GroupObjectId ?? "-")}): {Markup.Escape(grant.Role)} on the vault");
        }

        console.MarkupLine($"grant each workload identity: Key Vault Secrets User on each secret it reads ({report.SecretScopedGrants} assignments)");
        if (report.PendingCompromisedCredentials.Count == 0)
        {
            console.MarkupLine("[green]compromised credentials: none pending[/]");
        }
        else
        {
            foreach (var pending in report.PendingCompromisedCredentials)
            {
                console.MarkupLine($"[red bold]PENDING[/]  {Markup.Escape(pending.Description)}");
            }

            console.MarkupLine($"[red]{Markup.Escape(failure ?? string.Empty)}[/]");
        }

        if (report.EvidenceOut is { } evidence)
        {
            console.MarkupLine($"evidence: {report.PendingCompromisedCredentials.Count} pending credential(s) written to {Markup.Escape(evidence)}");
        }
    }
}
