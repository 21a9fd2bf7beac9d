namespace KoraInfra.Cli.Output;

/// <summary>
/// Decides between tables on a terminal and plain text, from the process's own state only: no
/// Spectre.Console type is touched here, so a piped run never loads or compiles that library.
/// </summary>
public static class OutputMode
{
    /// <summary>The width used when the terminal does not say (a pseudo-terminal without a size).</summary>
    public const int DefaultWidth = 100;

    /// <summary>The real process: a terminal unless standard output is redirected, NO_COLOR is set or TERM is dumb.</summary>
    public static TerminalOutput? Detect() => Decide(
        Console.IsOutputRedirected,
        Environment.GetEnvironmentVariable("NO_COLOR"),
        Environment.GetEnvironmentVariable("TERM"),
        ConsoleWidth);

    /// <summary>
    /// The rule itself: plain when output is piped or redirected, when NO_COLOR has any non-empty
    /// value (https://no-color.org) or when TERM is <c>dumb</c>; otherwise a coloured terminal.
    /// </summary>
    /// <param name="redirected">Whether standard output is a file or a pipe.</param>
    /// <param name="noColor">The NO_COLOR variable, or null.</param>
    /// <param name="term">The TERM variable, or null.</param>
    /// <param name="width">Asked only on a terminal: its width in columns (0 when unknown).</param>
    public static TerminalOutput? Decide(bool redirected, string? noColor, string? term, Func<int> width)
    {
        ArgumentNullException.ThrowIfNull(width);
        if (redirected || !string.IsNullOrEmpty(noColor) || string.Equals(term, "dumb", StringComparison.Ordinal))
        {
            return null;
        }

        var columns = width();
        return new TerminalOutput(columns > 0 ? columns : DefaultWidth, Colour: true);
    }

    private static int ConsoleWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            // A terminal that cannot report its size still gets tables, at the default width.
            return 0;
        }
    }
}
