using KoraInfra.Cli.Tests.Support;

namespace KoraInfra.Cli.Tests.Commands.Network;

public sealed class NetworkPlanCommandTests
{
    private static readonly string[] StackNames = ["dev", "staging", "prod"];

    [Fact]
    public void The_plan_shows_each_subnet_its_size_what_it_holds_and_the_free_space()
    {
        var run = Kora.Run("network", "plan", "--stack", "prod", "--project-dir", Repository.Root);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        var lines = run.Output.Split('\n');
        Assert.Contains("Network of prod: vnet-kora-prod-brs 10.30.0.0/20 (4096 addresses, 4000 free)", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("snet-kora-prod-brs-aks-nodes", StringComparison.Ordinal) && l.Contains("10.30.0.0/26", StringComparison.Ordinal) && l.Contains("AKS nodes (at most 9", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("snet-kora-prod-brs-endpoints", StringComparison.Ordinal) && l.Contains("10.30.0.64/27", StringComparison.Ordinal) && l.Contains("private endpoints (5", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("free", StringComparison.Ordinal) && l.Contains("10.30.0.96/27, 10.30.0.128/25", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("psql-kora-prod-brs.postgres.database.azure.com", StringComparison.Ordinal) && l.Contains("zone privatelink.postgres.database.azure.com", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("4096 deny  inbound", StringComparison.Ordinal));
    }

    [Fact]
    public void Dev_shows_its_allowlist_and_no_private_endpoints()
    {
        var run = Kora.Run("network", "plan", "--stack", "dev", "--project-dir", Repository.Root);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("public, allowlist 203.0.113.0/24", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("private endpoints (", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stack_whose_range_overlaps_another_stack_fails_with_file_line_and_key()
    {
        var staging = File.ReadAllText(Repository.StackFile("staging")).Replace("addressSpace: 10.20.0.0/20", "addressSpace: 10.30.0.0/20", StringComparison.Ordinal);
        var line = staging.Split('\n').ToList().FindIndex(l => l.Contains("addressSpace:", StringComparison.Ordinal)) + 1;
        var project = Repository.ScratchProject(
            ("Pulumi.dev.yaml", File.ReadAllText(Repository.StackFile("dev"))),
            ("Pulumi.staging.yaml", staging),
            ("Pulumi.prod.yaml", File.ReadAllText(Repository.StackFile("prod"))));

        var plan = Kora.Run("network", "plan", "--stack", "staging", "--project-dir", project);
        var validateOne = Kora.Run("validate", "--stack", "staging", "--project-dir", project);
        var validateAll = Kora.Run("validate", "--all", "--project-dir", project);

        foreach (var run in new[] { plan, validateOne })
        {
            Assert.Equal(ExitCodes.Findings, run.ExitCode);
            Assert.Contains($"Pulumi.staging.yaml:{line}: kora-infra:network.addressSpace: '10.30.0.0/20', which overlaps prod's kora-infra:network.addressSpace", run.Output, StringComparison.Ordinal);
        }

        // Across all stacks the overlap is reported once, on the later stack of the pair.
        Assert.Equal(ExitCodes.Findings, validateAll.ExitCode);
        Assert.Contains("Pulumi.prod.yaml:", validateAll.Output, StringComparison.Ordinal);
        Assert.Contains("which overlaps staging's kora-infra:network.addressSpace '10.30.0.0/20'", validateAll.Output, StringComparison.Ordinal);
        Assert.Contains("1 of 3 stack file(s) invalid", validateAll.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_committed_stacks_plan_cleanly()
    {
        foreach (var stack in StackNames)
        {
            Assert.Equal(0, Kora.Run("network", "plan", "--stack", stack, "--project-dir", Repository.Root).ExitCode);
        }
    }

    [Theory]
    [InlineData("qa")]
    [InlineData(null)]
    public void An_unknown_or_missing_stack_is_a_usage_error(string? stack)
    {
        var run = stack is null ? Kora.Run("network", "plan") : Kora.Run("network", "plan", "--stack", stack);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--stack", run.Error, StringComparison.Ordinal);
    }
}
