using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Verification;
using KoraInfra.Platform.Verification.FaultInjection;
using KoraInfra.TestSupport;
using static KoraInfra.TestCases.ReleaseFixtures;

namespace KoraInfra.Platform.Tests.Verification.FaultInjection;

/// <summary>A real Prometheus, fed synthetic health series, for every test of this collection.</summary>
public sealed class SyntheticPrometheus : IDisposable
{
    public ThrowawayPrometheus Server { get; } = new(SteadyStateSeries.OpenMetrics());

    public void Dispose() => Server.Dispose();
}

/// <summary>
/// The steady-state hypotheses evaluated by a real Prometheus over synthetic series: steady before,
/// violated during, recovered after passes; not recovered fails naming the hypothesis; the drill's
/// record signs, verifies and is counted by the RC gate's fault-injection condition.
/// </summary>
public sealed class SteadyStatePrometheusTests(SyntheticPrometheus prometheus) : IClassFixture<SyntheticPrometheus>, IDisposable
{
    private static readonly IReadOnlyList<SteadyStateHypothesis> Hypotheses = SteadyStateHypotheses.For(FaultExperimentsTests.Settings("staging").Monitoring);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private PrometheusHttpQuery Query => new(prometheus.Server.Url, _http);

    [Fact]
    public async Task Readings_come_from_the_worst_tenant_and_break_only_while_the_health_is_broken()
    {
        var steady = await SteadyStateProbe.ReadAsync(Hypotheses, Query, SteadyStateSeries.Recovers.AddMinutes(10), CancellationToken.None);
        var broken = await SteadyStateProbe.ReadAsync(Hypotheses, Query, SteadyStateSeries.Recovers.AddMinutes(25), CancellationToken.None);

        Assert.Equal([5, 40, 0.01], steady.Select(r => r.Value));
        Assert.All(steady, r => Assert.True(r.Holds, r.Hypothesis.Name));
        Assert.Equal([50, 200, 0.6], broken.Select(r => r.Value));
        Assert.All(broken, r => Assert.False(r.Holds, r.Hypothesis.Name));
    }

    [Fact]
    public async Task A_query_with_no_series_never_holds()
    {
        var nothing = new SteadyStateHypothesis("missing", "max(kora:not_exported:max)", 1, "count", "test");

        var reading = Assert.Single(await SteadyStateProbe.ReadAsync([nothing], Query, SteadyStateSeries.Recovers.AddMinutes(10), CancellationToken.None));

        Assert.Null(reading.Value);
        Assert.False(reading.Holds);
    }

    [Fact]
    public async Task Steady_before_violated_during_recovered_after_passes()
    {
        var start = SteadyStateSeries.Recovers;
        var observed = await Observe(start, recoveredBy: 35);

        var (measurements, passed, reasons) = SteadyStateJudgement.Judge(PodKill(), observed);

        Assert.True(passed, string.Join("; ", reasons));
        Assert.Equal(0.6, measurements.Single(m => m.Name == "redis_fallback_rate.during_max").Value);
        Assert.Equal(0.01, measurements.Single(m => m.Name == "redis_fallback_rate.after").Value);
        Assert.Equal(300, measurements.Single(m => m.Name == SteadyStateJudgement.Recovery).Value);
        Assert.Contains(reasons, r => r.StartsWith("during the fault redis_fallback_rate reached 0.6", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Not_recovered_fails_naming_the_hypothesis_that_stayed_broken()
    {
        var observed = await Observe(SteadyStateSeries.StaysBroken, recoveredBy: 45);

        var (_, passed, reasons) = SteadyStateJudgement.Judge(PodKill(), observed);

        Assert.False(passed);
        var reason = Assert.Single(reasons);
        Assert.Contains("the steady state did not return within 20 min of the fault's end: redis_fallback_rate = 0.6", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("replay_backlog =", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_drill_passes_signs_a_record_that_verifies_and_the_rc_gate_counts_it()
    {
        var injector = new RecordingInjector();
        var clock = new FastClock(SteadyStateSeries.Recovers.AddMinutes(15), speed: 600);

        var outcome = await ChaosDrill.RunAsync(Request(), PodKill(), injector, Query, clock, CancellationToken.None);

        var record = outcome.Record;
        Assert.True(record.Passed, string.Join("; ", record.Reasons));
        Assert.False(outcome.PrometheusLost);
        Assert.Equal(["start", "stop"], injector.Calls);
        Assert.Equal(VerificationKind.FaultInjection, record.Kind);
        Assert.Contains(record.Measurements, m => m.Name == "replay_backlog.during_max" && m.Value == 50);
        var recovery = record.Measured(SteadyStateJudgement.Recovery)!;
        Assert.InRange(recovery.Value, 0, 20 * 60);
        var verified = EvidenceVerifier.Verify("fault-injection.dsse.json", EvidenceSigner.Sign(record, RecordKey), RecordKey);
        Assert.True(verified.IsValid, verified.Refusal);
        Assert.Equal("n8n-worker-pod-kill", verified.Record!.Experiment);

        // The drill's record stands for its own experiment; staging's other one is still wanted.
        var records = Offered(Record(VerificationKind.Load), Record(VerificationKind.Soak), Record(VerificationKind.FaultInjection, experiment: "redis-partition"));
        var report = RcPromotionGate.Evaluate(Rc(), Context(records: records with { Records = [.. records.Records, verified] }));
        Assert.True(report.Passed, string.Join(Environment.NewLine, report.Failures));
        var alone = RcPromotionGate.Evaluate(Rc(), Context(records: records with { Records = [.. records.Records.SkipLast(1), verified] }));
        Assert.Contains("experiment 'redis-partition'", Assert.Single(alone.Failures).Missing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_drill_that_does_not_recover_fails_and_the_rc_gate_names_it()
    {
        var injector = new RecordingInjector();
        var clock = new FastClock(SteadyStateSeries.StaysBroken.AddMinutes(15), speed: 600);

        var record = (await ChaosDrill.RunAsync(Request(), PodKill(), injector, Query, clock, CancellationToken.None)).Record;

        Assert.False(record.Passed);
        Assert.Equal(["start", "stop"], injector.Calls);
        Assert.Contains(record.Reasons, r => r.Contains("did not return within 20 min of the fault's end: redis_fallback_rate", StringComparison.Ordinal));
        var records = Offered(Record(VerificationKind.Load), Record(VerificationKind.Soak), record);
        var failure = Assert.Single(RcPromotionGate.Evaluate(Rc(), Context(records: records)).Failures);
        Assert.Equal("fault-injection-approved", failure.Id);
        Assert.Contains("redis_fallback_rate", failure.Missing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fault_is_never_started_when_the_steady_state_does_not_hold_before()
    {
        var injector = new RecordingInjector();
        var clock = new FastClock(SteadyStateSeries.StaysBroken.AddMinutes(40), speed: 600);

        var record = (await ChaosDrill.RunAsync(Request(), PodKill(), injector, Query, clock, CancellationToken.None)).Record;

        Assert.False(record.Passed);
        Assert.Empty(injector.Calls);
        Assert.Contains(record.Reasons, r => r.Contains("not steady before the fault, so it was not started: redis_fallback_rate = 0.6", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fault_that_fails_to_start_is_still_deleted_and_the_record_says_why()
    {
        var injector = new RecordingInjector { FailStart = true };
        var clock = new FastClock(SteadyStateSeries.Recovers.AddMinutes(15), speed: 600);

        var record = (await ChaosDrill.RunAsync(Request(), PodKill(), injector, Query, clock, CancellationToken.None)).Record;

        Assert.False(record.Passed);
        Assert.Equal(["start", "stop"], injector.Calls);
        Assert.Contains(record.Reasons, r => r.Contains("the fault could not be started: kubectl apply failed (exit 1): admission webhook denied", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cancelled_drill_still_deletes_the_fault()
    {
        var injector = new RecordingInjector();
        var clock = new FastClock(SteadyStateSeries.Recovers.AddMinutes(15), speed: 600);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ChaosDrill.RunAsync(Request(), PodKill(), injector, Query, clock, cancel.Token));

        Assert.Equal(["start", "stop"], injector.Calls);
    }

    [Fact]
    public async Task An_unreachable_prometheus_is_named_and_nothing_is_started()
    {
        var injector = new RecordingInjector();
        var nowhere = new PrometheusHttpQuery(new Uri($"http://127.0.0.1:{ThrowawayPrometheus.FreePort()}"), _http);

        var error = await Assert.ThrowsAsync<PrometheusUnavailableException>(() => ChaosDrill.RunAsync(Request(), PodKill(), injector, nowhere, TimeProvider.System, CancellationToken.None));

        Assert.StartsWith("Prometheus at http://127.0.0.1:", error.Message, StringComparison.Ordinal);
        Assert.Contains("is unreachable", error.Message, StringComparison.Ordinal);
        Assert.False(error.NotPrometheus);
        Assert.Empty(injector.Calls);
    }

    public void Dispose() => _http.Dispose();

    private static ChaosDrillRequest Request() =>
        new("staging", Commit, Rc().Version!, Rc().Images, Hypotheses, TimeSpan.FromSeconds(30), ChaosDrillRequest.DefaultRecoveryTimeout);

    private static FaultExperiment PodKill() =>
        FaultExperiments.Decide(FaultExperimentsTests.Settings("staging"), FaultExperimentKind.N8nWorkerPodKill, new(TimeSpan.FromMinutes(10), "test")).Experiment!;

    // Before at minute 15, during 16..25, fault ends at 25, after every 30 s until minute recoveredBy.
    private async Task<SteadyStateObservations> Observe(DateTimeOffset start, int recoveredBy)
    {
        async Task<List<HypothesisReading>> Read(IEnumerable<double> minutes)
        {
            var readings = new List<HypothesisReading>();
            foreach (var minute in minutes)
            {
                readings.AddRange(await SteadyStateProbe.ReadAsync(Hypotheses, Query, start.AddMinutes(minute), CancellationToken.None));
            }

            return readings;
        }

        var before = await Read([15]);
        var during = await Read(Enumerable.Range(16, 10).Select(m => (double)m));
        var after = await Read(Enumerable.Range(0, ((recoveredBy - 25) * 2) + 1).Select(i => 25 + (i / 2.0)));
        return new SteadyStateObservations(before, during, after, start.AddMinutes(25), ChaosDrillRequest.DefaultRecoveryTimeout, []);
    }

    private sealed class RecordingInjector : IFaultInjector
    {
        public List<string> Calls { get; } = [];

        public bool FailStart { get; init; }

        public string Name => "chaos-mesh";

        public Task CheckAvailableAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartAsync(FaultExperiment experiment, CancellationToken cancellationToken)
        {
            Calls.Add("start");
            return FailStart ? throw new FaultInjectorException("kubectl apply failed (exit 1): admission webhook denied the request") : Task.CompletedTask;
        }

        public Task StopAsync(FaultExperiment experiment)
        {
            Calls.Add("stop");
            return Task.CompletedTask;
        }
    }
}
