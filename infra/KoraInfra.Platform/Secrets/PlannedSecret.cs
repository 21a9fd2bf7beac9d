namespace KoraInfra.Platform.Secrets;

/// <summary>A catalogue secret as one deployment declares it at one moment.</summary>
/// <param name="Definition">The catalogue entry.</param>
/// <param name="Window">The current rotation window; null for a secret never rotated on schedule.</param>
/// <param name="ExpiryWindow">The window the secret's expiry closes: the rotation window, or for a
/// secret never rotated on schedule a review window of the seed's maximum (90 days), renewed with
/// the same value at each <c>up</c>: the exception stays visible and re-attested, and no secret of
/// the vault is without an expiry (policy KORA-014).</param>
/// <param name="Keepers">The <c>Pulumi.Random</c> keepers of a generated value: when any changes, the
/// next <c>up</c> generates a new value and every consumer receives it in that same <c>up</c>.</param>
/// <param name="LastRotation">The latest moment the settings prove the value was replaced at or
/// after; null when nothing proves a rotation (evidence for the compromised-credential block).</param>
public sealed record PlannedSecret(
    SecretDefinition Definition,
    RotationWindow? Window,
    RotationWindow ExpiryWindow,
    IReadOnlyDictionary<string, string> Keepers,
    DateTimeOffset? LastRotation)
{
    /// <summary>The secret's name.</summary>
    public string Name => Definition.Name;

    /// <summary>When the value expires: the end of its expiry window.</summary>
    public DateTimeOffset ExpiresAt => ExpiryWindow.End;

    /// <summary>The expiry as Key Vault's <c>exp</c> attribute (Unix seconds).</summary>
    public long ExpiresUnixSeconds => ExpiryWindow.ExpiresUnixSeconds;

    /// <summary>Whether the program writes the value to the vault (generated or issued by Azure).</summary>
    public bool WrittenByProgram => Definition.Production != SecretProduction.ProvidedByOperator;
}
