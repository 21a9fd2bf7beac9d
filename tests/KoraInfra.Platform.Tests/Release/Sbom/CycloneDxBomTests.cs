using System.Diagnostics;
using System.Text;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Sbom;

namespace KoraInfra.Platform.Tests.Release.Sbom;

public sealed class CycloneDxBomTests
{
    [Fact]
    public void Reads_the_spec_version_and_the_component_described()
    {
        var bom = CycloneDxBom.Read(Boms.Bytes(Boms.Of("ghcr.io/koraos/kora-tools", "sha256:" + new string('d', 64), "1.5")), "tools.cdx.json");

        Assert.Equal(new CycloneDxBom("1.5", "container", "ghcr.io/koraos/kora-tools", "sha256:" + new string('d', 64), 1), bom);
    }

    [Theory]
    [InlineData("bomFormat", "SPDX", "tools.cdx.json: bomFormat: found 'SPDX'; expected 'CycloneDX'")]
    [InlineData("specVersion", "1.4", "tools.cdx.json: specVersion: found '1.4'; expected one of '1.5', '1.6'")]
    [InlineData("specVersion", "1.7", "tools.cdx.json: specVersion: found '1.7'; expected one of '1.5', '1.6'")]
    public void Refuses_another_format_or_spec_version_naming_the_file_and_key(string key, string value, string message)
    {
        var node = Boms.Of("kora", "sha256:" + new string('a', 64));
        node[key] = value;

        var ex = Assert.Throws<ReleaseDocumentException>(() => CycloneDxBom.Read(Boms.Bytes(node), "tools.cdx.json"));

        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_sbom_that_does_not_say_what_it_describes()
    {
        var noComponent = Boms.Of("kora", null);
        noComponent["metadata"]!.AsObject().Remove("component");
        var noName = Boms.Of(" ", null);

        var missing = Assert.Throws<ReleaseDocumentException>(() => CycloneDxBom.Read(Boms.Bytes(noComponent), "kora.cdx.json"));
        var blank = Assert.Throws<ReleaseDocumentException>(() => CycloneDxBom.Read(Boms.Bytes(noName), "kora.cdx.json"));

        Assert.Equal("kora.cdx.json: metadata.component: found missing; expected the component the SBOM describes (the artifact or image it is bound to)", missing.Message);
        Assert.StartsWith("kora.cdx.json: metadata.component.name: found ' '", blank.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_the_line_of_broken_json_and_the_byte_of_broken_utf8()
    {
        var broken = Assert.Throws<ReleaseDocumentException>(() => CycloneDxBom.Read("{\n  \"bomFormat\": \"CycloneDX\",\n  oops\n}"u8, "kora.cdx.json"));
        var latin1 = Assert.Throws<ReleaseDocumentException>(() => CycloneDxBom.Read([.. "{\"bomFormat\": \"Cyclone"u8, 0xE9, .. "\"}"u8], "kora.cdx.json"));
        var array = Assert.Throws<ReleaseDocumentException>(() => CycloneDxBom.Read("[]"u8, "kora.cdx.json"));

        Assert.StartsWith("kora.cdx.json (line 3): not JSON", broken.Message, StringComparison.Ordinal);
        Assert.Contains("not UTF-8 at byte 22", latin1.Message, StringComparison.Ordinal);
        Assert.Equal("kora.cdx.json: the document: found a JSON array; expected a JSON object, a CycloneDX BOM", array.Message);
    }

    [Theory]
    [InlineData(32, true)]
    [InlineData(33, false)]
    public void Nesting_is_accepted_up_to_the_limit_and_refused_past_it_fast(int depth, bool accepted)
    {
        // The nesting sits in a component's properties, where a hostile SBOM would hide it.
        var inner = string.Concat(Enumerable.Repeat("[", depth - 3)) + string.Concat(Enumerable.Repeat("]", depth - 3));
        var text = $"{{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"metadata\":{{\"component\":{{\"name\":\"kora\",\"x\":{inner}}}}}}}";
        var watch = Stopwatch.StartNew();

        var read = Record.Exception(() => CycloneDxBom.Read(Encoding.UTF8.GetBytes(text), "deep.cdx.json"));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
        if (accepted)
        {
            Assert.Null(read);
        }
        else
        {
            Assert.StartsWith("deep.cdx.json:1: objects or arrays nested more than 32 deep", Assert.IsType<ReleaseDocumentException>(read).Message, StringComparison.Ordinal);
        }
    }
}
