namespace KoraInfra.Platform.Secrets;

/// <summary>
/// The proof that one rotation was applied where the credential is checked: which secret, which
/// version, applied to which login of which server, when, and until when the previous value was
/// still accepted. The database keeps it (<c>kora.credential_rotations</c>) and the pipeline copies it
/// into the deploy audit log; the compromised-credential check accepts it as "substituicao comprovada".
/// </summary>
/// <param name="Secret">The vault secret.</param>
/// <param name="Version">The value's version (the generator's keepers).</param>
/// <param name="AppliedTo">Where: <c>host:port/database login</c>, or the vault and the consumers of its value.</param>
/// <param name="AppliedAt">When the value was first applied there (UTC).</param>
/// <param name="PreviousValidUntil">When the previous value stopped being accepted, where it overlaps.</param>
public sealed record CredentialRotationRecord(string Secret, string Version, string AppliedTo, DateTimeOffset AppliedAt, DateTimeOffset? PreviousValidUntil = null);
