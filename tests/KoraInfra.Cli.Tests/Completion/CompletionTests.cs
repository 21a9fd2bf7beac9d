using System.Diagnostics;
using KoraInfra.Cli.Tests.Support;

namespace KoraInfra.Cli.Tests.Completion;

public sealed class CompletionTests
{
    [Theory]
    [InlineData("kora validate --stack ", new[] { "dev", "prod", "staging" })]
    [InlineData("kora secrets --stack st", new[] { "staging" })]
    [InlineData("kora po", new[] { "policy" })]
    [InlineData("kora policy report --format ", new[] { "json", "markdown", "sarif", "text" })]
    [InlineData("kora completion ", new[] { "bash", "pwsh", "zsh" })]
    public void The_suggest_directive_offers_what_can_come_next(string line, string[] expected)
    {
        var run = Kora.Run($"[suggest:{line.Length}]", line);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var offered = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => !s.StartsWith('-') && !s.StartsWith('/')).ToList();
        Assert.Equal(expected, offered);
    }

    [Fact]
    public void Every_option_of_a_command_is_offered_after_a_dash()
    {
        const string line = "kora validate --";

        var run = Kora.Run($"[suggest:{line.Length}]", line);

        Assert.Equal(["--all", "--help", "--json", "--project-dir", "--stack"], run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _kora_complete kora")]
    [InlineData("zsh", "compdef _kora kora")]
    [InlineData("pwsh", "Register-ArgumentCompleter -Native -CommandName kora")]
    public void Each_shell_gets_a_script_that_asks_kora(string shell, string registration)
    {
        var run = Kora.Run("completion", shell);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains(registration, run.Output, StringComparison.Ordinal);
        Assert.Contains("[suggest:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_shell_is_a_usage_mistake_naming_the_shells()
    {
        var run = Kora.Run("completion", "fish");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("'bash'", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Bash_accepts_the_script_and_it_completes_the_stack_through_kora()
    {
        var script = Path.Combine(Directory.CreateTempSubdirectory("kora-completion-").FullName, "kora.bash");
        File.WriteAllText(script, Kora.Run("completion", "bash").Output);
        Assert.Equal(0, Bash("-n", script).ExitCode);

        // A shell at "kora validate --stack s<TAB>": the function asks the real kora process.
        var kora = Path.Combine(AppContext.BaseDirectory, "kora.dll");
        var drive = $$"""
            kora() { dotnet '{{kora}}' "$@"; }
            source '{{script}}'
            COMP_LINE='kora validate --stack s'; COMP_POINT=${#COMP_LINE}
            COMP_WORDS=(kora validate --stack s); COMP_CWORD=3
            _kora_complete
            printf '%s\n' "${COMPREPLY[@]}"
            """;
        var run = Bash("-c", drive);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(["staging"], run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static KoraRun Bash(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("bash is not installed; install the Debian package bash", ex);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("bash did not finish within 60 s");
            }

            return new KoraRun(process.ExitCode, output.Result, error.Result);
        }
    }
}
