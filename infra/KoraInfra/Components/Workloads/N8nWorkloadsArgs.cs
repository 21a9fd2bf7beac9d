using KoraInfra.Platform.Workloads;
using Pulumi;
using K8s = Pulumi.Kubernetes;

namespace KoraInfra.Components.Workloads;

/// <summary>
/// What <see cref="N8nWorkloads"/> needs: Platform's plan, the cluster, and the values other
/// capabilities own (PostgreSQL's host and n8n's password from the database capability, the
/// encryption key from the secrets capability, Redis from <see cref="RedisCache"/> or
/// <see cref="InClusterRedis"/>). Every credential is a secret output.
/// </summary>
public sealed class N8nWorkloadsArgs
{
    /// <summary>n8n, fully decided.</summary>
    public required N8nPlan Plan { get; init; }

    /// <summary>The explicit Kubernetes provider every object uses.</summary>
    public required K8s.Provider Provider { get; init; }

    /// <summary>The workload namespace.</summary>
    public required Output<string> Namespace { get; init; }

    /// <summary>The PostgreSQL server's host name.</summary>
    public required Output<string> DatabaseHost { get; init; }

    /// <summary>The login slot of n8n's database role that holds <see cref="DatabasePassword"/>.</summary>
    public required Output<string> DatabaseUser { get; init; }

    /// <summary>The password of n8n's database role (secret; vault: <c>postgres-n8n-password</c>).</summary>
    public required Output<string> DatabasePassword { get; init; }

    /// <summary>The Redis host name, for an Azure cache (an in-cluster Redis is reached by the name Platform gives it).</summary>
    public required Output<string> RedisHost { get; init; }

    /// <summary>The Redis access key or password (secret; vault: <c>redis-access-key</c>).</summary>
    public required Output<string> RedisPassword { get; init; }

    /// <summary>n8n's credentials encryption key (secret; vault: <c>n8n-encryption-key</c>; never rotated).</summary>
    public required Output<string> EncryptionKey { get; init; }

    /// <summary>The versions of the credentials above (<c>N8nCredentialVersions</c>): a change rolls the Deployments.</summary>
    public required string CredentialVersions { get; init; }
}
