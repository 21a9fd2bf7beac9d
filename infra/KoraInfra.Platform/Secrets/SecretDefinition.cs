namespace KoraInfra.Platform.Secrets;

/// <summary>One entry of the secret catalogue.</summary>
/// <param name="Name">The Key Vault secret name (1-127 letters, digits or hyphens).</param>
/// <param name="OwnerService">The service the credential belongs to (who issues or accepts it).</param>
/// <param name="Purpose">What the secret is for, in one line.</param>
/// <param name="Readers">The workloads allowed to read it: its scope. Empty for a break-glass
/// credential that only the administrative groups may read.</param>
/// <param name="Rotation">How often it is replaced.</param>
/// <param name="Production">Where its value comes from.</param>
/// <param name="ContentType">The Key Vault content type, so a reader knows what the value is.</param>
public sealed record SecretDefinition(
    string Name,
    string OwnerService,
    string Purpose,
    IReadOnlyList<Workload> Readers,
    RotationPolicy Rotation,
    SecretProduction Production,
    string ContentType)
{
    /// <summary>The length of a generated value; ignored for other productions.</summary>
    public int GeneratedLength { get; init; } = 32;

    /// <summary>
    /// The logical name the value's generator had at the stack's root before the vault existed;
    /// the program declares it as an alias so the value is kept, not regenerated.
    /// </summary>
    public string? FormerGeneratorName { get; init; }

    /// <summary>
    /// The fewest upper-case letters, lower-case letters and digits a generated value has. Passwords
    /// need at least one of each: Azure Database for PostgreSQL refuses a password with fewer
    /// than three character classes. Keys (the n8n encryption key) need none.
    /// </summary>
    public int MinimumOfEachCharacterClass => ContentType == SecretCatalogue.PasswordContentType ? 1 : 0;
}
