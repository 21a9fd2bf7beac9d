namespace KoraInfra.Platform.Release.Gates;

/// <summary>
/// A credential reported compromised whose replacement is not yet proven ("credencial
/// comprometida bloqueia promocao de release ate substituicao comprovada", seed section 5).
/// The secrets capability computes the list; the prod gate only reads it, so this record is the
/// seam between the two.
/// </summary>
/// <param name="Name">The credential (vault secret name, service principal, key).</param>
/// <param name="ReportedAt">When it was reported compromised.</param>
public sealed record PendingCompromisedCredential(string Name, DateTimeOffset ReportedAt);

/// <summary>Where the gates learn which compromised credentials are still pending for a stack.</summary>
public interface ICompromisedCredentialSource
{
    /// <summary>Credentials reported compromised and not yet proven replaced, for the stack.</summary>
    IReadOnlyList<PendingCompromisedCredential> Pending(string stack);
}
