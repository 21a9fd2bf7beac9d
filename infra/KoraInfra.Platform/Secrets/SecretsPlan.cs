using KoraInfra.Platform.Naming;
using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Secrets;

/// <summary>
/// Everything the secrets capability declares for one stack at one moment: the hardened vault,
/// the stack secrets key, every secret with its keepers and expiry, the workload identities, the
/// role assignments, and the compromised credentials still pending.
/// </summary>
/// <param name="Vault">The vault.</param>
/// <param name="StackKey">The stack secrets key and its rotation policy.</param>
/// <param name="Catalogue">The stack's secret catalogue.</param>
/// <param name="Secrets">Every catalogue secret, planned at <paramref name="PlannedAt"/>.</param>
/// <param name="Identities">One managed identity per workload.</param>
/// <param name="Grants">Every role assignment, and nothing more.</param>
/// <param name="PendingCompromisedCredentials">Credentials reported compromised and not rotated since.</param>
/// <param name="PlannedAt">The clock's reading the plan was made at.</param>
public sealed record SecretsPlan(
    VaultPlan Vault,
    KeyRotationPlan StackKey,
    SecretCatalogue Catalogue,
    IReadOnlyList<PlannedSecret> Secrets,
    IReadOnlyList<WorkloadIdentityPlan> Identities,
    IReadOnlyList<RoleGrant> Grants,
    IReadOnlyList<PendingCompromisedCredential> PendingCompromisedCredentials,
    DateTimeOffset PlannedAt)
{
    /// <summary>Plans the secrets of a stack with the given clock.</summary>
    public static SecretsPlan For(StackSettings settings, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        var names = settings.Names;
        var vault = VaultPlan.For(settings.Environment, names);
        var catalogue = SecretCatalogue.For(settings.AlertReceivers);
        var secrets = SecretRotation.Plan(catalogue, settings.Secrets.EmergencyRotations, now);
        return new SecretsPlan(
            vault,
            KeyRotationPlan.StackSecrets(vault),
            catalogue,
            secrets,
            WorkloadNames.All.Select(w => new WorkloadIdentityPlan(w, names.Name(ResourceKind.ManagedIdentity, WorkloadNames.Segment(w)), WorkloadNames.IdentityDeclaredByFoundation(w))).ToList(),
            AccessPlan.For(catalogue, settings.Secrets.AccessGroups),
            CompromisedCredentialCheck.Pending(settings.Secrets.CompromisedCredentials, secrets),
            now);
    }

    /// <summary>The address workloads read a secret at (always its latest version).</summary>
    public string SecretUri(string name) => $"{Vault.Uri}secrets/{Secret(name).Name}";

    /// <summary>The planned secret with this name.</summary>
    public PlannedSecret Secret(string name) =>
        Secrets.FirstOrDefault(s => s.Name == name) ?? throw new ArgumentException($"'{name}' is not a secret of the catalogue; expected one of {Catalogue.ExpectedNames}", nameof(name));

    /// <summary>
    /// Throws when this stack must not be deployed: a compromised credential pending in an
    /// environment where that blocks the deploy itself (prod).
    /// </summary>
    /// <exception cref="CompromisedCredentialException">A credential is pending and the environment blocks.</exception>
    public void EnsureDeployable(StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (PendingCompromisedCredentials.Count > 0 && CompromisedCredentialCheck.BlocksDeploy(settings.Environment))
        {
            throw new CompromisedCredentialException(PendingCompromisedCredentials);
        }
    }
}
