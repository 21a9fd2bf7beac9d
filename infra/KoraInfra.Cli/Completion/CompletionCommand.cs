using System.CommandLine;

namespace KoraInfra.Cli.Completion;

/// <summary>
/// <c>kora completion bash|zsh|pwsh</c>: prints a script that makes the shell ask kora itself
/// (System.CommandLine's <c>[suggest]</c> directive) what can come next.
/// </summary>
public static class CompletionCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh or pwsh." };
        shell.AcceptOnlyFromAmong([.. ShellScripts.Shells]);
        var command = new Command("completion", "Print the shell completion script for bash, zsh or pwsh (e.g. source <(kora completion bash)).") { shell };
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.Write(ShellScripts.For(parse.GetValue(shell)!));
            return ExitCodes.Ok;
        });
        return command;
    }
}
