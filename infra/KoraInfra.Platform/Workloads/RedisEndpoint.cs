namespace KoraInfra.Platform.Workloads;

/// <summary>How n8n reaches its queue.</summary>
/// <param name="Host">The host name when Platform knows it (in-cluster); null when Azure assigns it at deploy time.</param>
/// <param name="Port">The port n8n connects to.</param>
/// <param name="Tls">Whether the connection is TLS.</param>
public sealed record RedisEndpoint(string? Host, int Port, bool Tls);
