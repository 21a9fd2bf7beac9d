using Spectre.Console;

namespace KoraInfra.Cli.Output;

/// <summary>The terminal's side of <see cref="Progress"/>: a Spectre.Console status spinner naming the step.</summary>
internal static class ProgressDisplay
{
    public static T Run<T>(TerminalOutput terminal, TextWriter output, string status, Func<T> step) =>
        Status(terminal, output).Start(Markup.Escape(status), _ => step());

    public static Task<T> RunAsync<T>(TerminalOutput terminal, TextWriter output, string status, Func<Task<T>> step) =>
        Status(terminal, output).StartAsync(Markup.Escape(status), _ => step());

    private static Status Status(TerminalOutput terminal, TextWriter output) =>
        RichConsole.For(output, terminal).Status().Spinner(Spinner.Known.Dots).SpinnerStyle(Style.Parse("yellow"));
}
