using KoraInfra.Cli.Output;
using KoraInfra.Cli.Tests.Support;
using KoraInfra.TestCases;

namespace KoraInfra.Cli.Tests.Output;

public sealed class TerminalRenderingTests : IDisposable
{
    private const string Escape = "\u001b[";
    private const string Border = "╭";
    private readonly ReleaseWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Validate_on_a_terminal_draws_a_table_in_colour_instead_of_the_plain_lines()
    {
        var run = Kora.OnTerminal("validate", "--all", "--project-dir", Repository.Root);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains(Border, run.Output, StringComparison.Ordinal);
        Assert.Contains(Escape, run.Output, StringComparison.Ordinal);
        Assert.Contains("Pulumi.prod.yaml", run.Output, StringComparison.Ordinal);
        Assert.Contains("3 stack file(s) valid", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("ok    Pulumi.dev.yaml", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_colour_the_same_table_has_no_escape_codes_and_fits_the_width()
    {
        var services = new KoraServices(new StringReader(string.Empty), TimeProvider.System) { Terminal = new TerminalOutput(90, Colour: false) };
        var text = File.ReadAllText(Repository.StackFile("prod")).Replace("kora-infra:sizingTier: large", "kora-infra:sizingTier: medium", StringComparison.Ordinal);

        var run = Kora.Run(services, "validate", "--stack", "prod", "--project-dir", Repository.ScratchProject(("Pulumi.prod.yaml", text)));

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Contains(Border, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Escape, run.Output, StringComparison.Ordinal);
        Assert.All(run.Output.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 90, line));
        Assert.Contains("FAIL", run.Output, StringComparison.Ordinal);
        Assert.Contains("kora-infra:sizingTier", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 of 1 stack file(s) invalid", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_wins_over_the_terminal()
    {
        var run = Kora.OnTerminal("validate", "--all", "--json", "--project-dir", Repository.Root);

        Assert.True(JsonDocumentOf.Parse(run).GetProperty("valid").GetBoolean());
        Assert.DoesNotContain(Escape, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Gate_check_on_a_terminal_shows_each_condition_in_a_table()
    {
        var evidence = ReleaseFixtures.Rc() with { Approvals = [], OpenCriticalFindings = ["SEC-9"] };

        var run = _ws.KoraOnTerminal("gate", "check", "--evidence", _ws.Evidence(evidence, "rc"), "--project-dir", _ws.Project);

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Contains(Border, run.Output, StringComparison.Ordinal);
        Assert.Contains("approval.architect", run.Output, StringComparison.Ordinal);
        Assert.Contains("gate promote-rc FAILED", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL  approval.architect:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_verify_on_a_terminal_shows_the_log_in_a_table()
    {
        Assert.True(_ws.StageAndPromoteRc().ExitCode == 0);

        var run = _ws.KoraOnTerminal("audit", "verify", "--project-dir", _ws.Project, "--key-file", _ws.VerifyKey);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains(Border, run.Output, StringComparison.Ordinal);
        Assert.Contains("intact", run.Output, StringComparison.Ordinal);
        Assert.Contains("deploy-audit.jsonl", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_on_a_terminal_shows_the_catalogue_in_a_table()
    {
        var run = Kora.OnTerminal("secrets", "--stack", "prod", "--at", "2026-11-29T12:00:00Z", "--project-dir", Repository.Root);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains(Border, run.Output, StringComparison.Ordinal);
        Assert.Contains("none pending", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("secret                           owner", run.Output, StringComparison.Ordinal);
    }
}
