using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Secrets;

/// <summary>
/// Least privilege (seed section 5: "escopo minimo por servico"; "acesso por papel e aprovacao"):
/// each workload reads exactly the secrets the catalogue lists it as a reader of, each grant
/// scoped to that one secret; the DevOps and security groups administer the vault; nobody else
/// holds a role on it.
/// </summary>
public static class AccessPlan
{
    /// <summary>Every role assignment on the vault and its secrets.</summary>
    public static IReadOnlyList<RoleGrant> For(SecretCatalogue catalogue, AccessGroups groups)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(groups);
        var grants = new List<RoleGrant>
        {
            // DevOps runs `pulumi up`: the stack's secrets key (encrypt/decrypt) and break-glass
            // reads need the administrator role.
            new(Grantee.Group("devops", groups.DevopsGroupObjectId), KeyVaultRole.Administrator, null),

            // Security replaces operator-provided and compromised secrets, and nothing on keys.
            new(Grantee.Group("security", groups.SecurityGroupObjectId), KeyVaultRole.SecretsOfficer, null),
        };
        foreach (var workload in WorkloadNames.All)
        {
            grants.AddRange(catalogue.Entries
                .Where(e => e.Readers.Contains(workload))
                .Select(e => new RoleGrant(Grantee.For(workload), KeyVaultRole.SecretsUser, e.Name)));
        }

        return grants;
    }
}
