using Spectre.Console;

namespace KoraInfra.Cli.Output;

/// <summary>
/// The Spectre.Console console for a terminal run, writing to the writer kora was given (so tests
/// capture it). Only the rich renderers reach this class; the plain path never does.
/// </summary>
internal static class RichConsole
{
    public static IAnsiConsole For(TextWriter output, TerminalOutput terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal.Colour ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = terminal.Colour ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(output),

            // The decision is OutputMode's; Spectre must not re-read the environment and disagree.
            EnvironmentVariables = new Dictionary<string, string>(StringComparer.Ordinal),
        });
        console.Profile.Width = terminal.Width;
        return console;
    }

    /// <summary>Text as Spectre markup, with its brackets escaped (problem texts quote keys like <c>[a]</c>).</summary>
    public static string Escape(string text) => Markup.Escape(text);
}
