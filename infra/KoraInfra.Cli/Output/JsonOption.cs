using System.CommandLine;

namespace KoraInfra.Cli.Output;

/// <summary>The <c>--json</c> option every reporting command takes: one JSON document on standard output.</summary>
internal static class JsonOption
{
    public static Option<bool> Create() => new("--json")
    {
        Description = "Print the result as one JSON document (shape: docs/cli.md); errors still go to standard error, exit codes are unchanged.",
    };
}
