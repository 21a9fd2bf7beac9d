using System.Globalization;

namespace KoraInfra.Platform.Release.Gates;

/// <summary>
/// "credencial comprometida bloqueia promocao de release ate substituicao comprovada" (seed 5),
/// for the stack being promoted into. The gate reads the secrets capability's own record every
/// time; credentials the evidence names are added to it, never the other way round, so evidence
/// that omits a reported credential changes nothing.
/// </summary>
public static class CompromisedCredentialCondition
{
    /// <summary>The condition's id.</summary>
    public const string Id = "no-compromised-credential-pending";

    /// <summary>Judges the stack's pending credentials.</summary>
    public static GateCondition Evaluate(string stack, PromotionEvidence evidence, ICompromisedCredentialSource credentials)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(credentials);
        const string Requirement = "credencial comprometida bloqueia promocao de release ate substituicao comprovada";
        IReadOnlyList<PendingCompromisedCredential> recorded;
        try
        {
            recorded = credentials.Pending(stack);
        }
#pragma warning disable CA1031 // Whatever stops the record from being read, nothing is proven replaced: the gate fails closed.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new GateCondition(Id, Requirement, false, $"a readable compromised-credential record for {stack}: {ex.Message}");
        }

        var pending = recorded.Concat(evidence.PendingCompromisedCredentials).DistinctBy(c => c.Name, StringComparer.Ordinal).ToList();
        return new GateCondition(
            Id,
            Requirement,
            pending.Count == 0,
            pending.Count == 0
                ? null
                : "proof of replacement of " + string.Join(", ", pending.Select(p => $"'{p.Name}' (reported {p.ReportedAt.ToString("u", CultureInfo.InvariantCulture)})")));
    }
}
