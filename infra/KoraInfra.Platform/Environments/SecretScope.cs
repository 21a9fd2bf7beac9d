namespace KoraInfra.Platform.Environments;

/// <summary>
/// How an environment's secrets are held (seed section 5: "vault/secret manager por ambiente").
/// </summary>
/// <param name="OwnVault">The environment has a vault of its own; no vault is shared.</param>
/// <param name="PurgeProtection">Deleted secrets cannot be purged before their retention ends.</param>
/// <param name="MayReadOtherEnvironments">Whether the stack may reference another environment's
/// vault or database. False everywhere: dev must never see a prod secret.</param>
public sealed record SecretScope(bool OwnVault, bool PurgeProtection, bool MayReadOtherEnvironments);
