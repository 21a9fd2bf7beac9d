using KoraInfra.Cli.Tests.Support;

namespace KoraInfra.Cli.Tests.Commands.Verification;

/// <summary><c>kora drill experiments</c>: what the pipeline's fault-injection matrix is made of.</summary>
public sealed class ExperimentsCommandTests : IDisposable
{
    private readonly ReleaseWorkspace _ws = new();

    [Fact]
    public void Staging_lists_the_experiments_its_plans_allow_and_names_why_the_failover_is_not_among_them()
    {
        var run = _ws.Kora("drill", "experiments", "--stack", "staging", "--project-dir", _ws.Project);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(["n8n-worker-pod-kill", "redis-partition"], run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("not run in staging: postgres-failover needs a zone-redundant HA standby", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_stack_is_refused()
    {
        var run = _ws.Kora("drill", "experiments", "--stack", "prod", "--project-dir", _ws.Project);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("fault injection runs in staging only", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output.Trim());
    }

    public void Dispose() => _ws.Dispose();
}
