using System.Globalization;
using KoraInfra.Platform.Database;

namespace KoraInfra.Platform.Verification.Restore;

/// <summary>
/// The restore drill (risk R-DO-003: "restore recorrente em staging com RPO/RTO e relatorio
/// auditavel"): restore to a point in time, verify the copy as <c>kora db verify</c> does, compare
/// its schema and rows per tenant with the source, measure RTO (start → restored server verified)
/// and RPO (restore point → the newest heartbeat the copy holds), tear down, and say what it saw.
/// </summary>
public static class RestoreDrill
{
    /// <summary>Runs the drill with a driver and returns the (unsigned) record.</summary>
    public static async Task<EvidenceRecord> RunAsync(RestoreDrillRequest request, IRestoreDriver driver, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(time);
        var started = time.GetUtcNow();
        var reasons = new List<string>();
        var measurements = new List<Measurement>();
        try
        {
            await driver.PrepareAsync(cancellationToken).ConfigureAwait(false);
            var source = await DatabaseSnapshot.ReadAsync(request.SourceConnection, cancellationToken).ConfigureAwait(false);
            var target = time.GetUtcNow();
            var restored = await driver.RestoreAsync(target, cancellationToken).ConfigureAwait(false);

            var findings = await RlsVerifier.VerifyAsync(restored, cancellationToken: cancellationToken).ConfigureAwait(false);
            reasons.AddRange(findings.Select(f => "kora db verify on the restored server: " + f));
            var copy = await DatabaseSnapshot.ReadAsync(restored, cancellationToken).ConfigureAwait(false);
            var differences = source.Differences(copy);
            reasons.AddRange(differences.Select(d => "restored copy differs: " + d));
            var newest = await Heartbeat.NewestAsync(restored, null, cancellationToken).ConfigureAwait(false);
            var verified = time.GetUtcNow();

            var rto = verified - started;
            measurements.Add(new Measurement(RestoreDrillJudgement.Rto, Math.Round(rto.TotalSeconds, 3), "s", request.Targets.Rto.TotalSeconds));
            if (newest is { } beat)
            {
                var rpo = target - beat;
                measurements.Add(new Measurement(RestoreDrillJudgement.Rpo, Math.Round(Math.Max(0, rpo.TotalSeconds), 3), "s", request.Targets.Rpo.TotalSeconds));
            }
            else
            {
                reasons.Add("the restored server holds no heartbeat row, so no data-loss window can be measured");
            }

            measurements.Add(new Measurement("rls-findings", findings.Count, "count", 0));
            measurements.Add(new Measurement("restored-differences", differences.Count, "count", 0));
            measurements.Add(new Measurement("tenant-tables-rows", copy.RowsPerTenant.Values.Sum(), "count"));
            reasons.AddRange(measurements.Where(m => !m.WithinLimit && m.Unit == "s")
                .Select(m => string.Create(CultureInfo.InvariantCulture, $"measured {m.Name} {m.Value:0.###} s exceeds the target {m.Maximum:0.###} s")));
            reasons.Add($"schema fingerprint {copy.SchemaFingerprint}");
        }
#pragma warning disable CA1031 // A drill that breaks is a failed drill, recorded with why; never a missing record.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            reasons.Add($"the drill did not complete: {ex.Message}");
        }
        finally
        {
            try
            {
                await driver.TeardownAsync().ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A throwaway server left behind fails the drill, named in the record.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                reasons.Add($"teardown failed: {ex.Message}");
            }
        }

        var failures = reasons.Where(r => !r.StartsWith("schema fingerprint ", StringComparison.Ordinal)).ToList();
        return new EvidenceRecord
        {
            Kind = VerificationKind.RestoreDrill,
            Stack = request.Stack,
            Commit = request.Commit,
            ReleaseCandidate = request.ReleaseCandidate,
            Images = request.Images,
            StartedAt = started,
            FinishedAt = time.GetUtcNow(),
            Measurements = measurements,
            Passed = failures.Count == 0 && measurements.Any(m => m.Name == RestoreDrillJudgement.Rpo),
            Reasons = failures.Count == 0 ? reasons : failures,
            Driver = driver.Name,
        };
    }
}
