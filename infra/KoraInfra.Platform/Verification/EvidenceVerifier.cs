using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Signing;

namespace KoraInfra.Platform.Verification;

/// <summary>
/// Verifies a signed evidence record as manifests are verified: the signature first (any byte
/// changed, or no signature, is a refusal), then the statement's types and subjects, then the
/// record's shape. Binding to a release is judged separately (<see cref="EvidenceBinding"/>).
/// </summary>
public static class EvidenceVerifier
{
    /// <summary>Verifies an envelope's JSON against the trusted release key.</summary>
    public static EvidenceVerification Verify(string source, string envelopeJson, ECDsa trustedKey)
    {
        ArgumentNullException.ThrowIfNull(envelopeJson);
        var (body, refusal) = DsseVerifier.SignedBody(envelopeJson, trustedKey, "evidence record", Dsse.InTotoPayloadType);
        if (body is null)
        {
            return new EvidenceVerification(source, null, refusal, ClaimedKind(envelopeJson));
        }

        // The statement's types are read before its shape, so a manifest (or any other signed
        // statement) is refused for what it is, not for a field it happens to lack.
        var text = Encoding.UTF8.GetString(body);
        var (type, predicateType) = Types(text);
        if (type != InTotoStatement.StatementType || predicateType != EvidenceStatement.RecordPredicateType)
        {
            return new EvidenceVerification(source, null, $"statement '{type}' with predicate '{predicateType}'; expected predicate '{EvidenceStatement.RecordPredicateType}' (a release manifest is not an evidence record)");
        }

        EvidenceStatement statement;
        try
        {
            statement = ReleaseJson.Read<EvidenceStatement>(text, "evidence statement");
        }
        catch (ReleaseDocumentException ex)
        {
            return new EvidenceVerification(source, null, ex.Message);
        }

        var record = statement.Predicate;
        var expected = EvidenceStatement.For(record).Subject.Select(Describe).Order(StringComparer.Ordinal);
        if (!expected.SequenceEqual(statement.Subject.Select(Describe).Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            return new EvidenceVerification(source, null, "the statement's subjects differ from the record's images", record.Kind);
        }

        var problems = EvidenceRecordRules.Problems(record);
        return problems.Count > 0
            ? new EvidenceVerification(source, null, "malformed record: " + string.Join("; ", problems), record.Kind)
            : new EvidenceVerification(source, record, null);
    }

    private static (string? Type, string? PredicateType) Types(string statement)
    {
        try
        {
            var node = JsonNode.Parse(statement);
            return (node?["_type"]?.GetValue<string>(), node?["predicateType"]?.GetValue<string>());
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return (null, null);
        }
    }

    private static VerificationKind? ClaimedKind(string envelopeJson)
    {
        try
        {
            var payload = Dsse.DecodeBase64(JsonNode.Parse(envelopeJson)?["payload"]?.GetValue<string>());
            var kind = payload is null ? null : JsonNode.Parse(payload)?["predicate"]?["kind"]?.GetValue<string>();
            return kind is null ? null : JsonSerializer.Deserialize<VerificationKind>($"\"{kind}\"", ReleaseJson.Options);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static string Describe(InTotoSubject subject) =>
        subject.Name + "@" + string.Join(",", subject.Digest.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}:{d.Value}"));
}
