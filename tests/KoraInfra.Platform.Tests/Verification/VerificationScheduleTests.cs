using System.Text.RegularExpressions;
using KoraInfra.Platform.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace KoraInfra.Platform.Tests.Verification;

/// <summary>
/// The schedules of the staging checks, read from the workflow files: the restore drill weekly
/// and on every RC (R-DO-003), fault injection per experiment and load/soak on every RC, smoke
/// after every staging deploy, each record stored under the RC before the RC gate reads them.
/// </summary>
public sealed partial class VerificationScheduleTests
{
    private static string Workflows => Path.Combine(Repository.Root, ".github", "workflows");

    [Fact]
    public void The_restore_drill_runs_weekly_in_staging()
    {
        var on = Map(Root("verification.yml"), "on");
        var cron = Scalar(Map(Assert.IsType<YamlSequenceNode>(on.Children["schedule"]).Children.Cast<YamlMappingNode>().Single(), null), "cron");

        // Minute, hour, any day of month, any month, one weekday: once a week.
        Assert.Matches(@"^\d{1,2} \d{1,2} \* \* [0-6]$", cron);
        var drill = Job("verification.yml", "restore-drill");
        Assert.Equal("kora-staging", Scalar(drill, "runs-on"));
        Assert.Equal("staging", Scalar(drill, "environment"));
        Assert.Contains("scripts/verification/restore-drill.sh", Runs(drill), StringComparison.Ordinal);
        Assert.Contains("store.sh push-evidence \"$RC\"", Runs(drill), StringComparison.Ordinal);
        // The schedule runs the drill only; a weekly load run would judge nothing new.
        Assert.Contains("[ \"$EVENT\" = schedule ] && checks=restore-drill", Runs(Job("verification.yml", "resolve")), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_rc_runs_the_verification_before_its_gate_and_the_gate_runs_whatever_it_found()
    {
        var verify = Job("release-candidate.yml", "verify");
        Assert.Equal("./.github/workflows/verification.yml", Scalar(verify, "uses"));
        Assert.Equal("all", Scalar(Map(verify, "with"), "checks"));
        Assert.Equal("${{ github.ref_name }}", Scalar(Map(verify, "with"), "rc"));

        var promote = Job("release-candidate.yml", "promote-rc");
        Assert.Contains("verify", Assert.IsType<YamlSequenceNode>(promote.Children["needs"]).Children.Select(n => ((YamlScalarNode)n).Value));
        Assert.Contains("always()", Scalar(promote, "if"), StringComparison.Ordinal);
        var runs = Runs(promote);
        Assert.True(runs.IndexOf("store.sh pull-evidence", StringComparison.Ordinal) < runs.IndexOf("kora promote", StringComparison.Ordinal), "the gate must read the records after pulling them");
        Assert.Contains("workflow_call", Map(Root("verification.yml"), "on").Children.Keys.Select(k => ((YamlScalarNode)k).Value));
    }

    [Fact]
    public void Fault_injection_runs_each_experiment_with_the_chaos_command_and_stores_its_record()
    {
        var chaos = Job("verification.yml", "fault-injection");

        // The matrix is what staging's plans allow (postgres-failover is refused without HA and
        // would fail every RC), decided by kora in the resolve job, never a typed list.
        Assert.Equal("${{ fromJSON(needs.resolve.outputs.experiments) }}", Scalar(Map(Map(chaos, "strategy"), "matrix"), "experiment"));
        var resolve = Job("verification.yml", "resolve");
        Assert.Equal("${{ steps.experiments.outputs.experiments }}", Scalar(Map(resolve, "outputs"), "experiments"));
        Assert.Contains("kora drill experiments --stack staging --project-dir . | jq -R . | jq -cs .", Runs(resolve), StringComparison.Ordinal);
        Assert.Matches(ChaosCommand(), Runs(chaos));
        Assert.Contains("store.sh push-evidence \"$RC\"", Runs(chaos), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("load", "kora-load")]
    [InlineData("soak", "kora-soak")]
    public void Load_and_soak_run_their_k6_template_and_sign_the_summary_under_the_rc(string kind, string cronjob)
    {
        var job = Job("verification.yml", "load-and-soak");
        var include = Assert.IsType<YamlSequenceNode>(Map(Map(job, "strategy"), "matrix").Children["include"]).Children.Cast<YamlMappingNode>();

        Assert.Contains(include, i => Scalar(i, "kind") == kind && Scalar(i, "cronjob") == cronjob);
        var runs = Runs(job);
        Assert.Contains("scripts/verification/run-k6.sh \"${{ matrix.cronjob }}\"", runs, StringComparison.Ordinal);
        Assert.Contains("kora evidence from-k6 \"$RUNNER_TEMP/summary.json\" --kind \"${{ matrix.kind }}\" --stack staging", runs, StringComparison.Ordinal);
        Assert.Contains("store.sh push-evidence \"$RC\"", runs, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("main.yml", "deploy-staging")]
    [InlineData("release-candidate.yml", "promote-rc")]
    public void Smoke_runs_after_every_staging_deploy(string workflow, string job)
    {
        var runs = Runs(Job(workflow, job));

        var up = runs.IndexOf("pulumi up --stack staging", StringComparison.Ordinal);
        var smoke = runs.IndexOf("scripts/verification/run-k6.sh", StringComparison.Ordinal);
        Assert.True(up >= 0 && smoke > up, $"{workflow}: the smoke run must follow 'pulumi up --stack staging'");
        Assert.Contains("kora-smoke", runs[smoke..], StringComparison.Ordinal);
    }

    private static YamlMappingNode Root(string workflow)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Workflows, workflow));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Job(string workflow, string name) => Map(Map(Root(workflow), "jobs"), name);

    private static YamlMappingNode Map(YamlMappingNode node, string? key) =>
        key is null ? node : Assert.IsType<YamlMappingNode>(node.Children[key]);

    private static string Scalar(YamlMappingNode node, string key) => Assert.IsType<YamlScalarNode>(node.Children[key]).Value ?? string.Empty;

    private static string Runs(YamlMappingNode job) =>
        string.Join("\n", Assert.IsType<YamlSequenceNode>(job.Children["steps"]).Children.Cast<YamlMappingNode>()
            .Where(s => s.Children.ContainsKey("run"))
            .Select(s => ((YamlScalarNode)s.Children["run"]).Value));

    // Exactly the shape of `kora drill chaos` (fault injection's command).
    [GeneratedRegex(@"kora drill chaos --experiment ""\$\{\{ matrix\.experiment \}\}"" --prometheus-url ""\$PROMETHEUS_URL"" --stack staging \$\(scripts/verification/binding\.sh ""\$RC""\) --key-file ""\$RUNNER_TEMP/release-key\.pem"" --project-dir \.")]
    private static partial Regex ChaosCommand();
}
