namespace KoraInfra.Cli.Output.Tables;

/// <summary>The marks tables share, so a pass and a failure read the same in every command.</summary>
internal static class Verdict
{
    public static string Mark(bool passed) => passed ? "[green]ok[/]" : "[red bold]FAIL[/]";
}
