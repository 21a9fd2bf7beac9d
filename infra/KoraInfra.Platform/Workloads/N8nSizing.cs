using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Workloads;

/// <summary>How big each n8n process is for a sizing tier.</summary>
/// <param name="Main">Main's requests and limits (always one replica).</param>
/// <param name="WorkerReplicas">Worker pods.</param>
/// <param name="WorkerConcurrency">Executions per worker (n8n advises at least 5).</param>
/// <param name="Worker">A worker's requests and limits.</param>
/// <param name="WebhookReplicas">Webhook processor pods; 0 when main takes webhooks itself.</param>
/// <param name="Webhook">A webhook processor's requests and limits.</param>
public sealed record N8nSizing(
    ResourceSizing Main,
    int WorkerReplicas,
    int WorkerConcurrency,
    ResourceSizing Worker,
    int WebhookReplicas,
    ResourceSizing Webhook)
{
    /// <summary>
    /// The sizes of a tier. Webhook processors from medium up: with main held at one replica
    /// (R-DO-005) they keep webhook intake running while main restarts or is rescheduled;
    /// dev does without them (main takes webhooks) to stay small.
    /// </summary>
    public static N8nSizing For(SizingTier tier) => tier switch
    {
        SizingTier.Small => new N8nSizing(
            Main: new ResourceSizing("250m", "512Mi", "1", "1Gi"),
            WorkerReplicas: 1,
            WorkerConcurrency: 5,
            Worker: new ResourceSizing("250m", "512Mi", "1", "1Gi"),
            WebhookReplicas: 0,
            Webhook: new ResourceSizing("100m", "256Mi", "500m", "512Mi")),
        SizingTier.Medium => new N8nSizing(
            Main: new ResourceSizing("500m", "1Gi", "1", "2Gi"),
            WorkerReplicas: 2,
            WorkerConcurrency: 10,
            Worker: new ResourceSizing("500m", "1Gi", "2", "2Gi"),
            WebhookReplicas: 2,
            Webhook: new ResourceSizing("250m", "512Mi", "1", "1Gi")),
        SizingTier.Large => new N8nSizing(
            Main: new ResourceSizing("1", "2Gi", "2", "4Gi"),
            WorkerReplicas: 4,
            WorkerConcurrency: 10,
            Worker: new ResourceSizing("1", "2Gi", "2", "4Gi"),
            WebhookReplicas: 3,
            Webhook: new ResourceSizing("500m", "1Gi", "1", "2Gi")),
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "not a sizing tier"),
    };
}
