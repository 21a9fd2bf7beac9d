using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Secrets;

/// <summary>
/// The seed's "credencial comprometida bloqueia promocao de release ate substituicao comprovada":
/// a reported credential stays pending until the plan proves a rotation strictly after the report.
/// The result is the release gates' <see cref="PendingCompromisedCredential"/>, the seam between
/// the two capabilities.
/// </summary>
public static class CompromisedCredentialCheck
{
    /// <summary>
    /// The credentials of a stack still pending at the clock's time: what the release promotion
    /// check consumes for every environment.
    /// </summary>
    /// <exception cref="InvalidEmergencyRotationException">An emergency rotation is dated after the clock's time.</exception>
    public static IReadOnlyList<PendingCompromisedCredential> PendingFor(StackSettings settings, TimeProvider clock) =>
        SecretsPlan.For(settings, clock).PendingCompromisedCredentials;

    /// <summary>
    /// The credentials still pending, one per name (the latest report of a name counts: a rotation
    /// after it is also after every earlier one), in report order.
    /// </summary>
    public static IReadOnlyList<PendingCompromisedCredential> Pending(IReadOnlyList<CompromisedCredentialReport> reports, IReadOnlyList<PlannedSecret> secrets)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(secrets);
        var byName = secrets.ToDictionary(s => s.Name, StringComparer.Ordinal);
        return reports
            .GroupBy(r => r.Name, StringComparer.Ordinal)
            .Select(g => new PendingCompromisedCredential(g.Key, g.Max(r => r.ReportedAt)))
            .Where(p => !byName.TryGetValue(p.Name, out var secret) || secret.LastRotation is not { } rotated || rotated <= p.ReportedAt)
            .OrderBy(p => p.ReportedAt)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Whether a pending credential stops the program itself: prod serves real tenant data, so it
    /// is never deployed while a known-compromised credential is in place. Other environments are
    /// blocked at promotion, and their own <c>up</c> is how the rotation is applied.
    /// </summary>
    public static bool BlocksDeploy(EnvironmentProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.Name == EnvironmentName.Prod;
    }

    /// <summary>The promotion check's verdict for any environment: null when nothing is pending.</summary>
    public static string? Failure(IReadOnlyList<PendingCompromisedCredential> pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        return pending.Count == 0
            ? null
            : $"release promotion blocked: {string.Join("; ", pending.Select(Describe))}; rotate it (kora-infra:emergencyRotations, a requestedAt after the report) and deploy";
    }

    /// <summary>One line for a report: which credential, reported when, not rotated since.</summary>
    public static string Describe(PendingCompromisedCredential pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        return $"credential '{pending.Name}' reported compromised at {SecretRotation.Iso(pending.ReportedAt)} has not been rotated since";
    }
}
