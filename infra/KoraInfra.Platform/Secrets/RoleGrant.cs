namespace KoraInfra.Platform.Secrets;

/// <summary>Who receives a role.</summary>
public enum GranteeKind
{
    /// <summary>A workload's user-assigned managed identity (a service principal).</summary>
    WorkloadIdentity,

    /// <summary>An Entra ID group named in the stack settings.</summary>
    Group,
}

/// <summary>A principal that receives a role.</summary>
/// <param name="Name">A short name for resource names and messages (<c>n8n</c>, <c>devops</c>).</param>
/// <param name="Kind">Identity or group.</param>
/// <param name="Workload">The workload, for an identity.</param>
/// <param name="GroupObjectId">The group's object id, for a group.</param>
public sealed record Grantee(string Name, GranteeKind Kind, Workload? Workload, Guid? GroupObjectId)
{
    /// <summary>A workload's identity.</summary>
    public static Grantee For(Workload workload) => new(WorkloadNames.Segment(workload), GranteeKind.WorkloadIdentity, workload, null);

    /// <summary>An Entra ID group.</summary>
    public static Grantee Group(string name, Guid objectId) => new(name, GranteeKind.Group, null, objectId);
}

/// <summary>One role assignment on the vault or on one secret.</summary>
/// <param name="Grantee">Who receives the role.</param>
/// <param name="Role">Which role.</param>
/// <param name="SecretName">The secret the role is scoped to; null for the whole vault.</param>
public sealed record RoleGrant(Grantee Grantee, KeyVaultRole Role, string? SecretName)
{
    /// <summary>Whether the role covers the whole vault.</summary>
    public bool AtVaultScope => SecretName is null;

    /// <summary>A stable logical name for the Pulumi resource (<c>n8n-reads-redis-access-key</c>).</summary>
    public string LogicalName => SecretName is null
        ? $"{Grantee.Name}-{Role.Name.Replace(' ', '-').ToLowerInvariant()}"
        : $"{Grantee.Name}-reads-{SecretName}";
}
