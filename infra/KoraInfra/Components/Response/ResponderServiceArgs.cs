using KoraInfra.Platform.Response;
using Pulumi;
using K8s = Pulumi.Kubernetes;

namespace KoraInfra.Components.Response;

/// <summary>
/// What <see cref="ResponderService"/> needs: Platform's plan, the cluster, and the values other
/// capabilities own (the database's host, the login slot the rotation Job gave the vault's
/// password, the vault's tokens). Every credential is a secret output.
/// </summary>
public sealed class ResponderServiceArgs
{
    /// <summary>The responder, fully decided.</summary>
    public required ResponderPlan Plan { get; init; }

    /// <summary>The explicit Kubernetes provider every object uses.</summary>
    public required K8s.Provider Provider { get; init; }

    /// <summary>The PostgreSQL server's host name.</summary>
    public required Output<string> DatabaseHost { get; init; }

    /// <summary>The slot of <c>kora_responder</c> that holds <see cref="DatabasePassword"/>.</summary>
    public required string DatabaseSlot { get; init; }

    /// <summary>The slot and password version, on the pod template: a rotation rolls the pod.</summary>
    public required string DatabaseLoginAnnotation { get; init; }

    /// <summary>The login's password (secret; vault: <c>responder-db-password</c>).</summary>
    public required Output<string> DatabasePassword { get; init; }

    /// <summary>Alertmanager's bearer token (secret; vault: <c>responder-webhook-token</c>).</summary>
    public required Output<string> WebhookToken { get; init; }

    /// <summary>The operators' API token (secret; vault: <c>responder-api-token</c>).</summary>
    public required Output<string> ApiToken { get; init; }
}
