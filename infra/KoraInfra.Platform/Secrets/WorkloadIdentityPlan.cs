namespace KoraInfra.Platform.Secrets;

/// <summary>The user-assigned managed identity a workload runs as.</summary>
/// <param name="Workload">The workload.</param>
/// <param name="ResourceName">The identity's resource name (<c>id-kora-prod-brs-n8n</c>).</param>
/// <param name="DeclaredByFoundation">True when the foundation declares it (the platform runtime's
/// identity); the secrets capability declares the others.</param>
public sealed record WorkloadIdentityPlan(Workload Workload, string ResourceName, bool DeclaredByFoundation);
