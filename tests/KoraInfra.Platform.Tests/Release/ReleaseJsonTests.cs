using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Release.Manifest;
using static KoraInfra.TestCases.ReleaseFixtures;

namespace KoraInfra.Platform.Tests.Release;

/// <summary>
/// The one JSON dialect of release documents, option by option: what it writes exactly, and each
/// thing a strict reader refuses with the message a reviewer reads (what, where, what was expected).
/// </summary>
public sealed class ReleaseJsonTests
{
    private static string Refusal<T>(string json, string what = "head.json") =>
        Assert.Throws<ReleaseDocumentException>(() => ReleaseJson.Read<T>(json, what)).Message;

    [Fact]
    public void A_document_is_written_indented_in_camel_case_with_null_properties_left_out()
    {
        Assert.Equal("{\n  \"count\": 3,\n  \"lastHash\": \"abc\"\n}", ReleaseJson.Write(new AuditHead(3, "abc")).ReplaceLineEndings("\n"));

        var link = ReleaseJson.Write(new EvidenceLink(EvidenceKind.MigrationAndRollback, true, Link("m")));
        Assert.Equal("{\n  \"kind\": \"migration-and-rollback\",\n  \"passed\": true,\n  \"url\": \"https://ci.koraos.dev/evidence/m\"\n}", link.ReplaceLineEndings("\n"));

        var entry = ReleaseJson.Write(Promoted(1, PromotionGate.PromoteRc, "v1.4.0-rc.2", [Api], Now) with { Gate = null });
        Assert.DoesNotContain("\"gate\"", entry, StringComparison.Ordinal);
        Assert.DoesNotContain("null", entry, StringComparison.Ordinal);
    }

    [Fact]
    public void What_it_writes_it_reads_back_equal()
    {
        var head = new AuditHead(3, "abc");

        Assert.Equal(head, ReleaseJson.Read<AuditHead>(ReleaseJson.Write(head), "head.json"));
        Assert.Equal(PromotionGate.DeployProd, ReleaseJson.Read<PromotionGate>("\"deploy-prod\"", "gate"));
        Assert.Equal(ReleaseVersion.TryParse("v1.4.0-rc.2"), ReleaseJson.Read<ReleaseVersion>("\"v1.4.0-rc.2\"", "version"));
        Assert.Equal("\"v1.4.0-rc.2\"", ReleaseJson.Write(ReleaseVersion.TryParse("v1.4.0-rc.2")));
        Assert.Equal("\"ghcr.io/koraos/api@sha256:" + new string('a', 64) + "\"", ReleaseJson.Write(Api));
    }

    [Fact]
    public void An_unknown_property_is_refused_naming_its_line_and_path()
    {
        Assert.Equal(
            "head.json (line 1, $.extra): The JSON property 'extra' could not be mapped to any .NET member contained in type 'KoraInfra.Platform.Release.Audit.AuditHead'.",
            Refusal<AuditHead>("{\"count\":1,\"lastHash\":\"abc\",\"extra\":true}"));
    }

    [Fact]
    public void A_missing_property_is_refused_not_defaulted()
    {
        Assert.Equal(
            "head.json (line 1, $): JSON deserialization for type 'KoraInfra.Platform.Release.Audit.AuditHead' was missing required properties including: 'lastHash'.",
            Refusal<AuditHead>("{\"count\":1}"));
    }

    [Fact]
    public void A_null_where_the_type_holds_none_is_refused()
    {
        Assert.Equal(
            "head.json (line 1, $.lastHash): The constructor parameter 'LastHash' on type 'KoraInfra.Platform.Release.Audit.AuditHead' doesn't allow null values. Consider updating its nullability annotation.",
            Refusal<AuditHead>("{\"count\":1,\"lastHash\":null}"));
    }

    [Fact]
    public void A_trailing_comma_or_a_comment_is_refused_with_the_line_it_is_on()
    {
        var comma = Refusal<AuditHead>("{\n\"count\":1,\n\"lastHash\":\"abc\",\n}");
        Assert.StartsWith("head.json (line 4, $): The JSON object contains a trailing comma", comma, StringComparison.Ordinal);
        Assert.DoesNotContain(" Path:", comma, StringComparison.Ordinal);
        Assert.StartsWith("head.json (line 2, $): ", Refusal<AuditHead>("{\"count\":1,\n// edited\n\"lastHash\":\"abc\"}"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_enum_is_its_kebab_case_name_never_a_number()
    {
        Assert.Equal("gate (line 1, $): The JSON value could not be converted to KoraInfra.Platform.Release.Manifest.PromotionGate.", Refusal<PromotionGate>("1", "gate"));
        Assert.Equal("gate (line 1, $): The JSON value could not be converted to KoraInfra.Platform.Release.Manifest.PromotionGate.", Refusal<PromotionGate>("\"deploy-nowhere\"", "gate"));
    }

    [Fact]
    public void A_version_or_image_is_tag_text_and_anything_else_names_the_shape_expected()
    {
        Assert.Equal($"version (line 1, $): found Number; expected {ReleaseVersion.Expected}", Refusal<ReleaseVersion>("14", "version"));
        Assert.Equal($"version (line 1, $): found 'main'; expected {ReleaseVersion.Expected}", Refusal<ReleaseVersion>("\"main\"", "version"));
        Assert.Equal($"image (line 1, $): found 'ghcr.io/koraos/api:latest'; expected {ImageReference.Expected}", Refusal<ImageReference>("\"ghcr.io/koraos/api:latest\"", "image"));
    }

    [Fact]
    public void A_null_document_is_refused_as_not_an_object()
    {
        Assert.Equal("head.json: the document is 'null'; expected a JSON object", Refusal<AuditHead>("null"));
    }

    [Fact]
    public void A_document_past_the_input_limits_is_refused_as_a_release_document_naming_the_key()
    {
        var ex = Assert.Throws<ReleaseDocumentException>(() => ReleaseJson.Read<AuditHead>("{\"count\":1,\"count\":2,\"lastHash\":\"abc\"}", "head.json"));

        Assert.StartsWith("head.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("the key 'count' twice in one object", ex.Message, StringComparison.Ordinal);
        Assert.IsType<KoraInfra.Platform.Input.InputRefusedException>(ex.InnerException);
    }
}
