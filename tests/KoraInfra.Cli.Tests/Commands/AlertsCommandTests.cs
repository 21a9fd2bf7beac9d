using KoraInfra.Cli.Tests.Support;

namespace KoraInfra.Cli.Tests.Commands;

public sealed class AlertsCommandTests
{
    private static string OutDir() => Path.Combine(Directory.CreateTempSubdirectory("kora-alerts-").FullName, "out");

    [Fact]
    public void Render_writes_the_rule_files_and_the_alertmanager_file_of_a_stack()
    {
        var outDir = OutDir();

        var run = Kora.Run("alerts", "render", "--stack", "prod", "--out", outDir, "--project-dir", Repository.Root);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Empty(run.Error);
        Assert.Equal(["alertmanager.yml", "kora-alerts.rules.yml", "kora-response.rules.yml", "kora-signals.rules.yml"], Directory.GetFiles(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("receiver: devops-pager", File.ReadAllText(Path.Combine(outDir, "alertmanager.yml")), StringComparison.Ordinal);
        Assert.Contains("alert: ReplayBacklogHigh", File.ReadAllText(Path.Combine(outDir, "kora-alerts.rules.yml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Rendering_twice_gives_byte_identical_files()
    {
        var first = OutDir();
        var second = OutDir();

        Kora.Run("alerts", "render", "--stack", "staging", "--out", first, "--project-dir", Repository.Root);
        Kora.Run("alerts", "render", "--stack", "staging", "--out", second, "--project-dir", Repository.Root);

        foreach (var file in Directory.GetFiles(first))
        {
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(second, Path.GetFileName(file))));
        }
    }

    [Fact]
    public void An_unknown_stack_is_a_usage_error_of_one_line()
    {
        var run = Kora.Run("alerts", "render", "--stack", "qa", "--out", OutDir(), "--project-dir", Repository.Root);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Equal("kora: unknown stack 'qa'; expected 'dev', 'staging' or 'prod'", run.Error.Trim());
    }

    [Fact]
    public void An_invalid_stack_file_is_reported_and_nothing_is_written()
    {
        var text = File.ReadAllText(Repository.StackFile("prod")).Replace("      critical: 0.2\n", "      critical: 0.01\n", StringComparison.Ordinal);
        var project = Repository.ScratchProject(("Pulumi.prod.yaml", text));
        var outDir = OutDir();

        var run = Kora.Run("alerts", "render", "--stack", "prod", "--out", outDir, "--project-dir", project);

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Contains("kora-infra:monitoring.redisFallbackRate.critical", run.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void A_missing_out_option_is_a_usage_error()
    {
        var run = Kora.Run("alerts", "render", "--stack", "prod");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--out", run.Error, StringComparison.Ordinal);
    }
}
