using System.Text.RegularExpressions;
using KoraInfra.Platform.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace KoraInfra.Platform.Tests.Release;

/// <summary>
/// The pipeline's promises, read from the workflow files themselves: prod is reachable only
/// through the GA and rollback workflows, every deploy runs the policy pack, prod applies the
/// previewed plan.
/// </summary>
public sealed partial class PipelineTests
{
    private static readonly string[] ProdWorkflows = ["release-ga.yml", "rollback.yml", "rotation.yml"];

    public static TheoryData<string> Workflows => new(Directory.GetFiles(WorkflowDirectory, "*.yml").Select(Path.GetFileName)!);

    private static string WorkflowDirectory => Path.Combine(Repository.Root, ".github", "workflows");

    [Fact]
    public void The_pipeline_has_its_eight_workflows() =>
        Assert.Equal(
            ["main.yml", "mutation.yml", "pull-request.yml", "release-candidate.yml", "release-ga.yml", "rollback.yml", "rotation.yml", "verification.yml"],
            Directory.GetFiles(WorkflowDirectory, "*.yml").Select(Path.GetFileName).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Only_the_ga_and_rollback_workflows_can_use_the_prod_environment(string workflow)
    {
        var environments = Jobs(workflow).Select(Environment).Where(e => e is not null).ToList();

        var mayBeProd = environments.Any(e => e == "prod" || WholeExpression().IsMatch(e!));

        Assert.True(!mayBeProd || ProdWorkflows.Contains(workflow), $"{workflow} can deploy with the 'prod' environment ({string.Join(", ", environments)})");
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Outside_the_ga_and_rollback_workflows_pulumi_up_names_dev_or_staging(string workflow)
    {
        if (ProdWorkflows.Contains(workflow))
        {
            return;
        }

        foreach (var up in Runs(workflow).SelectMany(r => r.Split('\n')).Where(l => l.Contains("pulumi up", StringComparison.Ordinal)))
        {
            Assert.Matches(@"--stack (dev|staging) ", up);
        }
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Every_preview_and_up_runs_the_policy_pack(string workflow)
    {
        foreach (var line in Runs(workflow).SelectMany(r => r.Split('\n')).Where(l => PulumiCommand().IsMatch(l)))
        {
            Assert.Contains("--policy-pack policy", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_ga_workflow_runs_only_for_ga_tags_and_applies_the_previewed_plan()
    {
        var on = (YamlMappingNode)Root("release-ga.yml").Children["on"];

        var push = (YamlMappingNode)Assert.Single(on.Children).Value;
        Assert.Equal("push", ((YamlScalarNode)on.Children.Single().Key).Value);
        Assert.Equal(["tags"], push.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.Equal(["v[0-9]+.[0-9]+.[0-9]+"], ((YamlSequenceNode)push.Children["tags"]).Children.Select(t => ((YamlScalarNode)t).Value));
        var runs = string.Join("\n", Runs("release-ga.yml"));
        Assert.Contains("--save-plan", runs, StringComparison.Ordinal);
        Assert.Matches(@"pulumi up --stack prod --policy-pack policy --plan ", runs);
        Assert.Contains("kora promote", runs, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ga_workflow_runs_up_with_the_plan_only_after_verifying_its_signed_binding()
    {
        var runs = string.Join("\n", Runs("release-ga.yml"));

        var bind = runs.IndexOf("kora release bind-plan --stack prod --plan \"$RUNNER_TEMP/plan.json\"", StringComparison.Ordinal);
        var verify = runs.IndexOf("kora release verify-plan --stack prod --plan \"$RUNNER_TEMP/plan.json\"", StringComparison.Ordinal);
        var up = runs.IndexOf("pulumi up --stack prod", StringComparison.Ordinal);
        Assert.True(bind > runs.IndexOf("--save-plan", StringComparison.Ordinal), "the plan is bound after it is saved");
        Assert.True(verify > bind && up > verify, "pulumi up --plan runs only after kora release verify-plan");
        var upStep = Assert.Single(Runs("release-ga.yml"), r => r.Contains("pulumi up --stack prod", StringComparison.Ordinal));
        Assert.Contains("kora release verify-plan", upStep, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Promote_and_rollback_take_the_log_from_the_settings_and_the_head_from_the_store(string workflow)
    {
        foreach (var line in Runs(workflow).SelectMany(r => r.Split('\n')).Where(l => l.Contains("kora promote", StringComparison.Ordinal) || l.Contains("kora rollback", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain("--audit-log", line, StringComparison.Ordinal);
            Assert.Contains("$(cat audit/anchor.args)", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_rollback_workflow_is_manual_and_uses_kora_rollback()
    {
        var on = (YamlMappingNode)Root("rollback.yml").Children["on"];

        Assert.Equal(["workflow_dispatch"], on.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.Contains("kora rollback", string.Join("\n", Runs("rollback.yml")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_rotation_workflow_runs_every_stack_daily_and_prod_re_applies_only_its_running_release()
    {
        var root = Root("rotation.yml");
        var on = (YamlMappingNode)root.Children["on"];
        var cron = ((YamlScalarNode)((YamlMappingNode)Assert.Single(((YamlSequenceNode)on.Children["schedule"]).Children)).Children["cron"]).Value!;
        var fields = cron.Split(' ');

        // Every day (well inside the shortest rotation window, 30 days), and on a stack file change (emergency rotations).
        Assert.Equal(["*", "*", "*"], fields[2..]);
        Assert.Contains("Pulumi.prod.yaml", ((YamlSequenceNode)((YamlMappingNode)on.Children["push"]).Children["paths"]).Children.Select(p => ((YamlScalarNode)p).Value));
        var job = Assert.Single(Jobs("rotation.yml"));
        var stacks = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)job.Children["strategy"]).Children["matrix"]).Children["stack"]).Children.Select(n => ((YamlScalarNode)n).Value);
        Assert.Equal(["dev", "staging", "prod"], stacks);

        // The check runs before the up (and again on the checked-out release); the record after it.
        var runs = string.Join("\n", Runs("rotation.yml"));
        var check = runs.IndexOf("kora rotation check", StringComparison.Ordinal);
        var checkout = runs.IndexOf("git checkout --detach", StringComparison.Ordinal);
        var recheck = runs.IndexOf("kora rotation check", checkout, StringComparison.Ordinal);
        var up = runs.IndexOf("pulumi up", StringComparison.Ordinal);
        var record = runs.IndexOf("kora rotation record", StringComparison.Ordinal);
        Assert.True(check >= 0 && check < checkout && checkout < recheck && recheck < up && up < record, runs);
        Assert.DoesNotContain("kora promote", runs, StringComparison.Ordinal);
        Assert.DoesNotContain("push-manifests", runs, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ga_workflow_proves_replacement_of_compromised_credentials_by_rotation_records_not_by_the_settings()
    {
        var runs = string.Join("\n", Runs("release-ga.yml"));

        var pending = runs.IndexOf("kora rotation pending --stack prod --evidence-out \"$RUNNER_TEMP/compromised.json\" $(cat audit/anchor.args)", StringComparison.Ordinal);
        var verified = runs.IndexOf("kora audit verify", StringComparison.Ordinal);
        var promote = runs.IndexOf("kora promote", StringComparison.Ordinal);
        Assert.True(verified >= 0 && verified < pending && pending < promote, runs);
        Assert.DoesNotContain("kora secrets --stack prod --evidence-out", runs, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rotation_workflow_regenerates_the_redis_key_before_the_up_and_ends_the_overlap_only_on_request()
    {
        var runs = Runs("rotation.yml").ToList();
        var all = string.Join("\n", runs);
        var recheck = all.IndexOf("kora rotation check", all.IndexOf("git checkout --detach", StringComparison.Ordinal), StringComparison.Ordinal);
        var redis = all.IndexOf("kora rotation redis-keys --stack \"$STACK\"", StringComparison.Ordinal);
        var up = all.IndexOf("pulumi up", StringComparison.Ordinal);
        Assert.True(recheck < redis && redis < up, all);

        var steps = ((YamlSequenceNode)Assert.Single(Jobs("rotation.yml")).Children["steps"]).Children.Cast<YamlMappingNode>().ToList();
        var end = Assert.Single(steps, s => s.Children.TryGetValue("run", out var run) && ((YamlScalarNode)run).Value!.Contains("--end-overlap", StringComparison.Ordinal));
        Assert.Equal("inputs.end-redis-overlap", ((YamlScalarNode)end.Children["if"]).Value);
        Assert.True(steps.IndexOf(end) > steps.FindIndex(s => s.Children.TryGetValue("run", out var run) && ((YamlScalarNode)run).Value!.StartsWith("pulumi up", StringComparison.Ordinal)));
    }

    [Fact]
    public void Go_no_go_is_given_by_po_pm_devops_and_qa()
    {
        var go = (YamlMappingNode)((YamlMappingNode)Root("release-ga.yml").Children["jobs"]).Children["go-no-go"];
        var roles = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)go.Children["strategy"]).Children["matrix"]).Children["role"]).Children;

        Assert.Equal(["po", "pm", "devops", "qa"], roles.Select(r => ((YamlScalarNode)r).Value));
    }

    private static YamlMappingNode Root(string workflow)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(WorkflowDirectory, workflow));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static IEnumerable<YamlMappingNode> Jobs(string workflow) =>
        ((YamlMappingNode)Root(workflow).Children["jobs"]).Children.Values.Cast<YamlMappingNode>();

    private static string? Environment(YamlMappingNode job) =>
        job.Children.TryGetValue("environment", out var node)
            ? node switch
            {
                YamlScalarNode scalar => scalar.Value,
                YamlMappingNode map => ((YamlScalarNode)map.Children["name"]).Value,
                _ => null,
            }
            : null;

    private static IEnumerable<string> Runs(string workflow) =>
        Jobs(workflow)
            .Where(j => j.Children.ContainsKey("steps"))
            .SelectMany(j => ((YamlSequenceNode)j.Children["steps"]).Children.Cast<YamlMappingNode>())
            .Where(s => s.Children.ContainsKey("run"))
            .Select(s => ((YamlScalarNode)s.Children["run"]).Value ?? string.Empty);

    // An environment that is entirely an expression could evaluate to "prod".
    [GeneratedRegex(@"^\$\{\{[^}]*\}\}$")]
    private static partial Regex WholeExpression();

    [GeneratedRegex(@"pulumi (up|preview)\b")]
    private static partial Regex PulumiCommand();
}
