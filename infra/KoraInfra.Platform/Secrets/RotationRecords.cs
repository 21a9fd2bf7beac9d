using KoraInfra.Platform.Database.Logins;
using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Secrets.RedisKeys;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Secrets;

/// <summary>
/// The proof of rotation: what one successful <c>up</c> applied (every value the program writes,
/// with its version and where it is checked), and the seed's "substituicao comprovada" read back
/// from those records.
/// </summary>
public static class RotationRecords
{
    /// <summary>
    /// The records of a successful <c>up</c> at <paramref name="now"/>: each secret the program
    /// generates, at the version the plan gave it, applied to the vault (and, for a database login, to
    /// its slot on the server: the rotation Job completed, or the <c>up</c> would have failed). A
    /// version already recorded keeps its first time: running again is not a new rotation.
    /// </summary>
    public static IReadOnlyList<CredentialRotationRecord> ForUp(SecretsPlan plan, StackSettings settings, string databaseServer, IReadOnlyList<CredentialRotationRecord> earlier, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(earlier);
        var logins = LoginRotationPlan.For(plan, settings).ToDictionary(l => l.Login.Secret, StringComparer.Ordinal);
        return plan.Secrets
            // Only a value the program generates is replaced by its up; an Azure-issued or
            // operator-provided one is whatever the service or the operator last set.
            .Where(s => s.Definition.Production == SecretProduction.GeneratedByPulumi)
            .Select(s =>
            {
                var version = Version(s);
                var where = logins.TryGetValue(s.Name, out var login)
                    ? $"{plan.Vault.Name} and {databaseServer} {login.CurrentSlot}"
                    : plan.Vault.Name;
                var first = earlier.Where(r => r.Secret == s.Name && r.Version == version).Select(r => (DateTimeOffset?)r.AppliedAt).Min();
                return new CredentialRotationRecord(s.Name, version, where, first ?? now, login is null ? null : (first ?? now) + LoginRotationPlan.Overlap);
            })
            .Concat(RedisKeyRecord(plan, settings, earlier, now))
            .ToList();
    }

    // The Azure cache's key: the run regenerated the key this version moves consumers to before
    // the up, and the up wrote it to the vault; the previous key works until the overlap ends.
    // A plain method, not an iterator with a pattern variable: mutation testing must be able to
    // change each step here and still compile (docs/testing.md).
    private static IReadOnlyList<CredentialRotationRecord> RedisKeyRecord(SecretsPlan plan, StackSettings settings, IReadOnlyList<CredentialRotationRecord> earlier, DateTimeOffset now)
    {
        var redis = RedisKeyRotationPlan.For(plan, settings);
        if (redis is null)
        {
            return [];
        }

        var first = earlier.Where(r => r.Secret == SecretCatalogue.RedisAccessKey && r.Version == redis.RecordVersion).Select(r => (DateTimeOffset?)r.AppliedAt).Min() ?? now;
        return [new CredentialRotationRecord(SecretCatalogue.RedisAccessKey, redis.RecordVersion, redis.AppliedTo, first, first + RedisKeyRotationPlan.Overlap)];
    }

    /// <summary>Every rotation record of <paramref name="stack"/> in a verified deploy audit log, oldest first.</summary>
    public static IReadOnlyList<CredentialRotationRecord> Of(IEnumerable<DeployAuditEntry> entries, string stack)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return entries.Where(e => e.Stack == stack && e.Action == DeployAction.Rotate && e.Result == DeployResult.Admitted)
            .SelectMany(e => e.Rotations ?? [])
            .ToList();
    }

    /// <summary>A secret's version: the generator keepers that make its value, or the emergency entry for a value set by hand.</summary>
    public static string Version(PlannedSecret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return secret.Keepers.Count == 0 ? "unrotated" : string.Join(';', secret.Keepers.Select(k => $"{k.Key}={k.Value}"));
    }

    /// <summary>
    /// The reported credentials with no rotation record strictly newer than their (latest) report:
    /// only a replacement applied after the report is "substituicao comprovada"; a request in the
    /// stack file, or a value applied before the report, is not.
    /// </summary>
    public static IReadOnlyList<PendingCompromisedCredential> Pending(IReadOnlyList<CompromisedCredentialReport> reports, IReadOnlyList<CredentialRotationRecord> records)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(records);
        return reports
            .GroupBy(r => r.Name, StringComparer.Ordinal)
            .Select(g => new PendingCompromisedCredential(g.Key, g.Max(r => r.ReportedAt)))
            .Where(p => !records.Any(r => r.Secret == p.Name && r.AppliedAt > p.ReportedAt))
            .OrderBy(p => p.ReportedAt)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
    }
}
