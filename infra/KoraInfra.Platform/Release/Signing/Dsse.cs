using System.Globalization;
using System.Text;

namespace KoraInfra.Platform.Release.Signing;

/// <summary>
/// The Dead Simple Signing Envelope protocol, v1.0.0 (secure-systems-lab/dsse, protocol.md):
/// the signature covers <c>PAE(UTF8(PAYLOAD_TYPE), SERIALIZED_BODY)</c>, so neither the payload
/// nor its type can be swapped under a valid signature.
/// </summary>
public static class Dsse
{
    /// <summary>The payload type of an in-toto statement.</summary>
    public const string InTotoPayloadType = "application/vnd.in-toto+json";

    /// <summary>
    /// Pre-Authentication Encoding:
    /// <c>"DSSEv1" SP LEN(type) SP type SP LEN(body) SP body</c>, where LEN is the ASCII decimal
    /// byte length with no leading zeros.
    /// </summary>
    public static byte[] Pae(string payloadType, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(payloadType);
        var type = Encoding.UTF8.GetBytes(payloadType);
        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"DSSEv1 {type.Length} "));
        var middle = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $" {body.Length} "));
        var pae = new byte[header.Length + type.Length + middle.Length + body.Length];
        header.CopyTo(pae, 0);
        type.CopyTo(pae, header.Length);
        middle.CopyTo(pae, header.Length + type.Length);
        body.CopyTo(pae.AsSpan(header.Length + type.Length + middle.Length));
        return pae;
    }

    /// <summary>Decodes standard or URL-safe base64, with or without padding (the spec says verifiers accept either).</summary>
    public static byte[]? DecodeBase64(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var standard = text.Replace('-', '+').Replace('_', '/');
        standard = (standard.Length % 4) switch
        {
            2 => standard + "==",
            3 => standard + "=",
            _ => standard,
        };
        var buffer = new byte[standard.Length];
        return Convert.TryFromBase64String(standard, buffer, out var written) ? buffer[..written] : null;
    }
}
