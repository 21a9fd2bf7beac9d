namespace KoraInfra.Cli.Completion;

/// <summary>
/// The completion scripts. Each passes the command line up to the cursor, its first word
/// replaced by <c>kora</c> (however kora was called), to <c>kora [suggest:POSITION] LINE</c>
/// and offers the lines kora prints.
/// </summary>
internal static class ShellScripts
{
    public static IReadOnlyList<string> Shells { get; } = ["bash", "zsh", "pwsh"];

    public static string For(string shell) => shell switch
    {
        "bash" => Bash,
        "zsh" => Zsh,
        "pwsh" => Pwsh,
        _ => throw new UsageException($"no completion script for '{shell}'; expected one of {string.Join(", ", Shells)}"),
    };

    private const string Bash = """
        # kora completion for bash. Install: echo 'source <(kora completion bash)' >> ~/.bashrc
        _kora_complete()
        {
            local line="${COMP_LINE:0:COMP_POINT}"
            case "$line" in
                *" "*) line="kora ${line#* }" ;;
                *) line="kora" ;;
            esac
            local IFS=$'\n'
            COMPREPLY=($(compgen -W "$(kora "[suggest:${#line}]" "$line" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -o default -F _kora_complete kora

        """;

    private const string Zsh = """
        #compdef kora
        # kora completion for zsh. Install: echo 'source <(kora completion zsh)' >> ~/.zshrc (after compinit)
        _kora() {
            local line="kora ${(j: :)words[2,CURRENT]}"
            local -a suggestions
            suggestions=("${(@f)$(kora "[suggest:${#line}]" "$line" 2>/dev/null)}")
            compadd -- ${suggestions:#}
        }
        compdef _kora kora

        """;

    private const string Pwsh = """
        # kora completion for PowerShell. Install: kora completion pwsh | Out-String | Invoke-Expression (in $PROFILE)
        Register-ArgumentCompleter -Native -CommandName kora -ScriptBlock {
            param($wordToComplete, $commandAst, $cursorPosition)
            $line = $commandAst.Extent.ToString()
            $at = $cursorPosition - $commandAst.Extent.StartOffset
            if ($at -gt $line.Length) { $line = $line.PadRight($at) } else { $line = $line.Substring(0, $at) }
            $line = 'kora' + $line.Substring($commandAst.CommandElements[0].Extent.Text.Length)
            kora "[suggest:$($line.Length)]" "$line" 2>$null | ForEach-Object {
                [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
            }
        }

        """;
}
