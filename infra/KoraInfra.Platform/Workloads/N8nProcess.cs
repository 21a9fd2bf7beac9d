namespace KoraInfra.Platform.Workloads;

/// <summary>The three n8n processes of queue mode.</summary>
public enum N8nProcess
{
    /// <summary>Editor, API, triggers and timers; enqueues executions. Exactly one (R-DO-005).</summary>
    Main,

    /// <summary>Takes executions off the queue and runs them.</summary>
    Worker,

    /// <summary>Receives production webhooks and enqueues them, so webhook intake survives a main restart.</summary>
    Webhook,
}
