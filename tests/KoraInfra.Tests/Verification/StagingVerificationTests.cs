using KoraInfra.OfflinePlan;
using KoraInfra.Platform.Policy;
using KoraInfra.Platform.Verification.Staging;
using KoraInfra.Tests.Support;
using KoraInfra.Tests.Workloads;

namespace KoraInfra.Tests.Verification;

public sealed class StagingVerificationTests
{
    private const string Component = "kora:verification:StagingVerification";

    public static TheoryData<string> UncheckedStacks => new() { "dev", "prod" };

    private static RecordedResource Named(StackRun run, string type, string name) => Assert.Single(run.Under(Component, type), r => r.Name == name);

    [Fact]
    public async Task Staging_installs_chaos_mesh_pinned_in_its_own_namespace_with_the_containerd_socket()
    {
        var run = await StackRun.RunAsync("staging");

        var chaos = Named(run, "kubernetes:helm.sh/v3:Release", "chaos-mesh");
        Assert.Equal(ChaosMeshPlan.Chart, chaos.Text("chart"));
        Assert.Equal(ChaosMeshPlan.Version, chaos.Text("version"));
        Assert.Equal(ChaosMeshPlan.Repository, chaos.At("repositoryOpts", "repo"));
        Assert.Equal("chaos-mesh", chaos.Text("namespace"));
        Assert.Equal("containerd", chaos.At("values", "chaosDaemon", "runtime"));
        Assert.Equal(ChaosMeshPlan.ContainerdSocket, chaos.At("values", "chaosDaemon", "socketPath"));
        Assert.Equal(false, chaos.At("values", "dashboard", "create"));
        Assert.Contains("pulumi:providers:kubernetes::k8s-staging::", chaos.Provider, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kora-load", "load.js", "15m")]
    [InlineData("kora-soak", "load.js", "240m")]
    [InlineData("kora-smoke", "smoke.js", null)]
    public async Task Staging_has_each_k6_run_as_a_suspended_template_running_k6_by_digest(string name, string script, string? duration)
    {
        var run = await StackRun.RunAsync("staging");

        var cron = Named(run, "kubernetes:batch/v1:CronJob", name);
        Assert.Equal(true, cron.At("spec", "suspend"));
        var pod = new[] { "spec", "jobTemplate", "spec", "template", "spec" };
        var container = Assert.Single(Inputs.Objects(cron.At([.. pod, "containers"])));
        Assert.Equal(K6JobPlan.Image.ToString(), container["image"]);
        Assert.Matches("@sha256:[0-9a-f]{64}$", (string)container["image"]!);
        Assert.Equal(["run", "--quiet", "--no-color", "/scripts/" + script], Inputs.Texts(container["args"]));
        var env = Inputs.Objects(container["env"]).ToDictionary(e => (string)e["name"]!, e => (string?)e["value"]);
        Assert.Equal("https://api.staging.koraos.example.com", env["KORA_TARGET_URL"]);
        Assert.Equal(duration, env.GetValueOrDefault("KORA_DURATION"));
        Assert.Equal(true, cron.At([.. pod, "securityContext", "runAsNonRoot"]));
        Assert.Equal(0, Convert.ToInt32(cron.At("spec", "jobTemplate", "spec", "backoffLimit"), System.Globalization.CultureInfo.InvariantCulture));

        var scripts = Named(run, "kubernetes:core/v1:ConfigMap", "k6-scripts");
        Assert.Contains("KORA_K6_SUMMARY", (string)scripts.At("data", script)!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staging_writes_the_heartbeat_from_one_pod_as_the_application_login_with_a_secret_connection()
    {
        var run = await StackRun.RunAsync("staging");

        var writer = Named(run, "kubernetes:apps/v1:Deployment", "kora-heartbeat");
        Assert.Equal(1, Convert.ToInt32(writer.At("spec", "replicas"), System.Globalization.CultureInfo.InvariantCulture));
        var container = Assert.Single(Inputs.Containers(writer));
        Assert.Equal(["drill", "heartbeat", "--interval-seconds", "30"], Inputs.Texts(container["args"]));
        Assert.Matches("^ghcr.io/koraos/kora-tools@sha256:[0-9a-f]{64}$", (string)container["image"]!);

        var secret = run.Planned.Single(p => p.Recorded.Type == "kubernetes:core/v1:Secret" && p.Recorded.Name == "heartbeat-credentials");
        var connection = Assert.Single(secret.Inputs, i => i.Path == "stringData.connection");
        Assert.True(connection.IsSecret);
        Assert.Matches("Username=kora_app_[ab]", connection.Text);
    }

    [Fact]
    public async Task The_policy_pack_finds_nothing_in_the_checks_workloads()
    {
        var run = await StackRun.RunAsync("staging");

        var evaluation = PolicyEngine.Evaluate(run.Snapshot(), DateTimeOffset.UtcNow);

        var ours = run.Under(Component).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(ours);
        Assert.Empty(evaluation.Violations.Where(v => ours.Any(n => v.ResourceUrn?.EndsWith("::" + n, StringComparison.Ordinal) == true)).Select(v => $"{v.RuleId} {v.ResourceUrn}: {v.Message}"));
    }

    [Theory]
    [MemberData(nameof(UncheckedStacks))]
    public async Task Dev_and_prod_have_no_chaos_mesh_no_k6_and_no_heartbeat_writer(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        Assert.Empty(run.Under(Component));
        Assert.DoesNotContain(run.OfType("kubernetes:helm.sh/v3:Release"), r => r.Name == "chaos-mesh" || r.Text("chart") == ChaosMeshPlan.Chart);
        Assert.DoesNotContain(run.OfType("kubernetes:batch/v1:CronJob"), r => r.Name is "kora-load" or "kora-soak" or "kora-smoke");
        Assert.DoesNotContain(run.OfType("kubernetes:apps/v1:Deployment"), r => r.Name == "kora-heartbeat");
    }
}
