namespace KoraInfra.Platform.Policy.Snapshots;

/// <summary>The formats resources can be read from.</summary>
public enum SnapshotFormat
{
    /// <summary><c>pulumi stack export</c>: <c>{version: 3, deployment: {resources: [...]}}</c>.</summary>
    StackExport,

    /// <summary><c>pulumi preview --json</c>: <c>{steps: [{op, urn, newState}]}</c>.</summary>
    PreviewJson,

    /// <summary>Streamed engine events (<c>pulumi up --json</c>, or preview with streaming JSON): one JSON event per line.</summary>
    EngineEvents,

    /// <summary>kora's own evaluation request: <c>{stack, resources: [{type, urn, inputs, ...}]}</c> (the CrossGuard adapter's format).</summary>
    EvaluationRequest,
}
