using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Release.Manifest;

namespace KoraInfra.Platform.Secrets;

/// <summary>
/// The evidence part the GA workflow merges into the promotion evidence
/// (<c>secrets/pending-compromised-prod.json</c> in the release store):
/// <c>{"pendingCompromisedCredentials": [{"name": …, "reportedAt": …}]}</c>, in the release
/// documents' JSON dialect.
/// </summary>
/// <param name="PendingCompromisedCredentials">The credentials still pending.</param>
public sealed record CompromisedCredentialEvidence(IReadOnlyList<PendingCompromisedCredential> PendingCompromisedCredentials)
{
    /// <summary>The document's text.</summary>
    public string ToJson() => ReleaseJson.Write(this);

    /// <summary>Reads a document written by <see cref="ToJson"/>.</summary>
    public static CompromisedCredentialEvidence Read(string json) => ReleaseJson.Read<CompromisedCredentialEvidence>(json, "compromised-credential evidence");
}
