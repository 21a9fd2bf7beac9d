using KoraInfra.Platform.Database;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;
using KoraInfra.Platform.Verification;
using KoraInfra.Platform.Verification.Staging;
using KoraInfra.Platform.Workloads;

namespace KoraInfra.Platform.Tests.Verification;

public sealed class StagingVerificationPlanTests
{
    private static StackSettings Settings(string stack) => StackFiles.Validate(Repository.StackFile(stack)).Require();

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Dev_and_prod_get_no_chaos_no_k6_and_no_heartbeat_writer(string stack) =>
        Assert.Null(StagingVerificationPlan.For(Settings(stack), null));

    [Fact]
    public void Staging_runs_load_soak_and_smoke_from_suspended_templates_with_the_settings_thresholds()
    {
        var plan = StagingVerificationPlan.For(Settings("staging"), null)!;

        Assert.Equal(["kora-load", "kora-soak", "kora-smoke"], plan.Runs.Select(r => r.Name));
        var load = plan.Runs.Single(r => r.Kind == VerificationKind.Load);
        Assert.Equal("50", load.Environment["KORA_RATE"]);
        Assert.Equal("15m", load.Environment["KORA_DURATION"]);
        Assert.Equal("500", load.Environment["KORA_P95_MS"]);
        Assert.Equal("0.01", load.Environment["KORA_ERROR_RATE"]);
        Assert.Equal("https://api.staging.koraos.example.com", load.Environment["KORA_TARGET_URL"]);
        var soak = plan.Runs.Single(r => r.Kind == VerificationKind.Soak);
        Assert.Equal("240m", soak.Environment["KORA_DURATION"]);
        Assert.Equal((240 * 60) + StagingVerificationPlan.DeadlineMarginSeconds, soak.ActiveDeadlineSeconds);
        Assert.Equal(["KORA_TARGET_URL"], plan.Runs.Single(r => r.Kind == VerificationKind.SmokeRuntime).Environment.Keys);
    }

    [Fact]
    public void The_k6_image_is_pinned_by_digest_and_meets_stagings_image_policy()
    {
        Assert.StartsWith("grafana/k6@sha256:", K6JobPlan.Image.ToString(), StringComparison.Ordinal);
        Assert.Null(ImagePolicy.Violation(K6JobPlan.Image, Settings("staging").Environment));
    }

    [Fact]
    public void Chaos_mesh_is_pinned_in_its_own_namespace_with_the_containerd_socket_of_aks_nodes()
    {
        var chaos = StagingVerificationPlan.For(Settings("staging"), null)!.ChaosMesh;

        Assert.Equal("chaos-mesh", chaos.Namespace);
        Assert.Matches(@"^\d+\.\d+\.\d+$", ChaosMeshPlan.Version);
        var daemon = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object>>(chaos.Values["chaosDaemon"]);
        Assert.Equal("containerd", daemon["runtime"]);
        Assert.Equal("/run/containerd/containerd.sock", daemon["socketPath"]);
    }

    [Fact]
    public void The_heartbeat_writer_runs_the_released_tools_image_every_30_s_as_the_application_login()
    {
        var tools = TenantDatabasePlan.ToolsImageRepository + "@sha256:" + new string('d', 64);

        var heartbeat = StagingVerificationPlan.For(Settings("staging"), tools)!.Heartbeat;

        Assert.Equal(tools, heartbeat.Image);
        Assert.Equal(DatabaseRoles.Application, heartbeat.Login.Group);
        Assert.Equal(["drill", "heartbeat", "--interval-seconds", "30"], HeartbeatWriterPlan.Args);
    }

    [Fact]
    public void Every_script_a_job_runs_is_committed_and_prints_the_summary_line_the_pipeline_reads()
    {
        var plan = StagingVerificationPlan.For(Settings("staging"), null)!;

        var scripts = StagingVerificationPlan.Scripts(Repository.Root);

        foreach (var run in plan.Runs)
        {
            Assert.True(scripts.ContainsKey(run.Script), $"{run.Name} runs {run.Script}, which is not in {StagingVerificationPlan.ScriptsFolder}");
            Assert.Contains(K6JobPlan.SummaryMarker.TrimEnd(), scripts[run.Script], StringComparison.Ordinal);
        }

        foreach (var variable in plan.Runs.SelectMany(r => r.Environment.Keys).Distinct())
        {
            Assert.Contains(scripts.Values, s => s.Contains("__ENV." + variable, StringComparison.Ordinal));
        }

        Assert.All(["health", "list", "execute"], step => Assert.Contains($"{{ {step}: ", scripts["smoke.js"], StringComparison.Ordinal));
    }
}
