using KoraInfra.Platform.Database;
using Pulumi;

namespace KoraInfra.Components.Database;

/// <summary>What <see cref="TenantDatabase"/> needs: Platform's plan and where the cluster and group are.</summary>
public sealed class TenantDatabaseArgs
{
    /// <summary>The stack's tenant database plan.</summary>
    public required TenantDatabasePlan Plan { get; init; }

    /// <summary>The stack's resource group.</summary>
    public required Output<string> ResourceGroupName { get; init; }

    /// <summary>The explicit Kubernetes provider (every Kubernetes resource uses it).</summary>
    public required Pulumi.Kubernetes.Provider KubernetesProvider { get; init; }

    /// <summary>The administrator password, from the environment's vault (postgres-admin-password).</summary>
    public required Output<string> AdministratorPassword { get; init; }

    /// <summary>The namespace the migration Job runs in.</summary>
    public required Output<string> Namespace { get; init; }

    /// <summary>Each password-based login's planned slot and version (Platform's <c>LoginRotationPlan</c>).</summary>
    public IReadOnlyList<KoraInfra.Platform.Database.Logins.LoginRotation> LoginRotations { get; init; } = [];

    /// <summary>
    /// Further migration sets of the kora database (the responder's db/responder), each run in
    /// order after the tenant migrations and before the logins are rotated, so the slots they
    /// create exist when the rotation sets their passwords.
    /// </summary>
    public IReadOnlyList<MigrationJobPlan> FollowingMigrations { get; init; } = [];

    /// <summary>The vault's current value of each login's secret, by secret name (secret outputs).</summary>
    public IReadOnlyDictionary<string, Output<string>> LoginPasswords { get; init; } = new Dictionary<string, Output<string>>();
}
