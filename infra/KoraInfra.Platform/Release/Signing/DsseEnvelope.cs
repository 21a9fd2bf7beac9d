namespace KoraInfra.Platform.Release.Signing;

/// <summary>The recommended DSSE JSON envelope (envelope.md).</summary>
/// <param name="PayloadType">What the payload is (<see cref="Dsse.InTotoPayloadType"/> here).</param>
/// <param name="Payload">Base64 of the serialized body.</param>
/// <param name="Signatures">One or more signatures over the PAE.</param>
public sealed record DsseEnvelope(string PayloadType, string Payload, IReadOnlyList<DsseSignature> Signatures);

/// <summary>One signature of an envelope.</summary>
/// <param name="Keyid">An unauthenticated hint naming the key; never used for a security decision.</param>
/// <param name="Sig">Base64 of the signature.</param>
public sealed record DsseSignature(string? Keyid, string Sig);
