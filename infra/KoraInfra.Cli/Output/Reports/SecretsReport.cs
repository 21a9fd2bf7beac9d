namespace KoraInfra.Cli.Output.Reports;

/// <summary>
/// <c>kora secrets --json</c>: the stack's secrets as the program declares them, the vault's
/// grants, and the compromised credentials still pending. When the stack file is invalid only
/// <see cref="Problems"/> (or <see cref="Error"/>) is filled and the plan's fields are null or empty.
/// </summary>
/// <param name="Stack">The stack asked for.</param>
/// <param name="File">Its stack file.</param>
/// <param name="Passed">No problem and no compromised credential pending (exit code 0).</param>
/// <param name="Problems">The stack file's problems.</param>
/// <param name="Error">A plan that cannot be made from valid settings (an invalid emergency rotation); otherwise null.</param>
/// <param name="Vault">The vault, or null when there is no plan.</param>
/// <param name="PlannedAt">The moment planned at (UTC, ISO 8601), or null.</param>
/// <param name="Secrets">Each catalogue secret.</param>
/// <param name="VaultGrants">Role assignments at the vault's scope (the administrative groups).</param>
/// <param name="SecretScopedGrants">How many per-secret assignments the workload identities get.</param>
/// <param name="PendingCompromisedCredentials">Credentials reported compromised and not rotated since.</param>
/// <param name="EvidenceOut">The file the evidence part was written to (<c>--evidence-out</c>), or null.</param>
internal sealed record SecretsReport(
    string Stack,
    string File,
    bool Passed,
    IReadOnlyList<SettingsProblemReport> Problems,
    string? Error,
    VaultReport? Vault,
    string? PlannedAt,
    IReadOnlyList<SecretReport> Secrets,
    IReadOnlyList<VaultGrantReport> VaultGrants,
    int SecretScopedGrants,
    IReadOnlyList<PendingCredentialReport> PendingCompromisedCredentials,
    string? EvidenceOut);

/// <summary>The stack's vault.</summary>
/// <param name="Name">The Key Vault name.</param>
/// <param name="Uri">Its data-plane address.</param>
internal sealed record VaultReport(string Name, string Uri);

/// <summary>One secret of the catalogue at the planned moment.</summary>
/// <param name="Name">The Key Vault secret name.</param>
/// <param name="Owner">The service the credential belongs to.</param>
/// <param name="RotationDays">Its rotation period in days; null when never rotated on schedule.</param>
/// <param name="Window">The current rotation window's id, or null.</param>
/// <param name="ExpiresAt">When the value expires (UTC, ISO 8601).</param>
/// <param name="Production">generated, issued-by-azure or operator-provided.</param>
/// <param name="Readers">The workloads that may read it (empty: the administrative groups only).</param>
internal sealed record SecretReport(string Name, string Owner, int? RotationDays, string? Window, string ExpiresAt, string Production, IReadOnlyList<string> Readers);

/// <summary>A role assignment at the vault's scope.</summary>
/// <param name="Grantee">Who is granted.</param>
/// <param name="GroupObjectId">The Entra group's object id, or null for a workload identity.</param>
/// <param name="Role">The role's display name.</param>
internal sealed record VaultGrantReport(string Grantee, string? GroupObjectId, string Role);

/// <summary>A credential reported compromised and not rotated since.</summary>
/// <param name="Name">The secret.</param>
/// <param name="ReportedAt">When it was reported (UTC, ISO 8601).</param>
/// <param name="Description">The plain output's line for it.</param>
internal sealed record PendingCredentialReport(string Name, string ReportedAt, string Description);
