namespace KoraInfra.Cli.Output;

/// <summary>
/// Where a command's report goes: plain text (the default, what scripts parse), one JSON
/// document (<c>--json</c>, which wins over a terminal), or tables on a terminal.
/// </summary>
/// <param name="IsJson">Whether <c>--json</c> was given.</param>
/// <param name="Terminal">The terminal to draw on; null for plain text or JSON.</param>
internal sealed record ReportTo(bool IsJson, TerminalOutput? Terminal)
{
    public static ReportTo Plain { get; } = new(false, null);

    public static ReportTo Json { get; } = new(true, null);

    /// <summary>Whether the command prints its plain lines, exactly as before tables existed.</summary>
    public bool IsPlain => !IsJson && Terminal is null;

    public static ReportTo For(bool json, TerminalOutput? terminal) => json ? Json : terminal is null ? Plain : new(false, terminal);
}
