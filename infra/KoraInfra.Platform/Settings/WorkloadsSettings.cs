using KoraInfra.Platform.Workloads;

namespace KoraInfra.Platform.Settings;

/// <summary>The stack file's <c>kora-infra:workloads</c> value.</summary>
/// <param name="N8nImage">The n8n image: a digest in staging and prod, a version tag allowed in dev.</param>
/// <param name="N8nHost">n8n's public host name (editor, API and webhooks).</param>
public sealed record WorkloadsSettings(ContainerImage N8nImage, string N8nHost);
