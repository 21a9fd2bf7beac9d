namespace KoraInfra.Cli.Output;

/// <summary>
/// Runs a long step, showing that it is under way on a terminal only. Piped, the step just runs:
/// no line is added and Spectre.Console is never reached.
/// </summary>
internal static class Progress
{
    public static T Run<T>(TerminalOutput? terminal, TextWriter output, string status, Func<T> step) =>
        terminal is null ? step() : ProgressDisplay.Run(terminal, output, status, step);

    public static Task<T> RunAsync<T>(TerminalOutput? terminal, TextWriter output, string status, Func<Task<T>> step) =>
        terminal is null ? step() : ProgressDisplay.RunAsync(terminal, output, status, step);
}
