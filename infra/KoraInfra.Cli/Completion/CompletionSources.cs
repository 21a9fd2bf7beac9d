using System.CommandLine;
using KoraInfra.Platform.Environments;

namespace KoraInfra.Cli.Completion;

/// <summary>
/// What the shell may offer for option values: the stacks for every <c>--stack</c>, and the
/// lower-case names of every enum option (as users type them). Added only when the shell asks
/// (the <c>[suggest]</c> directive), so an ordinary run pays nothing for them.
/// </summary>
internal static class CompletionSources
{
    /// <summary>Whether these arguments are the shell asking for completions.</summary>
    public static bool Requested(string[] args) => args.Length > 0 && args[0].StartsWith("[suggest", StringComparison.Ordinal);

    /// <summary>Adds the sources to every option under the command.</summary>
    public static void AddTo(Command command)
    {
        foreach (var option in command.Options)
        {
            if (option.Name == "--stack")
            {
                option.CompletionSources.Add([.. StackNames.All]);
            }
            else if ((Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType) is { IsEnum: true } type)
            {
                option.CompletionSources.Clear();
                option.CompletionSources.Add([.. Enum.GetNames(type).Select(n => n.ToLowerInvariant())]);
            }
        }

        foreach (var subcommand in command.Subcommands)
        {
            AddTo(subcommand);
        }
    }
}
