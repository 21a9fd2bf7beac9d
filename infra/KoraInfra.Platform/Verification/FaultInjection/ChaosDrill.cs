namespace KoraInfra.Platform.Verification.FaultInjection;

/// <summary>
/// Runs one experiment: reads the steady state, starts the fault only if it holds, samples it while
/// the fault lasts, ends the fault (always: pass, failure or cancel), waits for the steady state to
/// return, and returns the record of what it saw (unsigned; the caller signs it).
/// </summary>
public static class ChaosDrill
{
    /// <summary>Runs the drill.</summary>
    /// <exception cref="FaultInjectorException">The injector's tool is missing: nothing was read or started.</exception>
    /// <exception cref="PrometheusUnavailableException">Prometheus could not be read before the fault: nothing was started.</exception>
    public static async Task<ChaosDrillOutcome> RunAsync(ChaosDrillRequest request, FaultExperiment experiment, IFaultInjector injector, IPrometheusQuery prometheus, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(injector);
        ArgumentNullException.ThrowIfNull(prometheus);
        ArgumentNullException.ThrowIfNull(time);
        await injector.CheckAvailableAsync(cancellationToken).ConfigureAwait(false);

        var started = time.GetUtcNow();
        var before = await SteadyStateProbe.ReadAsync(request.Hypotheses, prometheus, started, cancellationToken).ConfigureAwait(false);
        var during = new List<HypothesisReading>();
        var after = new List<HypothesisReading>();
        var problems = new List<string>();
        var prometheusLost = false;
        DateTimeOffset? ended = null;
        if (before.All(r => r.Holds))
        {
            var injected = false;
            var removed = false;
            try
            {
                await injector.StartAsync(experiment, cancellationToken).ConfigureAwait(false);
                injected = true;
                var faultStarted = time.GetUtcNow();
                while (time.GetUtcNow() - faultStarted < experiment.Duration)
                {
                    await Task.Delay(request.SampleInterval, time, cancellationToken).ConfigureAwait(false);
                    prometheusLost |= !await SampleAsync(request, prometheus, time, during, problems, "during the fault", cancellationToken).ConfigureAwait(false);
                }
            }
            catch (FaultInjectorException ex)
            {
                problems.Add("the fault could not be started: " + ex.Message);
            }
            finally
            {
                try
                {
                    await injector.StopAsync(experiment).ConfigureAwait(false);
                    removed = true;
                }
                catch (FaultInjectorException ex)
                {
                    problems.Add("the fault could not be ended: " + ex.Message);
                }
            }

            // Recovery is watched only for a fault that really ran and really ended.
            if (injected && removed)
            {
                ended = time.GetUtcNow();
                while (true)
                {
                    if (!await SampleAsync(request, prometheus, time, after, problems, "after the fault", cancellationToken).ConfigureAwait(false))
                    {
                        prometheusLost = true;
                        break;
                    }

                    var last = after.Where(r => r.At == after[^1].At).ToList();
                    if (last.All(r => r.Holds) || time.GetUtcNow() - ended >= request.RecoveryTimeout)
                    {
                        break;
                    }

                    await Task.Delay(request.SampleInterval, time, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        var observed = new SteadyStateObservations(before, during, after, ended, request.RecoveryTimeout, problems.Distinct(StringComparer.Ordinal).ToList());
        var (measurements, passed, reasons) = SteadyStateJudgement.Judge(experiment, observed);
        var record = new EvidenceRecord
        {
            Kind = VerificationKind.FaultInjection,
            Stack = request.Stack,
            Commit = request.Commit,
            ReleaseCandidate = request.ReleaseCandidate,
            Images = request.Images,
            StartedAt = started,
            FinishedAt = time.GetUtcNow(),
            Measurements = measurements,
            Passed = passed,
            Reasons = reasons,
            Driver = injector.Name,
            Experiment = experiment.Name,
        };
        return new ChaosDrillOutcome(record, prometheusLost);
    }

    // One sample of every hypothesis; a lost Prometheus is a problem of the run, not a reading.
    private static async Task<bool> SampleAsync(ChaosDrillRequest request, IPrometheusQuery prometheus, TimeProvider time, List<HypothesisReading> into, List<string> problems, string when, CancellationToken cancellationToken)
    {
        try
        {
            into.AddRange(await SteadyStateProbe.ReadAsync(request.Hypotheses, prometheus, time.GetUtcNow(), cancellationToken).ConfigureAwait(false));
            return true;
        }
        catch (PrometheusUnavailableException ex)
        {
            problems.Add($"Prometheus could not be read {when}: {ex.Message}");
            return false;
        }
    }
}
