namespace KoraInfra.Platform.Secrets;

/// <summary>A catalogue secret as one deployment declares it at one moment.</summary>
/// <param name="Definition">The catalogue entry.</param>
/// <param name="Window">The current rotation window; null for a secret never rotated on schedule.</param>
/// <param name="Keepers">The <c>Pulumi.Random</c> keepers of a generated value: when any changes, the
/// next <c>up</c> generates a new value and every consumer receives it in that same <c>up</c>.</param>
/// <param name="LastRotation">The latest moment the settings prove the value was replaced at or
/// after; null when nothing proves a rotation (evidence for the compromised-credential block).</param>
public sealed record PlannedSecret(
    SecretDefinition Definition,
    RotationWindow? Window,
    IReadOnlyDictionary<string, string> Keepers,
    DateTimeOffset? LastRotation)
{
    /// <summary>The secret's name.</summary>
    public string Name => Definition.Name;

    /// <summary>
    /// When the value expires: the end of its window. Null only for a secret excluded from
    /// rotation, which must never be treated as expired.
    /// </summary>
    public DateTimeOffset? ExpiresAt => Window?.End;

    /// <summary>The expiry as Key Vault's <c>exp</c> attribute (Unix seconds), or null.</summary>
    public long? ExpiresUnixSeconds => Window?.ExpiresUnixSeconds;

    /// <summary>Whether the program writes the value to the vault (generated or issued by Azure).</summary>
    public bool WrittenByProgram => Definition.Production != SecretProduction.ProvidedByOperator;
}
