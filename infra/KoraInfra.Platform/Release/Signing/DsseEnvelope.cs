namespace KoraInfra.Platform.Release.Signing;

/// <summary>The recommended DSSE JSON envelope (envelope.md).</summary>
/// <param name="PayloadType">What the payload is (<see cref="Dsse.InTotoPayloadType"/> here).</param>
/// <param name="Payload">Base64 of the serialized body.</param>
/// <param name="Signatures">One or more signatures over the PAE.</param>
public sealed record DsseEnvelope(string PayloadType, string Payload, IReadOnlyList<DsseSignature> Signatures);

/// <summary>One signature of an envelope.</summary>
public sealed record DsseSignature
{
    /// <summary>An optional, unauthenticated hint naming the key; never used for a security decision.</summary>
    public string? Keyid { get; init; }

    /// <summary>Base64 of the signature.</summary>
    public required string Sig { get; init; }
}
