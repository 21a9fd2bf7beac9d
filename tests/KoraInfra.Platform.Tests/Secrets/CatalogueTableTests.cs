using KoraInfra.Platform.Secrets;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Tests.Secrets;

/// <summary>
/// The catalogue as reviewed (docs/secrets.md): for every secret, its owner, purpose, scope
/// (who reads it: "escopo minimo por servico"), rotation, production, content type and length.
/// A change to any of them is a decision a reviewer must see fail here first.
/// </summary>
public sealed class CatalogueTableTests
{
    private static string Row(SecretDefinition e) =>
        $"{e.Name} | {e.OwnerService} | {e.Purpose} | {string.Join(",", e.Readers)} | {e.Rotation} | {e.Production} | {e.ContentType} | {e.GeneratedLength} | {e.FormerGeneratorName ?? "-"}";

    [Fact]
    public void Every_fixed_secret_is_as_reviewed()
    {
        var catalogue = SecretCatalogue.For([]);

        Assert.Equal(
            [
                "postgres-admin-password | postgresql | server administrator login; break-glass only, no workload reads it |  | every 30 days | GeneratedByPulumi | text/plain; kind=password | 32 | -",
                "postgres-migrator-password | postgresql | role that owns the schema and runs migrations | MigrationJob | every 30 days | GeneratedByPulumi | text/plain; kind=password | 32 | -",
                "postgres-app-password | postgresql | role of the platform runtime, subject to row-level security | PlatformRuntime | every 60 days | GeneratedByPulumi | text/plain; kind=password | 32 | -",
                "postgres-n8n-password | postgresql | role of n8n's own database | N8n | every 60 days | GeneratedByPulumi | text/plain; kind=password | 32 | -",
                "redis-access-key | redis | access key of the queue and cache | N8n,PlatformRuntime | every 90 days | IssuedByAzure | text/plain; kind=access-key | 32 | -",
                "n8n-encryption-key | n8n | key n8n encrypts every stored workflow credential with | N8n | never (n8n encrypts every saved credential with this key and has no re-keying: a new key makes every stored credential unreadable; replace it only by the emergency procedure that re-enters the credentials) | GeneratedByPulumi | text/plain; kind=encryption-key | 48 | n8n-encryption-key",
                "n8n-owner-password | n8n | password of n8n's owner account | N8n | every 60 days | GeneratedByPulumi | text/plain; kind=password | 32 | -",
                "responder-webhook-token | responder | bearer token Alertmanager presents on the responder's webhook | PlatformRuntime,Responder | every 90 days | GeneratedByPulumi | text/plain; kind=bearer-token | 48 | -",
                "responder-api-token | responder | bearer token of the responder's operator API (kora incident, kora safe-mode) | Responder | every 90 days | GeneratedByPulumi | text/plain; kind=bearer-token | 48 | -",
                "responder-db-password | postgresql | role of the responder (its schema, tenant controls through their functions) | Responder | every 60 days | GeneratedByPulumi | text/plain; kind=password | 32 | -",
            ],
            catalogue.Entries.Select(Row));
    }

    [Fact]
    public void A_webhook_receiver_adds_its_url_once_read_by_the_runtime_and_provided_by_an_operator()
    {
        AlertReceiverSettings[] receivers =
        [
            new("oncall", EscalationLevel.Superadmin, ReceiverChannel.Webhook, null, "alert-oncall-webhook-url"),
            new("oncall-again", EscalationLevel.Devops, ReceiverChannel.Webhook, null, "alert-oncall-webhook-url"),
            new("mail", EscalationLevel.Devops, ReceiverChannel.Email, "ops@koraos.dev", "alert-mail-url"),
            new("unnamed", EscalationLevel.Devops, ReceiverChannel.Webhook, null, null),
        ];

        var catalogue = SecretCatalogue.For(receivers);

        Assert.Equal(
            "alert-oncall-webhook-url | alertmanager | webhook URL of an alert receiver; the URL carries the receiver's token | PlatformRuntime | every 90 days | ProvidedByOperator | text/uri-list | 32 | -",
            Row(Assert.Single(catalogue.Entries, e => e.Name.StartsWith("alert-", StringComparison.Ordinal))));
    }

    [Fact]
    public void Content_types_are_the_published_constants()
    {
        Assert.Equal("text/plain; kind=password", SecretCatalogue.PasswordContentType);
        Assert.Equal("text/plain; kind=bearer-token", SecretCatalogue.BearerTokenContentType);
        Assert.Equal(90, SecretCatalogue.MaximumRotationDays);
    }
}
