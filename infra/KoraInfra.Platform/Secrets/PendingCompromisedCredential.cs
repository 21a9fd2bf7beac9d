namespace KoraInfra.Platform.Secrets;

/// <summary>
/// A credential reported compromised and not yet rotated after the report: the seed's
/// "credencial comprometida bloqueia promocao de release ate substituicao comprovada". The
/// release capability's promotion check fails while any of these exists.
/// </summary>
/// <param name="Name">The catalogue name of the credential (the Key Vault secret name).</param>
/// <param name="ReportedAt">When it was reported compromised.</param>
public sealed record PendingCompromisedCredential(string Name, DateTimeOffset ReportedAt)
{
    /// <summary>One line for a report.</summary>
    public override string ToString() =>
        $"credential '{Name}' reported compromised at {ReportedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} has not been rotated since";
}
