using KoraInfra.Cli.Tests.Support;
using KoraInfra.TestCases;
using KoraInfra.TestSupport;
using YamlDotNet.Serialization;

namespace KoraInfra.Cli.Tests.Commands.Verification;

/// <summary>A real Prometheus, fed synthetic health series, shared by the command's tests.</summary>
public sealed class ChaosPrometheus : IDisposable
{
    public ThrowawayPrometheus Server { get; } = new(SteadyStateSeries.OpenMetrics());

    public void Dispose() => Server.Dispose();
}

/// <summary><c>kora drill chaos</c>: refusals before anything runs, the dry run, and a whole drill through a kubectl stand-in and a real Prometheus.</summary>
public sealed class ChaosCommandTests(ChaosPrometheus prometheus) : IClassFixture<ChaosPrometheus>, IDisposable
{
    private readonly ReleaseWorkspace _ws = new();
    private readonly string _tools = Directory.CreateTempSubdirectory("kora-kubectl-").FullName;

    [Fact]
    public void A_whole_drill_applies_and_deletes_the_resource_and_writes_a_record_that_verifies()
    {
        var kubectl = FakeKubectl(exitCode: 0);
        var clock = new FastClock(SteadyStateSeries.Recovers.AddMinutes(15), speed: 200);

        var run = Kora.RunAt(clock, [.. Chaos("n8n-worker-pod-kill"), "--prometheus-url", prometheus.Server.Url.ToString(), "--kubectl", kubectl, "--kube-context", "aks-kora-staging", "--duration-minutes", "10", "--key-file", _ws.SigningKey]);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("PASS  fault injection n8n-worker-pod-kill (chaos-mesh): signed record releases/staging/evidence/v1.4.0-rc.2/fault-injection-", run.Output, StringComparison.Ordinal);
        Assert.True(run.Output.Contains("replay_backlog.during_max = 50 events", StringComparison.Ordinal), run.Output);
        Assert.DoesNotContain("steady state before, during and after", run.Output, StringComparison.Ordinal);
        var calls = File.ReadAllLines(Path.Combine(_tools, "calls"));
        Assert.Equal(["version --client", "--context aks-kora-staging apply -f -", "--context aks-kora-staging delete --ignore-not-found -f -"], calls);
        var applied = File.ReadAllText(Path.Combine(_tools, "stdin-2"));
        Assert.Equal(applied, File.ReadAllText(Path.Combine(_tools, "stdin-3")));
        Assert.Equal("PodChaos", new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(applied)["kind"]);

        var record = Directory.GetFiles(Path.Combine(_ws.Project, "releases", "staging", "evidence", "v1.4.0-rc.2")).Single();
        var verify = _ws.Kora("evidence", "verify", record, "--kind", "fault-injection", "--commit", ReleaseFixtures.Commit, "--rc", "v1.4.0-rc.2", "--image", ReleaseFixtures.Api.ToString(), "--image", ReleaseFixtures.Worker.ToString(), "--key-file", _ws.VerifyKey, "--project-dir", _ws.Project);
        Assert.True(verify.ExitCode == 0, verify.All);
        Assert.Contains("PASS  ", verify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_terminal_the_drill_shows_its_progress_then_the_same_result()
    {
        var kubectl = FakeKubectl(exitCode: 0);
        var clock = new FastClock(SteadyStateSeries.Recovers.AddMinutes(15), speed: 200);
        var services = new KoraServices(new StringReader(string.Empty), clock) { Terminal = Kora.Terminal };

        var run = Kora.Run(services, [.. Chaos("n8n-worker-pod-kill"), "--prometheus-url", prometheus.Server.Url.ToString(), "--kubectl", kubectl, "--kube-context", "aks-kora-staging", "--duration-minutes", "10", "--key-file", _ws.SigningKey]);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("fault injection n8n-worker-pod-kill: steady state before, during and after", run.Output, StringComparison.Ordinal);
        Assert.Contains("PASS  fault injection n8n-worker-pod-kill (chaos-mesh): signed record ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_drill_that_does_not_recover_writes_a_failed_record_and_exits_1_and_the_resource_is_still_deleted()
    {
        var kubectl = FakeKubectl(exitCode: 0);
        var clock = new FastClock(SteadyStateSeries.StaysBroken.AddMinutes(15), speed: 200);

        var run = Kora.RunAt(clock, [.. Chaos("redis-partition"), "--prometheus-url", prometheus.Server.Url.ToString(), "--kubectl", kubectl, "--duration-minutes", "10", "--key-file", _ws.SigningKey]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL  fault injection redis-partition", run.Output, StringComparison.Ordinal);
        Assert.Contains("the steady state did not return within 20 min of the fault's end: redis_fallback_rate = 0.6", run.Output, StringComparison.Ordinal);
        Assert.Equal("delete --ignore-not-found -f -", File.ReadAllLines(Path.Combine(_tools, "calls"))[^1]);
    }

    [Fact]
    public void The_dry_run_prints_the_resource_and_the_hypotheses_and_starts_nothing()
    {
        var run = _ws.Kora([.. Chaos("redis-partition"), "--dry-run", "--duration-minutes", "3"]);

        Assert.True(run.ExitCode == 0, run.All);
        var document = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(run.Output);
        Assert.Equal("NetworkChaos", document["kind"]);
        Assert.Contains("duration: 3m", run.Output, StringComparison.Ordinal);
        Assert.Contains("#   max(kora:redis_fallback:ratio_rate15m) <= 0.05 ratio", run.Output, StringComparison.Ordinal);
        Assert.Contains("#   max(kora:replay_backlog:max) <= 30 events", run.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_ws.Project, "releases", "staging", "evidence")));
    }

    [Theory]
    [InlineData("--stack", "prod", "fault injection runs in staging only")]
    [InlineData("--experiment", "disk-fill", "--experiment 'disk-fill' is not an experiment; expected one of n8n-worker-pod-kill, redis-partition, postgres-failover")]
    [InlineData("--experiment", "postgres-failover", "postgres-failover needs a zone-redundant HA standby to fail over to; the staging server")]
    [InlineData("--duration-minutes", "30", "duration 30 min is out of bounds; expected 1 to 15 min")]
    [InlineData("--commit", "abc", "--commit 'abc': expected the 40 lowercase hex")]
    [InlineData("--rc", "v1.4.0", "--rc 'v1.4.0': expected a release candidate, vX.Y.Z-rc.N")]
    [InlineData("--prometheus-url", "prometheus:9090", "--prometheus-url 'prometheus:9090': expected an absolute http(s) URL")]
    public void Bad_input_is_refused_before_anything_runs(string option, string value, string expected)
    {
        var kubectl = FakeKubectl(exitCode: 0);
        string[] args = [.. Chaos("n8n-worker-pod-kill"), "--prometheus-url", prometheus.Server.Url.ToString(), "--kubectl", kubectl, "--key-file", _ws.SigningKey];
        var index = Array.IndexOf(args, option);
        if (index >= 0)
        {
            args[index + 1] = value;
        }
        else
        {
            args = [.. args, option, value];
        }

        var run = _ws.Kora(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_tools, "calls")), "kubectl ran");
        Assert.False(Directory.Exists(Path.Combine(_ws.Project, "releases", "staging", "evidence")));
    }

    [Fact]
    public void An_unreachable_prometheus_is_named_exits_69_and_starts_nothing()
    {
        var kubectl = FakeKubectl(exitCode: 0);
        var nowhere = $"http://127.0.0.1:{ThrowawayPrometheus.FreePort()}";

        var run = _ws.Kora([.. Chaos("n8n-worker-pod-kill"), "--prometheus-url", nowhere, "--kubectl", kubectl, "--key-file", _ws.SigningKey]);

        Assert.Equal(69, run.ExitCode);
        Assert.Contains($"Prometheus at {nowhere}/ is unreachable", run.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was started", run.Error, StringComparison.Ordinal);
        Assert.Equal(["version --client"], File.ReadAllLines(Path.Combine(_tools, "calls")));
        Assert.False(Directory.Exists(Path.Combine(_ws.Project, "releases", "staging", "evidence")));
    }

    [Fact]
    public void A_missing_kubectl_names_the_package_and_starts_nothing()
    {
        var run = _ws.Kora([.. Chaos("n8n-worker-pod-kill"), "--prometheus-url", prometheus.Server.Url.ToString(), "--kubectl", Path.Combine(_tools, "no-kubectl"), "--key-file", _ws.SigningKey]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not installed or not on PATH: install the Debian package 'kubernetes-client'", run.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was started", run.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _ws.Dispose();
        Directory.Delete(_tools, recursive: true);
    }

    private string[] Chaos(string experiment) =>
    [
        "drill", "chaos", "--experiment", experiment, "--stack", "staging", "--commit", ReleaseFixtures.Commit, "--rc", "v1.4.0-rc.2",
        "--image", ReleaseFixtures.Api.ToString(), "--image", ReleaseFixtures.Worker.ToString(), "--project-dir", _ws.Project,
    ];

    // Stands in for kubectl: records each call's arguments and standard input, answers with the exit code.
    private string FakeKubectl(int exitCode)
    {
        var path = Path.Combine(_tools, "kubectl");
        File.WriteAllText(path, $"""
            #!/bin/sh
            echo "$*" >> '{_tools}/calls'
            n=$(wc -l < '{_tools}/calls')
            cat > "{_tools}/stdin-$n"
            exit {exitCode}
            """ + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
